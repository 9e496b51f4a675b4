using System.Security.Claims;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Dashboard;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Rollups;

/// <summary>
/// The oblast's and the country's figures, community by community: a few database aggregates over every community
/// at once, each grouped by the community column the big tables carry, never a query per community. Each figure is
/// the dashboard's own definition (<see cref="MeasureImplementation"/>, <see cref="PeriodStates"/>,
/// <see cref="BudgetReportService.Planned"/>, <see cref="ApprovedReports"/>), so a row says what that community's
/// dashboard says for the year.
/// </summary>
public sealed class RollupService(IDbContextFactory<AppDbContext> dbFactory, CommunityClock clock)
{
    /// <summary>Roll-ups read across communities: the current community's filter must not narrow them.</summary>
    private static readonly string[] CommunityFilter = [AppDbContext.CommunityFilter];

    /// <summary>A page of rows and the totals; null for an oblast no community of this instance is in.</summary>
    public Task<Rollup?> GetAsync(ClaimsPrincipal user, RollupRequest request, CancellationToken ct = default)
    {
        RollupAccess.Demand(user, request.OblastCode);
        var size = Math.Clamp(request.PageSize, 1, RollupRequest.MaxPageSize);
        return FiguresAsync(request.OblastCode, request.Year, clock.Today, Math.Max(request.Page, 0), size, ct);
    }

    /// <summary>Every row at once, for the workbook (one row per community).</summary>
    public Task<Rollup?> GetAllAsync(ClaimsPrincipal user, string? oblastCode, int? year, CancellationToken ct = default)
    {
        RollupAccess.Demand(user, oblastCode);
        return FiguresAsync(oblastCode, year, clock.Today, 0, null, ct);
    }

    internal async Task<Rollup?> FiguresAsync(string? oblastCode, int? askedYear, DateOnly today, int page, int? pageSize, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One snapshot for every aggregate, so an approval committed meanwhile cannot make a row disagree with the totals.
        await using var snapshot = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);

        var communities = db.Communities.AsNoTracking().Where(c => oblastCode == null || c.OblastCode == oblastCode);
        var plans = db.Plans.IgnoreQueryFilters(CommunityFilter).Where(p => communities.Any(c => c.Id == p.CommunityId));
        var span = await plans.GroupBy(p => 1).Select(g => new { Start = g.Min(p => p.StartYear), End = g.Max(p => p.EndYear) }).SingleOrDefaultAsync(ct);
        // The dashboard's rule for the year, over the years of every plan in the roll-up.
        var year = span is null ? askedYear ?? today.Year : DashboardService.DefaultYear(askedYear, today, span.Start, span.End);
        var years = span is null ? [year] : Enumerable.Range(span.Start, span.End - span.Start + 1).ToList();

        var listed = await communities.OrderBy(c => c.Name).ThenBy(c => c.Id).Select(c => new
        {
            c.Id, c.Code, c.Name, c.OblastName,
            // The plan covering the year, else the newest (as the plan switcher orders them).
            Plan = db.Plans.IgnoreQueryFilters(CommunityFilter).Where(p => p.CommunityId == c.Id)
                .OrderByDescending(p => p.StartYear <= year && p.EndYear >= year)
                .ThenByDescending(p => p.StartYear).ThenBy(p => p.Municipality).ThenBy(p => p.Id)
                .Select(p => new RollupPlan(p.Id, p.Title, p.StartYear, p.EndYear)).FirstOrDefault(),
        }).ToListAsync(ct);
        if (oblastCode is not null && listed.Count == 0)
        {
            return null;
        }

        var planIds = listed.Where(c => c.Plan is not null).Select(c => c.Plan!.Id).ToArray();
        var measures = db.Measures.IgnoreQueryFilters(CommunityFilter).Where(m => planIds.Contains(m.Direction.PlanId));

