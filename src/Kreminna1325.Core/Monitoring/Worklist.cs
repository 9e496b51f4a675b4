using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Monitoring;

/// <summary>
/// Where a period stands on its official's worklist, in the order the list shows them: what needs action first
/// (returned, overdue, due soon — <see cref="Needing"/>), then the rest. Each period is in exactly one.
/// </summary>
public enum WorkState
{
    Returned = 0,
    Overdue = 1,
    DueSoon = 2,

    /// <summary>A draft, or a period that has ended without a report, due later than "due soon".</summary>
    ToDo = 3,
    Submitted = 4,
    Approved = 5,
}

public sealed record WorklistFilter(
    int? PlanId = null,
    WorkState? State = null,
    int? Year = null,
    int? Quarter = null,
    int? DirectionId = null,
    int? BodyId = null,
    string? Search = null,
    int Page = 0,
    int PageSize = Worklist.DefaultPageSize);

/// <summary>The official who last saved or submitted a report, and which of the measure's bodies they act for.</summary>
public sealed record ReportActor(string Name, string? Body);

public sealed record WorklistRow(ReportRow Report, WorkState State, ReportActor? LastActor, bool SharedMeasure);

public sealed record WorklistPage(IReadOnlyList<WorklistRow> Rows, int Total);

/// <summary>How many of the person's periods are in each state: the chips count these and the navigation says <see cref="NeedingAction"/>.</summary>
public sealed record WorklistCounts(IReadOnlyDictionary<WorkState, int> ByState)
{
    public int this[WorkState state] => ByState.GetValueOrDefault(state);

    public int Total => ByState.Values.Sum();

    public int NeedingAction => Worklist.Needing.Sum(s => this[s]);
}

