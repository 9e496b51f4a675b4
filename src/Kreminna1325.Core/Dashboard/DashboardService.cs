using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Dashboard;

public sealed record DashboardFilter(int PlanId, int? Year = null, int? DirectionId = null, int? BodyId = null);

public sealed record DirectionRef(int Id, string Number, string Title);

/// <summary>One direction's implementation in the year: measures by status (latest approved report) and reporting.</summary>
public sealed record ImplementationRow(
    int DirectionId, string Number, int Measures, int Done, int InProgress, int NotStarted, int NotDone,
    int DueReports, int Submitted, int Approved, int Overdue, int Returned)
{
    public decimal SubmittedShare => DueReports == 0 ? 0 : Math.Round(100m * Submitted / DueReports, 1);
    public decimal ApprovedShare => DueReports == 0 ? 0 : Math.Round(100m * Approved / DueReports, 1);
}

public sealed record QuarterRow(int Quarter, int DueReports, int Submitted, int Approved);

public sealed record DisciplineRow(int BodyId, string Body, int Overdue, int Returned);

public sealed record BudgetRow(int DirectionId, string Number, FundingSource Source, decimal Planned, decimal Spent)
{
    public decimal? Execution => Planned == 0 ? null : Math.Round(100m * Spent / Planned, 1);
}

public sealed record ReachRow(int DirectionId, string Number, IReadOnlyDictionary<Disaggregation, IReadOnlyDictionary<string, int>> Counts)
{
    public int Women => Of(Disaggregation.Sex, "women");
    public int Men => Of(Disaggregation.Sex, "men");
    public decimal? WomenShare => Women + Men == 0 ? null : Math.Round(100m * Women / (Women + Men), 1);

    public int Of(Disaggregation dimension, string category) =>
        Counts.TryGetValue(dimension, out var cells) && cells.TryGetValue(category, out var n) ? n : 0;
}

/// <summary>The deputy mayor's figures for a plan and year. Approved reports only, and every figure from a database aggregate.</summary>
public sealed record DashboardFigures(
    int PlanId, int Year, IReadOnlyList<int> Years, DateOnly Today, IReadOnlyList<DirectionRef> Directions,
    IReadOnlyList<ImplementationRow> Implementation, IReadOnlyList<QuarterRow> Quarters, IReadOnlyList<DisciplineRow> Discipline,
    IReadOnlyList<BudgetRow> Budget, BudgetReport PlanBudget, IReadOnlyList<ReachRow> Reach);

