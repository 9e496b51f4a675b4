using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
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

public sealed class DashboardService(IDbContextFactory<AppDbContext> dbFactory, BudgetReportService budgets, TimeProvider clock)
{
    public async Task<DashboardFigures?> GetAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == filter.PlanId).Select(p => new { p.StartYear, p.EndYear }).SingleOrDefaultAsync(ct);
        if (plan is null || await budgets.GetAsync(filter.PlanId, ct) is not { } planBudget)
        {
            return null;
        }

        var year = Math.Clamp(filter.Year ?? plan.EndYear, plan.StartYear, plan.EndYear);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var directions = await db.Directions.AsNoTracking().Where(d => d.PlanId == filter.PlanId && (filter.DirectionId == null || d.Id == filter.DirectionId))
            .OrderBy(d => d.Order).Select(d => new DirectionRef(d.Id, d.Number, d.Title)).ToListAsync(ct);

        var measures = db.Measures.Where(m => m.Direction.PlanId == filter.PlanId
            && (filter.DirectionId == null || m.DirectionId == filter.DirectionId)
            && (filter.BodyId == null || m.ResponsibleBodies.Any(r => r.ResponsibleBodyId == filter.BodyId)));
        var periods = db.ReportingPeriods.Where(p => !p.IsOrphaned && p.Year == year && measures.Any(m => m.Id == p.MeasureId));
        var due = periods.Where(p => p.Due < today);

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
        var reporting = await due.GroupBy(p => p.Measure.DirectionId).Select(g => new
        {
            DirectionId = g.Key,
            Due = g.Count(),
            Submitted = g.Count(p => p.Report != null && (p.Report.Status == ReportStatus.Submitted || p.Report.Status == ReportStatus.Approved)),
            Approved = g.Count(p => p.Report != null && p.Report.Status == ReportStatus.Approved),
            Overdue = g.Count(p => p.Report == null || p.Report.Status == ReportStatus.Draft),
            Returned = g.Count(p => p.Report != null && p.Report.Status == ReportStatus.Returned),
        }).ToListAsync(ct);

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

        var quarters = await due.GroupBy(p => (p.End.Month - 1) / 3 + 1).Select(g => new QuarterRow(
            g.Key,
            g.Count(),
            g.Count(p => p.Report != null && (p.Report.Status == ReportStatus.Submitted || p.Report.Status == ReportStatus.Approved)),
            g.Count(p => p.Report != null && p.Report.Status == ReportStatus.Approved))).ToListAsync(ct);
        quarters = Enumerable.Range(1, 4).Select(q => quarters.FirstOrDefault(x => x.Quarter == q) ?? new QuarterRow(q, 0, 0, 0)).ToList();

        var discipline = (await db.MeasureResponsibleBodies
                .Where(r => measures.Any(m => m.Id == r.MeasureId) && (filter.BodyId == null || r.ResponsibleBodyId == filter.BodyId))
                .GroupBy(r => new { r.ResponsibleBodyId, r.ResponsibleBody.ShortName })
                .Select(g => new DisciplineRow(
                    g.Key.ResponsibleBodyId,
                    g.Key.ShortName,
                    due.Count(p => g.Any(r => r.MeasureId == p.MeasureId) && (p.Report == null || p.Report.Status == ReportStatus.Draft)),
                    due.Count(p => g.Any(r => r.MeasureId == p.MeasureId) && p.Report != null && p.Report.Status == ReportStatus.Returned)))
                .ToListAsync(ct))
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
}