/// <summary>
/// "My reports": the periods of the measures of the bodies a person is scoped to (<see cref="MeasureAccess.MeasuresOf"/>),
/// what needs action first, filtered, searched and paged by the database.
/// </summary>
public sealed partial class Worklist(IDbContextFactory<AppDbContext> dbFactory, CommunityClock clock)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    /// <summary>The states that need the person's action, first on the list and counted in the navigation.</summary>
    public static readonly IReadOnlyList<WorkState> Needing = [WorkState.Returned, WorkState.Overdue, WorkState.DueSoon];

    public async Task<WorklistPage> PageAsync(ClaimsPrincipal user, WorklistFilter filter, CancellationToken ct = default)
    {
        var userId = Demand(user);
        await using var db = await dbFactory.CreateForAsync(user, ct);
        var today = clock.Today;
        var items = Items(db, userId, filter, today);
        if (filter.State is { } state)
        {
            items = items.Where(i => i.Rank == (int)state);
        }

        var total = await items.CountAsync(ct);
        var pageSize = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        // A page far past the end (?page=2147483647 typed in the address) is an empty page, not an overflowing OFFSET.
        var skip = (int)Math.Min((long)Math.Max(filter.Page, 0) * pageSize, total);
        var page = await items
            .OrderBy(i => i.Rank).ThenBy(i => i.Facts.Period.Due)
            .ThenBy(i => i.Facts.Period.Measure.Direction.Order).ThenBy(i => i.Facts.Period.Measure.Number).ThenBy(i => i.Facts.Period.Id)
            .Skip(skip).Take(pageSize)
            .Select(i => new { i.Facts.Period.Id, i.Rank, Shared = i.Facts.Period.Measure.ResponsibleBodies.Count() > 1 })
            .ToListAsync(ct);
        var ids = page.Select(p => p.Id).ToList();
        var rows = (await ReportQueries.Project(PeriodStates.Facts(db.ReportingPeriods.AsNoTracking().Where(p => ids.Contains(p.Id)), today))
            .ToListAsync(ct)).ToDictionary(r => r.Period.Id);
        var actors = await ReportActors.OfAsync(db, rows.Values.Where(r => r.ReportId is not null).Select(r => r.ReportId!.Value).ToList(), ct);
        return new WorklistPage(
            page.Select(p =>
            {
                var row = rows[p.Id];
                return new WorklistRow(row, (WorkState)p.Rank, row.ReportId is { } id ? actors.GetValueOrDefault(id) : null, p.Shared);
            }).ToList(),
            total);
    }

    /// <summary>The counts of each state under the same filters but the state: what each chip opens, and (unfiltered) the navigation's count.</summary>
    public async Task<WorklistCounts> CountsAsync(ClaimsPrincipal user, WorklistFilter filter, CancellationToken ct = default)
    {
        var userId = Demand(user);
        await using var db = await dbFactory.CreateForAsync(user, ct);
        var counts = await Items(db, userId, filter with { State = null }, clock.Today)
            .GroupBy(i => i.Rank)
            .Select(g => new { Rank = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return new WorklistCounts(counts.ToDictionary(c => (WorkState)c.Rank, c => c.Count));
    }

    private static string Demand(ClaimsPrincipal user)
    {
        Permissions.Demand(user, Permissions.CanReport, "Only officials and administrators have reports of their own.");
        return Permissions.UserId(user) ?? throw new ForbiddenException("A report of one's own needs a signed-in person.");
    }

    private sealed class Item
    {
        public PeriodFacts Facts { get; init; } = null!;
        public int Rank { get; init; }
    }

    /// <summary>
    /// The person's live periods that have ended, are due soon or have a report, each with its <see cref="WorkState"/>
    /// (as a number: the database orders by it). Overdue and due soon are <see cref="PeriodStates"/>' own rules.
    /// </summary>
    private static IQueryable<Item> Items(AppDbContext db, string userId, WorklistFilter filter, DateOnly today)
    {
        var mine = MeasureAccess.MeasuresOf(db, userId, filter.BodyId);
        var measures = db.Measures.Where(m => mine.Contains(m.Id));
        if (filter.PlanId is { } plan)
        {
            measures = measures.Where(m => m.Direction.PlanId == plan);
        }

        if (filter.DirectionId is { } direction)
        {
            measures = measures.Where(m => m.DirectionId == direction);
        }

        // A measure's number ("iii.5") means that measure, not every number that contains it ("I.4" is in "III.4").
        if (filter.Search?.Trim().ToUpperInvariant() is { } typed && MeasureNumber().IsMatch(typed))
        {
            measures = measures.Where(m => m.Direction.Number + "." + m.Number == typed);
        }
        else if (MeasureSearch.Pattern(filter.Search) is { } pattern)
        {
            measures = measures.Where(m =>
                EF.Functions.ILike(m.Direction.Number + "." + m.Number, pattern, "\\")
                || EF.Functions.ILike(m.Content, pattern, "\\")
                || m.Indicators.Any(i => EF.Functions.ILike(i.Text, pattern, "\\")));
        }

        var soon = PeriodStates.DueSoonUntil(today);
        var periods = db.ReportingPeriods.AsNoTracking()
            .Where(p => !p.IsOrphaned && measures.Any(m => m.Id == p.MeasureId) && (p.Report != null || p.End < today || p.Due <= soon));
        if (filter.Year is { } year)
        {
            periods = periods.Where(p => p.Year == year);
        }

        var facts = PeriodStates.Facts(periods, today);
        if (filter.Quarter is { } quarter)
        {
            facts = facts.Where(f => f.Quarter == quarter);
        }

        return facts.Select(f => new Item
        {
            Facts = f,
            Rank = f.Period.Report != null && f.Period.Report.Status == ReportStatus.Returned ? (int)WorkState.Returned
                : f.Overdue ? (int)WorkState.Overdue
                : f.DueSoon ? (int)WorkState.DueSoon
                : f.Period.Report == null || f.Period.Report.Status == ReportStatus.Draft ? (int)WorkState.ToDo
                : f.Period.Report.Status == ReportStatus.Submitted ? (int)WorkState.Submitted
                : (int)WorkState.Approved,
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[IVXLC]+\.[0-9]+$")]
    private static partial System.Text.RegularExpressions.Regex MeasureNumber();
}
