using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Audit;

/// <summary>What /audit narrows to; <see cref="UserId"/> may be <see cref="SystemPerson"/> for what the app did by itself.</summary>
public sealed record AuditFilter(
    string? UserId = null, string? EntityType = null, DateOnly? From = null, DateOnly? To = null, AuditAction? Action = null)
{
    public const string SystemPerson = "system";
}

public sealed record AuditRecord(
    long Id, DateTimeOffset At, string? UserId, string UserName, string EntityType, string EntityKey,
    AuditAction Action, int? MeasureId, IReadOnlyList<FieldChange> Changes, int? CommunityId = null);

public sealed record AuditPage(IReadOnlyList<AuditRecord> Items, int Total);

/// <summary>A page of history lines; <see cref="Total"/> counts lines (a folded batch is one).</summary>
public sealed record HistoryPage(IReadOnlyList<HistoryLine> Lines, int Total);

/// <summary>Reads the audit trail; there is deliberately nothing here, or anywhere, that writes to it but the interceptor.</summary>
public sealed class AuditQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int MaxPageSize = 200;

    public async Task<AuditPage> ListAsync(ClaimsPrincipal user, AuditFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        Demand(user);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(page, 0);
        await using var db = await dbFactory.CreateForAsync(user, ct);
        var query = Filtered(db, filter);
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

        await using var db = await dbFactory.CreateForAsync(user, ct);
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.MeasureId == measureId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(Math.Clamp(limit, 1, MaxPageSize))
            .ToListAsync(ct);
        return rows.Select(ToRecord).ToList();
    }

    /// <summary>
    /// The trail as history in words, newest first, paged by the database. The reporting periods one save generated
    /// or retired (a start-up, a plan's years, a measure's term) are one line, so they do not bury the edits.
    /// </summary>
    public async Task<HistoryPage> LinesAsync(ClaimsPrincipal user, AuditFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        Demand(user);
        await using var db = await dbFactory.CreateForAsync(user, ct);
        return await LinesAsync(db, Filtered(db, filter), page, pageSize, ct);
    }

    /// <summary>A measure's history in words, as <see cref="HistoryOfMeasureAsync"/> reads it.</summary>
    public async Task<IReadOnlyList<HistoryLine>> LinesOfMeasureAsync(ClaimsPrincipal user, int measureId, int limit = 100, CancellationToken ct = default)
    {
        Demand(user);
        await using var db = await dbFactory.CreateForAsync(user, ct);
        return (await LinesAsync(db, db.AuditEntries.AsNoTracking().Where(a => a.MeasureId == measureId), 0, limit, ct)).Lines;
    }

    private static async Task<HistoryPage> LinesAsync(AppDbContext db, IQueryable<AuditEntry> query, int page, int pageSize, CancellationToken ct)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(page, 0);

        // A save's records share their instant and author, so that is what a folded line groups by.
        var lines = query
            .GroupBy(a => new
            {
                a.At, a.UserName, a.EntityType, a.Action,
                One = a.EntityType == nameof(Monitoring.ReportingPeriod) ? 0L : a.Id,
            })
            .Select(g => new { g.Key.At, g.Key.UserName, g.Key.EntityType, g.Key.Action, Last = g.Max(a => a.Id), Count = g.Count() });
        var total = await lines.CountAsync(ct);
        var chosen = await lines.OrderByDescending(l => l.At).ThenByDescending(l => l.Last)
            .Skip(page * pageSize).Take(pageSize).ToListAsync(ct);

        var singles = chosen.Where(l => l.Count == 1).Select(l => l.Last).ToList();
        var rows = await query.Where(a => singles.Contains(a.Id)).ToListAsync(ct);
        foreach (var l in chosen.Where(l => l.Count > 1))
        {
            rows.AddRange(await query
                .Where(a => a.At == l.At && a.UserName == l.UserName && a.EntityType == l.EntityType && a.Action == l.Action)
                .OrderBy(a => a.Id).Take(FoldedShown).ToListAsync(ct));
        }

        var records = rows.Select(ToRecord).ToList();
        var narration = new AuditNarration(db.Model, await AuditReferences.LoadAsync(db, records, ct));
        var byLine = records.ToLookup(r => r.Id);
        return new HistoryPage(chosen.Select(l => l.Count == 1
                ? narration.Line(byLine[l.Last].ToList(), 1)
                : narration.Line(records.Where(r => r.At == l.At && r.UserName == l.UserName && r.EntityType == l.EntityType && r.Action == l.Action).ToList(), l.Count))
            .ToList(), total);
    }

    /// <summary>How many of a folded line's records are listed under it; the line itself counts them all.</summary>
    public const int FoldedShown = 500;

    public async Task<IReadOnlyList<string>> EntityTypesAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        Demand(user);
        await using var db = await dbFactory.CreateForAsync(user, ct);
        return await db.AuditEntries.Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
    }

    /// <summary>Everyone who has changed something, for the "person" filter.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> PeopleAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        Demand(user);
        await using var db = await dbFactory.CreateForAsync(user, ct);
        var people = await db.AuditEntries.Where(a => a.UserId != null)
            .GroupBy(a => a.UserId!)
            .Select(g => new { Id = g.Key, Email = g.Max(a => a.UserName) })
            .ToListAsync(ct);
        var names = await PersonNames.LoadAsync(db, people.Select(p => p.Email), people.Select(p => p.Id), ct);
        var result = people.Select(p => (p.Id, Name: names.Of(p.Email, p.Id)))
            .OrderBy(p => p.Name, StringComparer.Create(Messages.Ukrainian, ignoreCase: true)).ToList();

        // What the app did by itself (seeding, generated periods) is asked for like a person's work.
        if (await db.AuditEntries.AnyAsync(a => a.UserId == null && a.UserName == Actor.System.Name, ct))
        {
            result.Insert(0, (AuditFilter.SystemPerson, names.Of(Actor.System.Name)));
        }

        return result;
    }

    private static IQueryable<AuditEntry> Filtered(AppDbContext db, AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (filter.UserId == AuditFilter.SystemPerson)
        {
            query = query.Where(a => a.UserId == null && a.UserName == Actor.System.Name);
        }
        else if (!string.IsNullOrEmpty(filter.UserId))
        {
            query = query.Where(a => a.UserId == filter.UserId);
        }

        if (filter.Action is { } action)
        {
            query = query.Where(a => a.Action == action);
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

        return query;
    }

    private static void Demand(ClaimsPrincipal user) =>
        Permissions.Demand(user, Permissions.CanViewAudit, "The audit trail is for administrators and executives.");

    private static AuditRecord ToRecord(AuditEntry a) =>
        new(a.Id, a.At, a.UserId, a.UserName, a.EntityType, a.EntityKey, a.Action, a.MeasureId, FieldChange.Parse(a.Changes), a.CommunityId);
}
