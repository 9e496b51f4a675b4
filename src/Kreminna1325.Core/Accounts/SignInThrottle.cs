using System.Security.Cryptography;
using System.Text;
using Kreminna1325.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Accounts;

/// <summary>Failed sign-ins under one key: an account tried from one client address, or one client address.</summary>
public sealed class SignInFailure
{
    /// <summary>SHA-256 of the key, so what a person typed into the e-mail field (sometimes their password) is never stored.</summary>
    public string Key { get; set; } = "";

    public int Failures { get; set; }

    public DateTimeOffset LastFailureAt { get; set; }

    public DateTimeOffset? BlockedUntil { get; set; }
}

public sealed record SignInThrottleSettings
{
    /// <summary>Failures of one account from one address before attempts wait.</summary>
    public int FreeFailuresPerAccount { get; init; } = 5;

    /// <summary>Failures from one address over all accounts (password spraying); higher, because an office shares one address.</summary>
    public int FreeFailuresPerAddress { get; init; } = 30;

    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan LongestDelay { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// A key with no failure for this long starts counting afresh; meanwhile its count also drains, one
    /// failure per Memory / free failures, so an office that mistypes now and then never reaches its limit.
    /// </summary>
    public TimeSpan Memory { get; init; } = TimeSpan.FromHours(24);
}

/// <summary>
/// Slows password guessing down without handing anyone a switch that locks an official out: failures
/// count per (account, client address) and per client address, and past a few of them that key waits
/// for a time that doubles with every further failure. The account itself is never locked, so its owner
/// signs in from another address meanwhile. Counters live in PostgreSQL, so several instances share them.
/// </summary>
public sealed class SignInThrottle(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, SignInThrottleSettings settings)
{
    /// <summary>How long attempts for this e-mail from this address must still wait; null when they may go ahead.</summary>
    public async Task<TimeSpan?> WaitAsync(string email, string? address, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        string[] keys = [AccountKey(email, address), AddressKey(address)];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var until = await db.SignInFailures.AsNoTracking()
            .Where(f => keys.Contains(f.Key) && f.BlockedUntil > now)
            .MaxAsync(f => f.BlockedUntil, ct);
        return until is { } u ? u - now : null;
    }

    public async Task RecordFailureAsync(string email, string? address, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await CountAsync(db, AccountKey(email, address), settings.FreeFailuresPerAccount, now, ct);
        await CountAsync(db, AddressKey(address), settings.FreeFailuresPerAddress, now, ct);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"DELETE FROM sign_in_failures WHERE last_failure_at < {now - settings.Memory} AND (blocked_until IS NULL OR blocked_until < {now})", ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The account's count from this address starts afresh; the address's own count does not, or one's own account would reset it.</summary>
    public async Task RecordSuccessAsync(string email, string? address, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = AccountKey(email, address);
        await db.SignInFailures.Where(f => f.Key == key).ExecuteDeleteAsync(ct);
    }

    // One statement counts, so concurrent failures on several instances are all counted. The count drains
    // (a leaky bucket): without it an address shared by an office would climb by its daily typos until
    // every typo there blocked everyone, the lock-out switch this class exists to avoid.
    private async Task CountAsync(AppDbContext db, string key, int free, DateTimeOffset now, CancellationToken ct)
    {
        var drainSeconds = settings.Memory.TotalSeconds / free;
        var failures = (await db.Database.SqlQuery<int>($"""
            INSERT INTO sign_in_failures AS f (key, failures, last_failure_at) VALUES ({key}, 1, {now})
            ON CONFLICT (key) DO UPDATE SET
                failures = CASE WHEN f.last_failure_at < {now - settings.Memory} THEN 1
                    ELSE GREATEST(f.failures - FLOOR(EXTRACT(EPOCH FROM ({now} - f.last_failure_at)) / {drainSeconds})::int, 0) + 1 END,
                last_failure_at = {now}
            RETURNING f.failures AS "Value"
            """).ToListAsync(ct))[0];
        if (failures >= free)
        {
            var doublings = Math.Min(failures - free, 20);
            var delay = TimeSpan.FromTicks(Math.Min(settings.FirstDelay.Ticks << doublings, settings.LongestDelay.Ticks));
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE sign_in_failures SET blocked_until = {now + delay} WHERE key = {key}", ct);
        }
    }

    private static string AccountKey(string email, string? address) => Hash($"account\n{email.Trim().ToUpperInvariant()}\n{address ?? "unknown"}");

    private static string AddressKey(string? address) => Hash($"address\n{address ?? "unknown"}");

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
