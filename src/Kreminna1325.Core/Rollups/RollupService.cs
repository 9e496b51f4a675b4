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

        // The plan covering the year, else the newest (PlanQueries.NewestFirst, the one home of the rule), chosen in SQL
        // for every community.
        var preferred = PlanQueries.NewestFirst(db.Plans.IgnoreQueryFilters(CommunityFilter), year);
        var chosen = communities.Select(c => new { Community = c, Plan = preferred.Where(p => p.CommunityId == c.Id).FirstOrDefault() });
        var picked = await chosen.Select(c => new { c.Community.Id, PlanId = c.Plan == null ? (int?)null : c.Plan.Id }).ToListAsync(ct);
        var ids = picked.Select(c => c.Id).ToList();
        var count = ids.Count;
        if (oblastCode is not null && count == 0)
        {
            return null;
        }

        // Only the page's communities are listed: the page is cut in SQL, whatever the number of communities.
        var size = pageSize ?? Math.Max(count, 1);
        var shown = Math.Min(page, Math.Max(0, (count - 1) / size));
        var listed = await chosen.OrderBy(c => c.Community.Name).ThenBy(c => c.Community.Id).Skip(shown * size).Take(size)
            .Select(c => new
            {
                c.Community.Id, c.Community.Code, c.Community.Name, c.Community.OblastName,
                Plan = c.Plan == null ? null : new RollupPlan(c.Plan.Id, c.Plan.Title, c.Plan.StartYear, c.Plan.EndYear),
            })
            .ToListAsync(ct);

        // An oblast's few chosen plans go to the aggregates as a list; the whole country's stay a subquery, which the
        // planner joins better than 1,500 values (national roll-up 0.96 s against 1.26 s at 1,500 communities).
        var measures = db.Measures.IgnoreQueryFilters(CommunityFilter);
        if (oblastCode is null)
        {
            var everyPlan = chosen.Where(c => c.Plan != null).Select(c => c.Plan!.Id);
            measures = measures.Where(m => everyPlan.Contains(m.Direction.PlanId));
        }
        else
        {
            var planIds = picked.Where(c => c.PlanId != null).Select(c => c.PlanId!.Value).ToList();
            measures = measures.Where(m => planIds.Contains(m.Direction.PlanId));
        }

        // An oblast's statuses are read from its communities' reports only; the country's from all.
        var statuses = await MeasureImplementation.OfYear(db, measures, year, oblastCode is null ? null : ids)
            .GroupBy(x => new { x.Measure.CommunityId, x.Status })
            .Select(g => new { g.Key.CommunityId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);

        var facts = PeriodStates.Facts(PeriodStates.Scope(db, measures, year), today);
        // Counted by the combination of facts, not summed: EF turns a Sum over these computed facts into a correlated
        // subquery per figure and community (0.5 s at 50 communities), a grouped count into one pass.
        var reporting = await facts.In(ReportListState.Due)
            .GroupBy(f => new { f.Period.CommunityId, f.Submitted, f.Approved, f.Overdue, f.Returned })
            .Select(g => new { g.Key.CommunityId, g.Key.Submitted, g.Key.Approved, g.Key.Overdue, g.Key.Returned, Count = g.Count() })
            .ToListAsync(ct);

        var planned = await BudgetReportService.Planned(measures).Where(f => f.Year == year)
            .GroupBy(f => new { f.Measure.CommunityId, f.Source })
            .Select(g => new { g.Key.CommunityId, g.Key.Source, Amount = g.Sum(f => f.Amount) })
            .ToListAsync(ct);
        // The oblast's communities named again on the big tables themselves, so their community indexes narrow the read.
        var inOblast = oblastCode is null ? null : ids;
        var spent = await ApprovedReports.Spending(db, facts).Where(s => inOblast == null || inOblast.Contains(s.CommunityId))
            .GroupBy(s => new { s.CommunityId, s.Source })
            .Select(g => new { g.Key.CommunityId, g.Key.Source, Amount = g.Sum(s => s.Amount) })
            .ToListAsync(ct);
        var reach = await ApprovedReports.Reach(facts)
            .Where(c => c.Dimension == Disaggregation.Sex && (inOblast == null || inOblast.Contains(c.CommunityId)))
            .GroupBy(c => new { c.CommunityId, c.Category })
            .Select(g => new { g.Key.CommunityId, g.Key.Category, Count = g.Sum(c => c.Count) })
            .ToListAsync(ct);

        // Indexed once: a row reads its community's aggregate rows, the totals all of them, with the same sums.
        var statusOf = statuses.ToLookup(s => s.CommunityId);
        var reportingOf = reporting.ToLookup(r => r.CommunityId);
        var plannedOf = planned.ToLookup(p => p.CommunityId);
        var spentOf = spent.ToLookup(s => s.CommunityId);
        var reachOf = reach.ToLookup(r => r.CommunityId);
        RollupFigures Figures(int? community)
        {
            IEnumerable<T> Of<T>(ILookup<int, T> rows) => community is { } id ? rows[id] : rows.SelectMany(g => g);
            int Status(ImplementationStatus status) => Of(statusOf).Where(s => s.Status == status).Sum(s => s.Count);
            int People(string category) => Of(reachOf).Where(r => r.Category == category).Sum(r => r.Count);
            var due = Of(reportingOf).ToList();
            return new RollupFigures(
                new MeasureStatuses(Status(ImplementationStatus.Done), Status(ImplementationStatus.InProgress),
                    Status(ImplementationStatus.NotStarted), Status(ImplementationStatus.NotDone)),
                new ReportingTotals(due.Sum(r => r.Count), due.Where(r => r.Submitted).Sum(r => r.Count), due.Where(r => r.Approved).Sum(r => r.Count),
                    due.Where(r => r.Overdue).Sum(r => r.Count), due.Where(r => r.Returned).Sum(r => r.Count)),
                RollupFigures.Sources(
                    Of(plannedOf).GroupBy(p => p.Source).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount)),
                    Of(spentOf).GroupBy(s => s.Source).ToDictionary(g => g.Key, g => g.Sum(s => s.Amount))),
                new PeopleReached(People(ReachRow.WomenCategory), People(ReachRow.MenCategory)));
        }

        var rows = listed.Select(c => new CommunityRollup(c.Id, c.Code, c.Name, c.OblastName, c.Plan, Figures(c.Id))).ToList();
        return new Rollup(oblastCode, oblastCode is null ? null : listed.FirstOrDefault()?.OblastName,
            year, years, today, count, shown, size, rows, Figures(null));
    }
}
