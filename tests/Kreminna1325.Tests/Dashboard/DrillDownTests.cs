using Kreminna1325.Core;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Dashboard;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Dashboard;

/// <summary>
/// Every dashboard figure against the list its link opens, read through the services the pages use,
/// for no filter, a direction, a body, both, and two years (2021: all due, no reports; 2022: half due, reports).
/// </summary>
public class DrillDownTests(DashboardFixture f) : IClassFixture<DashboardFixture>
{
    private const string Centre = "Центр гендерної рівності";
    private const string Police = "Кремінський відділ поліції";

    private DashboardService Service => new(f.DbFactory, new BudgetReportService(f.DbFactory), new CommunityClock(f.Clock));

    private MeasureSearch Search => new(f.DbFactory);

    public static TheoryData<string?, string?, int> Filters => new()
    {
        { null, null, 2022 },
        { null, null, 2021 },
        { "I", null, 2022 },
        { "III", null, 2022 },
        { null, Centre, 2022 },
        { null, Police, 2022 },
        { null, Centre, 2021 },
        { "I", Centre, 2022 },
        { "III", Police, 2021 },
    };

    [Theory, MemberData(nameof(Filters))]
    public async Task Implementation_figures_open_the_measures_they_count(string? direction, string? body, int year)
    {
        var (filter, figures) = await FiguresAsync(direction, body, year);

        foreach (var r in figures.Implementation)
        {
            Assert.Equal(r.Measures, await MeasuresAsync(filter, r.DirectionId));
            Assert.Equal(r.Done, await MeasuresAsync(filter, r.DirectionId, ImplementationStatus.Done));
            Assert.Equal(r.InProgress, await MeasuresAsync(filter, r.DirectionId, ImplementationStatus.InProgress));
            Assert.Equal(r.NotStarted, await MeasuresAsync(filter, r.DirectionId, ImplementationStatus.NotStarted));
            Assert.Equal(r.NotDone, await MeasuresAsync(filter, r.DirectionId, ImplementationStatus.NotDone));
        }
    }

    [Theory, MemberData(nameof(Filters))]
    public async Task Reporting_figures_open_the_periods_they_count(string? direction, string? body, int year)
    {
        var (filter, figures) = await FiguresAsync(direction, body, year);

        foreach (var r in figures.Implementation)
        {
            Assert.Equal(r.DueReports, await ReportsAsync(filter, ReportListState.Due, r.DirectionId));
            Assert.Equal(r.Submitted, await ReportsAsync(filter, ReportListState.Submitted, r.DirectionId));
            Assert.Equal(r.Approved, await ReportsAsync(filter, ReportListState.Approved, r.DirectionId));
            Assert.Equal(r.Overdue, await ReportsAsync(filter, ReportListState.Overdue, r.DirectionId));
            Assert.Equal(r.Returned, await ReportsAsync(filter, ReportListState.Returned, r.DirectionId));
        }

        foreach (var q in figures.Quarters)
        {
            Assert.Equal(q.DueReports, await ReportsAsync(filter, ReportListState.Due, quarter: q.Quarter));
            Assert.Equal(q.Submitted, await ReportsAsync(filter, ReportListState.Submitted, quarter: q.Quarter));
            Assert.Equal(q.Approved, await ReportsAsync(filter, ReportListState.Approved, quarter: q.Quarter));
        }

        foreach (var d in figures.Discipline)
        {
            Assert.Equal(d.Overdue, await ReportsAsync(filter, ReportListState.Overdue, body: d.BodyId));
            Assert.Equal(d.Returned, await ReportsAsync(filter, ReportListState.Returned, body: d.BodyId));
        }

        Assert.Equal(figures.Implementation.Sum(r => r.Overdue) > 0, figures.Discipline.Count > 0);
    }