        var statuses = await MeasureImplementation.OfYear(db, measures, year)
            .GroupBy(x => new { x.Measure.CommunityId, x.Status })
            .Select(g => new { g.Key.CommunityId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);

        var facts = PeriodStates.Facts(PeriodStates.Scope(db, measures, year), today);
        // As the dashboard: sums of 1/0 over flat rows aggregate in one pass of the GROUP BY.
        var reporting = await facts.In(ReportListState.Due)
            .Select(f => new
            {
                f.Period.CommunityId,
                Submitted = f.Submitted ? 1 : 0, Approved = f.Approved ? 1 : 0, Overdue = f.Overdue ? 1 : 0, Returned = f.Returned ? 1 : 0,
            })
            .GroupBy(f => f.CommunityId)
            .Select(g => new { CommunityId = g.Key, Totals = new ReportingTotals(g.Count(), g.Sum(f => f.Submitted), g.Sum(f => f.Approved), g.Sum(f => f.Overdue), g.Sum(f => f.Returned)) })
            .ToDictionaryAsync(r => r.CommunityId, r => r.Totals, ct);

        var planned = await BudgetReportService.Planned(measures).Where(f => f.Year == year)
            .GroupBy(f => new { f.Measure.CommunityId, f.Source })
            .Select(g => new { g.Key.CommunityId, g.Key.Source, Amount = g.Sum(f => f.Amount) })
            .ToListAsync(ct);
        var spent = await ApprovedReports.Spending(db, facts)
            .GroupBy(s => new { s.CommunityId, s.Source })
            .Select(g => new { g.Key.CommunityId, g.Key.Source, Amount = g.Sum(s => s.Amount) })
            .ToListAsync(ct);
        var reach = await ApprovedReports.Reach(facts)
            .Where(c => c.Dimension == Disaggregation.Sex)
            .GroupBy(c => new { c.CommunityId, c.Category })
            .Select(g => new { g.Key.CommunityId, g.Key.Category, Count = g.Sum(c => c.Count) })
            .ToListAsync(ct);

        // Indexed once: a lookup per community, not a scan of every aggregate per row.
        var statusOf = statuses.ToLookup(s => s.CommunityId);
        var plannedOf = planned.ToLookup(p => p.CommunityId);
        var spentOf = spent.ToLookup(s => s.CommunityId);
        var reachOf = reach.ToLookup(r => r.CommunityId);
        var rows = listed.Select(c =>
        {
            int Status(ImplementationStatus status) => statusOf[c.Id].Where(s => s.Status == status).Sum(s => s.Count);
            int People(string category) => reachOf[c.Id].Where(r => r.Category == category).Sum(r => r.Count);
            var figures = new RollupFigures(
                new MeasureStatuses(Status(ImplementationStatus.Done), Status(ImplementationStatus.InProgress),
                    Status(ImplementationStatus.NotStarted), Status(ImplementationStatus.NotDone)),
                reporting.GetValueOrDefault(c.Id) ?? new ReportingTotals(0, 0, 0, 0, 0),
                RollupFigures.Sources(
                    plannedOf[c.Id].ToDictionary(p => p.Source, p => p.Amount),
                    spentOf[c.Id].ToDictionary(s => s.Source, s => s.Amount)),
                new PeopleReached(People(ReachRow.WomenCategory), People(ReachRow.MenCategory)));
            return new CommunityRollup(c.Id, c.Code, c.Name, c.OblastName, c.Plan, figures);
        }).ToList();

        var size = pageSize ?? Math.Max(rows.Count, 1);
        var lastPage = Math.Max(0, (rows.Count - 1) / size);
        var shown = Math.Min(page, lastPage);
        return new Rollup(oblastCode, listed.FirstOrDefault()?.OblastName is { } name && oblastCode is not null ? name : null,
            year, years, today, rows.Count, shown, size, [.. rows.Skip(shown * size).Take(size)], RollupFigures.Sum(rows.Select(r => r.Figures)));
    }
}
