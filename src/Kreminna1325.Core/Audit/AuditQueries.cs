using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Audit;

public sealed record AuditFilter(string? UserId = null, string? EntityType = null, DateOnly? From = null, DateOnly? To = null);

public sealed record AuditRecord(
    long Id, DateTimeOffset At, string? UserId, string UserName, string EntityType, string EntityKey,
    AuditAction Action, int? MeasureId, IReadOnlyList<FieldChange> Changes);

public sealed record AuditPage(IReadOnlyList<AuditRecord> Items, int Total);

/// <summary>Reads the audit trail; there is deliberately nothing here, or anywhere, that writes to it but the interceptor.</summary>
public sealed class AuditQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int MaxPageSize = 200;

    public async Task<AuditPage> ListAsync(ClaimsPrincipal user, AuditFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        Demand(user);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(page, 0);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.UserId))
        {
            query = query.Where(a => a.UserId == filter.UserId);
        }

        if (!string.IsNullOrEmpty(filter.EntityType))
        {
            query = query.Where(a => a.EntityType == filter.EntityType);
        }

        // Dates are whole Kyiv days, the "to" day included.
        if (filter.From is { } from)
        {
            var start = CommunityClock.StartOf(from);
            query = query.Where(a => a.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = CommunityClock.StartOf(to.AddDays(1));
            query = query.Where(a => a.At < end);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip(page * pageSize).Take(pageSize)
            .ToListAsync(ct);
        return new AuditPage(rows.Select(ToRecord).ToList(), total);
    }

    /// <summary>
    /// Everything that happened to a measure and the rows that belong to it, newest first. It is the
    /// audit trail narrowed to one measure, so it is read by whoever may read the trail, and nobody else.
    /// </summary>
    public async Task<IReadOnlyList<AuditRecord>> HistoryOfMeasureAsync(ClaimsPrincipal user, int measureId, int limit = 100, CancellationToken ct = default)
    {
        Demand(user);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.MeasureId == measureId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(Math.Clamp(limit, 1, MaxPageSize))
            .ToListAsync(ct);
        return rows.Select(ToRecord).ToList();
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        Demand(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditEntries.Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
    }

    /// <summary>Everyone who has changed something, for the "person" filter.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> PeopleAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        Demand(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = await db.AuditEntries.Where(a => a.UserId != null)
            .GroupBy(a => a.UserId!)
            .Select(g => new { Id = g.Key, Name = g.Max(a => a.UserName) })
            .OrderBy(p => p.Name)
            .ToListAsync(ct);
        return people.Select(p => (p.Id, p.Name ?? "")).ToList();
    }

    private static void Demand(ClaimsPrincipal user) =>
        Permissions.Demand(user, Permissions.CanViewAudit, "The audit trail is for administrators and executives.");

    private static AuditRecord ToRecord(AuditEntry a) =>
        new(a.Id, a.At, a.UserId, a.UserName, a.EntityType, a.EntityKey, a.Action, a.MeasureId, FieldChange.Parse(a.Changes));
}