    [Theory, MemberData(nameof(Filters))]
    public async Task Spent_and_reach_add_up_the_approved_reports_they_open(string? direction, string? body, int year)
    {
        var (filter, figures) = await FiguresAsync(direction, body, year);
        await using var db = await f.DbFactory.CreateDbContextAsync();

        foreach (var d in figures.Directions)
        {
            var rows = await f.Queries.FindAsync(f.Executive, new ReportFilter(f.PlanId, year, d.Id, filter.BodyId, ReportListState.Reported));
            var reports = rows.Select(r => r.ReportId!.Value).ToList();
            foreach (var source in Enum.GetValues<FundingSource>())
            {
                var spent = await db.ReportSpending.Where(s => reports.Contains(s.ReportId) && s.Source == source).SumAsync(s => s.Amount);
                Assert.Equal(spent, figures.Budget.Single(b => b.DirectionId == d.Id && b.Source == source).Spent);
            }

            var women = await db.ValueBreakdowns
                .Where(b => reports.Contains(b.IndicatorValue.ReportId) && b.IndicatorValue.Indicator.Kind == IndicatorKind.Count
                    && b.Dimension == Disaggregation.Sex && b.Category == "women")
                .SumAsync(b => b.Count);
            Assert.Equal(women, figures.Reach.Single(r => r.DirectionId == d.Id).Women);
        }

        if (year == 2022 && direction is null or "I" && body is null or Centre)
        {
            Assert.True(figures.Spent > 0 && figures.Reach.Sum(r => r.Women) > 0, "the fixture's approved reports are in scope");
        }
    }

    [Theory, MemberData(nameof(Filters))]
    public async Task Planned_budget_of_every_year_is_that_of_the_measures_in_scope(string? direction, string? body, int year)
    {
        var (filter, figures) = await FiguresAsync(direction, body, year);
        var measures = (await Search.FindAsync(f.Executive, new MeasureQuery(f.PlanId, DirectionId: filter.DirectionId, BodyId: filter.BodyId, PageSize: MeasureSearch.MaxPageSize))).Items;

        decimal PlannedOf(IEnumerable<MeasureGridRow> rows, int y) => rows.Sum(m => m.FundingByYear.Where(a => a.Year == y).Sum(a => a.Amount));

        foreach (var d in figures.Directions)
        {
            Assert.Equal(PlannedOf(measures.Where(m => m.DirectionId == d.Id), year), figures.Budget.Where(b => b.DirectionId == d.Id).Sum(b => b.Planned));
        }

        foreach (var y in figures.PlanBudget.Years)
        {
            Assert.Equal(PlannedOf(measures, y), figures.PlanBudget.GrandTotal(y));
        }

        // The document printed totals for whole directions and the plan: a body's share is not compared with them.
        Assert.Equal(body is null, figures.PlanBudget.Reconciled);
        Assert.True(body is null || figures.PlanBudget.Mismatches.Count == 0);
        Assert.True(body is null || (figures.PlanBudget.PrintedTotals.Count == 0 && figures.PlanBudget.Directions.All(d => d.PrintedTotals.Count == 0)));
        if (direction is not null && body is null)
        {
            Assert.All(figures.PlanBudget.Mismatches, m => Assert.Equal(filter.DirectionId, m.DirectionId));
        }
    }

    private async Task<(DashboardFilter Filter, DashboardFigures Figures)> FiguresAsync(string? direction, string? body, int year)
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        int? directionId = direction is null ? null
            : await db.Directions.Where(d => d.PlanId == f.PlanId && d.Number == direction).Select(d => d.Id).SingleAsync();
        int? bodyId = body is null ? null
            : await db.ResponsibleBodies.Where(b => b.ShortName == body).Select(b => b.Id).SingleAsync();
        var filter = new DashboardFilter(f.PlanId, year, directionId, bodyId);
        var figures = (await Service.GetAsync(f.Executive, filter))!;
        Assert.Equal(year, figures.Year);
        return (filter, figures);
    }

    private async Task<int> MeasuresAsync(DashboardFilter filter, int direction, ImplementationStatus? status = null) =>
        (await Search.FindAsync(f.Executive, new MeasureQuery(f.PlanId, DirectionId: direction, BodyId: filter.BodyId,
            Year: status is null ? null : filter.Year, Status: status))).Total;

    private async Task<int> ReportsAsync(DashboardFilter filter, ReportListState state, int? direction = null, int? body = null, int? quarter = null) =>
        (await f.Queries.FindAsync(f.Executive, new ReportFilter(f.PlanId, filter.Year, direction ?? filter.DirectionId, body ?? filter.BodyId, state, quarter))).Count;
}
