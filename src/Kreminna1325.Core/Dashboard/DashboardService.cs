using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Dashboard;

/// <summary>
/// The deputy mayor's figures for a plan and year. Every figure is a database aggregate over the same
/// queries its drill-down list reads: <see cref="PeriodStates"/> for reporting, <see cref="MeasureImplementation"/>
/// for implementation, <see cref="BudgetReportService"/> for the planned budget, all narrowed by <see cref="PlanScope"/>.
/// </summary>
public sealed class DashboardService(IDbContextFactory<AppDbContext> dbFactory, BudgetReportService budgets, CommunityClock clock)
{
    public Task<DashboardFigures?> GetAsync(ClaimsPrincipal user, DashboardFilter filter, CancellationToken ct = default)
    {
        Permissions.Demand(user, Permissions.CanViewDashboard, "The dashboard is for executives, staff and administrators.");
        return FiguresAsync(filter, clock.Today, CommunityScope.Of(user), ct);
    }

    /// <summary>
    /// The figures on a given Kyiv day, for no one in particular: the weekly digest (<see cref="Notifications.WeeklyDigest"/>)
    /// tells executives what their dashboard says, so it reads them here rather than counting again.
    /// </summary>
    internal async Task<DashboardFigures?> FiguresAsync(DashboardFilter filter, DateOnly today, int community, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // A person's dashboard is of their current community's plans only (the digest's, of the community whose plan it names).
        db.CommunityId = community;

        // One snapshot for every panel, so an approval committed while they are read cannot make them disagree.
        await using var snapshot = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == filter.PlanId).Select(p => new { p.StartYear, p.EndYear }).SingleOrDefaultAsync(ct);
        if (plan is null || await budgets.GetAsync(filter.PlanId, filter.DirectionId, filter.BodyId, ct) is not { } planBudget)
        {
            return null;
        }

        var year = DefaultYear(filter.Year, today, plan.StartYear, plan.EndYear);
        var directions = await db.Directions.AsNoTracking().Where(d => d.PlanId == filter.PlanId && (filter.DirectionId == null || d.Id == filter.DirectionId))
            .OrderBy(d => d.Order).Select(d => new DirectionRef(d.Id, d.Number, d.Title)).ToListAsync(ct);