public sealed class DashboardService(IDbContextFactory<AppDbContext> dbFactory, BudgetReportService budgets, CommunityClock clock)
{
    public async Task<DashboardFigures?> GetAsync(ClaimsPrincipal user, DashboardFilter filter, CancellationToken ct = default)
    {
        Permissions.Demand(user, Permissions.CanViewDashboard, "The dashboard is for executives, staff and administrators.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == filter.PlanId).Select(p => new { p.StartYear, p.EndYear }).SingleOrDefaultAsync(ct);
        if (plan is null || await budgets.GetAsync(filter.PlanId, ct) is not { } planBudget)
        {
            return null;
        }

        var year = Math.Clamp(filter.Year ?? plan.EndYear, plan.StartYear, plan.EndYear);
        var today = clock.Today;
        var directions = await db.Directions.AsNoTracking().Where(d => d.PlanId == filter.PlanId && (filter.DirectionId == null || d.Id == filter.DirectionId))
            .OrderBy(d => d.Order).Select(d => new DirectionRef(d.Id, d.Number, d.Title)).ToListAsync(ct);

        var measures = db.Measures.Where(m => m.Direction.PlanId == filter.PlanId
            && (filter.DirectionId == null || m.DirectionId == filter.DirectionId)
            && (filter.BodyId == null || m.ResponsibleBodies.Any(r => r.ResponsibleBodyId == filter.BodyId)));

        var measureCounts = await measures.GroupBy(m => m.DirectionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var statuses = await db.Reports
            .Where(r => r.Status == ReportStatus.Approved && r.Period.Year == year && measures.Any(m => m.Id == r.MeasureId))
            .GroupBy(r => r.MeasureId)
            .Select(g => new
            {
                MeasureId = g.Key,
                Implementation = g.OrderByDescending(r => r.Period.End).Select(r => r.Implementation).First(),
            })
            .Join(db.Measures, s => s.MeasureId, m => m.Id, (s, m) => new { m.DirectionId, s.Implementation })
            .ToListAsync(ct);
        // Reporting by direction and by quarter: one GROUPING SETS aggregate over the due periods.
        var counts = await db.Database.SqlQuery<ReportingCount>(OverScope(filter, year, today, """
            SELECT direction_id, quarter,
                   count(*)::int AS due,
                   (count(*) FILTER (WHERE status IN ('Submitted', 'Approved')))::int AS submitted,
                   (count(*) FILTER (WHERE status = 'Approved'))::int AS approved,
                   (count(*) FILTER (WHERE status IS NULL OR status = 'Draft'))::int AS overdue,
                   (count(*) FILTER (WHERE status = 'Returned'))::int AS returned
            FROM scope
            GROUP BY GROUPING SETS ((direction_id), (quarter))
            """)).ToListAsync(ct);
        var reporting = counts.Where(c => c.DirectionId is not null).ToList();

        var implementation = directions.Select(d =>
        {
            var mine = statuses.Where(s => s.DirectionId == d.Id).ToList();
            var count = measureCounts.GetValueOrDefault(d.Id);
            int Of(ImplementationStatus status) => mine.Count(s => s.Implementation == status);
            var r = reporting.FirstOrDefault(x => x.DirectionId == d.Id);
            return new ImplementationRow(d.Id, d.Number, count,
                Of(ImplementationStatus.Done), Of(ImplementationStatus.InProgress),
                count - Of(ImplementationStatus.Done) - Of(ImplementationStatus.InProgress) - Of(ImplementationStatus.NotDone),
                Of(ImplementationStatus.NotDone),
                r?.Due ?? 0, r?.Submitted ?? 0, r?.Approved ?? 0, r?.Overdue ?? 0, r?.Returned ?? 0);
        }).ToList();

        var quarters = counts.Where(c => c.Quarter is not null)
            .Select(c => new QuarterRow(c.Quarter!.Value, c.Due, c.Submitted, c.Approved)).ToList();
        quarters = Enumerable.Range(1, 4).Select(q => quarters.FirstOrDefault(x => x.Quarter == q) ?? new QuarterRow(q, 0, 0, 0)).ToList();

        // One pass over the due periods joined to their bodies: a measure with three bodies counts for each.
        var bodyNames = await db.ResponsibleBodies.Select(b => new { b.Id, b.ShortName }).ToDictionaryAsync(b => b.Id, b => b.ShortName, ct);
        var byBody = await db.Database.SqlQuery<BodyCount>(OverScope(filter, year, today, """
            SELECT mb.responsible_body_id AS body_id,
                   (count(*) FILTER (WHERE s.status IS NULL OR s.status = 'Draft'))::int AS overdue,
                   (count(*) FILTER (WHERE s.status = 'Returned'))::int AS returned
            FROM scope s
            JOIN measure_responsible_bodies mb ON mb.measure_id = s.measure_id
            WHERE {4}::int IS NULL OR mb.responsible_body_id = {4}::int
            GROUP BY mb.responsible_body_id
            """)).ToListAsync(ct);
        var discipline = byBody
            .Select(d => new DisciplineRow(d.BodyId, bodyNames.GetValueOrDefault(d.BodyId, "?"), d.Overdue, d.Returned))
            .Where(d => d.Overdue + d.Returned > 0)
            .OrderByDescending(d => d.Overdue + d.Returned).ThenByDescending(d => d.Overdue).ThenBy(d => d.Body)
            .ToList();

        var planned = await db.FundingLines.Where(f => f.Year == year && measures.Any(m => m.Id == f.MeasureId))
            .GroupBy(f => new { f.Measure.DirectionId, f.Source })
            .Select(g => new { g.Key.DirectionId, g.Key.Source, Amount = g.Sum(f => f.Amount) }).ToListAsync(ct);
        var spent = await db.ReportSpending
            .Where(s => s.Report.Status == ReportStatus.Approved && s.Report.Period.Year == year && measures.Any(m => m.Id == s.MeasureId))
            .GroupBy(s => new { s.Report.Period.Measure.DirectionId, s.Source })
            .Select(g => new { g.Key.DirectionId, g.Key.Source, Amount = g.Sum(s => s.Amount) }).ToListAsync(ct);
        var budget = directions.SelectMany(d => Enum.GetValues<FundingSource>().Select(source => new BudgetRow(d.Id, d.Number, source,
            planned.Where(p => p.DirectionId == d.Id && p.Source == source).Sum(p => p.Amount),
            spent.Where(p => p.DirectionId == d.Id && p.Source == source).Sum(p => p.Amount)))).ToList();

        var reach = await db.ValueBreakdowns
            .Where(b => b.IndicatorValue.Report.Status == ReportStatus.Approved
                && b.IndicatorValue.Report.Period.Year == year
                && b.IndicatorValue.Indicator.Kind == IndicatorKind.Count
                && measures.Any(m => m.Id == b.MeasureId))
            .GroupBy(b => new { b.IndicatorValue.Report.Period.Measure.DirectionId, b.Dimension, b.Category })
            .Select(g => new { g.Key.DirectionId, g.Key.Dimension, g.Key.Category, Count = g.Sum(b => b.Count) })
            .ToListAsync(ct);
        var reachRows = directions.Select(d => new ReachRow(d.Id, d.Number,
            reach.Where(r => r.DirectionId == d.Id).GroupBy(r => r.Dimension).ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<string, int>)g.ToDictionary(r => r.Category, r => r.Count)))).ToList();

        return new DashboardFigures(filter.PlanId, year, planBudget.Years, today, directions, implementation, quarters, discipline,
            budget, planBudget, reachRows);
    }

