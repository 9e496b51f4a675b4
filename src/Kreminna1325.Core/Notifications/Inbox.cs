using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Notifications;

/// <summary>One unread notification as the bell lists it.</summary>
public sealed record BellItem(long Id, string Subject, string Link, DateTimeOffset CreatedAt);

/// <summary>A person's unread notifications, newest first, and how many there are in all.</summary>
public sealed record BellContents(int Unread, IReadOnlyList<BellItem> Items)
{
    public static readonly BellContents Empty = new(0, []);
}

/// <summary>
/// The inbox the bell shows: a person's own unread notifications, and marking them read. Every call takes the caller and touches
/// only their rows, so a guessed id of someone else's notification does nothing.
/// </summary>
public sealed class Inbox(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>How many the bell lists; the count says how many there are beyond.</summary>
    public const int Listed = 20;

    public async Task<BellContents> UnreadAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (Permissions.UserId(user) is not { } userId)
        {
            return BellContents.Empty;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unread = db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null);
        var count = await unread.CountAsync(ct);
        if (count == 0)
        {
            return BellContents.Empty;
        }

        var items = await unread.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(Listed)
            .Select(n => new BellItem(n.Id, n.Subject, n.Link, n.CreatedAt))
            .ToListAsync(ct);
        return new BellContents(count, items);
    }

    /// <summary>
    /// Marks one of the person's notifications read and answers where it leads (an app-relative path), or null
    /// when it is not theirs or does not exist. Opening one already read still answers its link.
    /// </summary>
    public async Task<string?> OpenAsync(ClaimsPrincipal user, long id, CancellationToken ct = default)
    {
        if (Permissions.UserId(user) is not { } userId)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.Id == id && n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        var link = await db.Notifications.Where(n => n.Id == id && n.UserId == userId).Select(n => n.Link).SingleOrDefaultAsync(ct);
        return link is null ? null : AppPath(link);
    }

    /// <summary>Marks every unread notification of the person read; answers how many were.</summary>
    public async Task<int> MarkAllReadAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (Permissions.UserId(user) is not { } userId)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        return await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    /// <summary>
    /// A stored link as the bell may follow it: only a path inside the app ("/reports/12"). Anything else — an
    /// absolute or protocol-relative address, a backslash trick, a script — leads to the start page instead.
    /// </summary>
    public static string AppPath(string link) =>
        link.Length > 0 && link[0] == '/' && (link.Length == 1 || (link[1] != '/' && link[1] != '\\'))
        && !link.Any(c => char.IsControl(c) || c == '\\')
            ? link
            : "/";
}