        var measures = PlanScope.Measures(db, filter.PlanId, filter.DirectionId, filter.BodyId);
        var statuses = await MeasureImplementation.OfYear(db, measures, year)
            .GroupBy(x => new { x.Measure.DirectionId, x.Status })
            .Select(g => new { g.Key.DirectionId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);

        var facts = PeriodStates.Facts(PeriodStates.Scope(db, filter.PlanId, year, filter.DirectionId, filter.BodyId), today);
        var due = facts.In(ReportListState.Due);
        // Counted by the combination of facts and summed here: EF 10 turns a Sum (or a predicate count) over these
        // computed facts into a correlated subquery per figure and group, a grouped count into one pass of the GROUP BY.
        var counts = await due
            .GroupBy(f => new { f.DirectionId, f.Quarter, f.Submitted, f.Approved, f.Overdue, f.Returned })
            .Select(g => new { g.Key.DirectionId, g.Key.Quarter, g.Key.Submitted, g.Key.Approved, g.Key.Overdue, g.Key.Returned, Count = g.Count() })
            .ToListAsync(ct);
        var reporting = counts.GroupBy(c => c.DirectionId)
            .Select(g => new ReportingCount(g.Key, g.Sum(c => c.Count), g.Where(c => c.Submitted).Sum(c => c.Count), g.Where(c => c.Approved).Sum(c => c.Count),
                g.Where(c => c.Overdue).Sum(c => c.Count), g.Where(c => c.Returned).Sum(c => c.Count)))
            .ToList();
        var byQuarter = counts.GroupBy(c => c.Quarter)
            .Select(g => new QuarterRow(g.Key, g.Sum(c => c.Count), g.Where(c => c.Submitted).Sum(c => c.Count), g.Where(c => c.Approved).Sum(c => c.Count)))
            .ToList();

        var implementation = directions.Select(d =>
        {
            int Of(ImplementationStatus status) => statuses.Where(s => s.DirectionId == d.Id && s.Status == status).Sum(s => s.Count);
            var r = reporting.FirstOrDefault(x => x.DirectionId == d.Id) ?? new ReportingCount(d.Id, 0, 0, 0, 0, 0);
            return new ImplementationRow(d.Id, d.Number, statuses.Where(s => s.DirectionId == d.Id).Sum(s => s.Count),
                Of(ImplementationStatus.Done), Of(ImplementationStatus.InProgress), Of(ImplementationStatus.NotStarted), Of(ImplementationStatus.NotDone),
                r.Due, r.Submitted, r.Approved, r.Overdue, r.Returned);
        }).ToList();
        var quarters = Enumerable.Range(1, 4).Select(q => byQuarter.FirstOrDefault(x => x.Quarter == q) ?? new QuarterRow(q, 0, 0, 0)).ToList();

        // A measure with three bodies counts for each of them; under a body filter only that body's row is asked for.
        var byBody = (await due
            .Join(db.MeasureResponsibleBodies, f => f.Period.MeasureId, mb => mb.MeasureId, (f, mb) => new { mb.ResponsibleBodyId, f.Overdue, f.Returned })
            .Where(x => filter.BodyId == null || x.ResponsibleBodyId == filter.BodyId)
            .GroupBy(x => new { x.ResponsibleBodyId, x.Overdue, x.Returned })
            .Select(g => new { g.Key.ResponsibleBodyId, g.Key.Overdue, g.Key.Returned, Count = g.Count() })
            .ToListAsync(ct))
            .GroupBy(x => x.ResponsibleBodyId)
            .Select(g => new { BodyId = g.Key, Overdue = g.Where(x => x.Overdue).Sum(x => x.Count), Returned = g.Where(x => x.Returned).Sum(x => x.Count) })
            .ToList();
        // Only the bodies in the table: the registry holds every community's bodies.
        var bodyIds = byBody.Select(b => b.BodyId).ToList();
        var names = await db.ResponsibleBodies.AsNoTracking().Where(b => bodyIds.Contains(b.Id))
            .Select(b => new { b.Id, b.ShortName }).ToDictionaryAsync(b => b.Id, b => b.ShortName, ct);
        var discipline = byBody
            .Select(d => new DisciplineRow(d.BodyId, names[d.BodyId], d.Overdue, d.Returned))
            .Where(d => d.Overdue + d.Returned > 0)
            .OrderByDescending(d => d.Overdue + d.Returned).ThenByDescending(d => d.Overdue).ThenBy(d => d.Body)
            .ToList();

        // Spent and reach add up the approved reports of the year: the "reported" list behind them.
        var spent = await ApprovedReports.Spending(db, facts)
            .GroupBy(s => new { s.Report.Period.Measure.DirectionId, s.Source })
            .Select(g => new { g.Key.DirectionId, g.Key.Source, Amount = g.Sum(s => s.Amount) }).ToListAsync(ct);
        var budget = directions.SelectMany(d => Enum.GetValues<FundingSource>().Select(source => new BudgetRow(d.Id, d.Number, source,
            planBudget.Directions.SingleOrDefault(b => b.DirectionId == d.Id)?.Total(source, year) ?? 0m,
            spent.Where(p => p.DirectionId == d.Id && p.Source == source).Sum(p => p.Amount)))).ToList();

        // The plan was read through this community's filter above, and the periods are that plan's. The filter is
        // not repeated on the values and indicators on the way: it joined reports and measures in again (eleven tables),
        // and planning that query took 60 ms among 1,500 communities, more than the query itself.
        var reach = await ApprovedReports.Reach(facts).IgnoreQueryFilters([AppDbContext.CommunityFilter])
            .GroupBy(b => new { b.DirectionId, b.Dimension, b.Category })
            .Select(g => new { g.Key.DirectionId, g.Key.Dimension, g.Key.Category, Count = g.Sum(b => b.Count) })
            .ToListAsync(ct);
        var reachRows = directions.Select(d => new ReachRow(d.Id, d.Number,
            reach.Where(r => r.DirectionId == d.Id).GroupBy(r => r.Dimension).ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<string, int>)g.ToDictionary(r => r.Category, r => r.Count)))).ToList();

        return new DashboardFigures(filter.PlanId, year, planBudget.Years, today, directions, implementation, quarters, discipline,
            budget, planBudget, reachRows);
    }

    /// <summary>The year asked for, else the current Kyiv year; either kept within the plan's years.</summary>
    public static int DefaultYear(int? asked, DateOnly today, int startYear, int endYear) => Math.Clamp(asked ?? today.Year, startYear, endYear);

    private sealed record ReportingCount(int DirectionId, int Due, int Submitted, int Approved, int Overdue, int Returned);
}