    /// <summary>
    /// <paramref name="select"/> over "scope": the plan's periods of the year that are already due,
    /// with their report's status — what every reporting figure counts, by the same definitions as
    /// <see cref="ReportQueries.FindAsync"/>'s lists. Parameters: {0} plan, {1} year, {2} today,
    /// {3} direction or null, {4} body or null; all passed as SQL parameters, never spliced.
    /// </summary>
    private static FormattableString OverScope(DashboardFilter filter, int year, DateOnly today, string select) =>
        FormattableStringFactory.Create(
            """
            WITH scope AS (
                SELECT p.id, p.measure_id, m.direction_id, (date_part('month', p."end")::int - 1) / 3 + 1 AS quarter, r.status
                FROM reporting_periods p
                JOIN measures m ON m.id = p.measure_id
                JOIN directions d ON d.id = m.direction_id
                LEFT JOIN reports r ON r.period_id = p.id
                WHERE d.plan_id = {0} AND p.year = {1} AND NOT p.is_orphaned AND p.due < {2}
                  AND ({3}::int IS NULL OR m.direction_id = {3}::int)
                  AND ({4}::int IS NULL OR EXISTS (
                      SELECT 1 FROM measure_responsible_bodies mb WHERE mb.measure_id = m.id AND mb.responsible_body_id = {4}::int)))
            """ + select,
            filter.PlanId, year, today, filter.DirectionId!, filter.BodyId!);

    internal sealed record ReportingCount(int? DirectionId, int? Quarter, int Due, int Submitted, int Approved, int Overdue, int Returned);

    internal sealed record BodyCount(int BodyId, int Overdue, int Returned);
}
