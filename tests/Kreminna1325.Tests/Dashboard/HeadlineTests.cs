using System.Globalization;
using Bunit;
using Kreminna1325.Core;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Dashboard;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Tests.Components;
using Kreminna1325.Web.Dashboard;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Dashboard;

/// <summary>
/// The headline figures as rendered: each opens the list of exactly the periods it counts, under the dashboard's
/// year, direction and body; the budget's execution is the money of the approved reports it opens. On 15 July 2022
/// the fixture has, in 2022, I.4 Q1 and III.5 Q1 approved, I.4 Q2 waiting for review and III.5 Q2 returned.
/// </summary>
public sealed class HeadlineTests(DashboardFixture f) : IClassFixture<DashboardFixture>, IAsyncLifetime
{
    private const string Centre = "Центр гендерної рівності";
    private const string Police = "Кремінський відділ поліції";

    private static readonly ReportListState[] DueSplits =
        [ReportListState.Overdue, ReportListState.Returned, ReportListState.Submitted, ReportListState.Approved];

    private readonly BunitContext context = new();

    public Task InitializeAsync()
    {
        BunitSetup.Prepare(context);
        BunitSetup.Ready(context);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => context.DisposeAsync().AsTask();

    public static TheoryData<string?, string?, int> Filters => new()
    {
        { null, null, 2022 },
        { null, null, 2021 },
        { null, null, 2020 },
        { "I", null, 2022 },
        { "III", null, 2022 },
        { null, Centre, 2022 },
        { null, Police, 2022 },
        { "III", Centre, 2022 },
        { "I", Police, 2021 },
    };

    [Theory, MemberData(nameof(Filters))]
    public async Task Every_headline_count_opens_as_many_rows_with_the_filter(string? direction, string? body, int year)
    {
        var (filter, figures) = await FiguresAsync(direction, body, year);
        var view = context.Render<DashboardHeadline>(p => p.Add(c => c.Figures, figures).Add(c => c.Links, new DashboardLinks(figures.Year, filter.DirectionId, filter.BodyId)));

        var expected = new Dictionary<string, int>
        {
            ["due"] = figures.Reporting.Due,
            ["approved"] = figures.Reporting.Approved,
            ["submitted"] = figures.Reporting.Submitted,
            ["returned"] = figures.Reporting.Returned,
            ["overdue"] = figures.Reporting.Overdue,
        };
        foreach (var (name, figure) in expected)
        {
            var a = view.Find($"a[data-headline='{name}']");
            var shown = int.Parse(a.QuerySelector(".headline-value")!.TextContent.Trim(), CultureInfo.InvariantCulture);
            Assert.Equal(figure, shown);

            var rows = await RowsAsync(a.GetAttribute("href")!, filter);
            Assert.True(shown == rows.Count, $"{name} ({a.GetAttribute("href")}): figure {shown}, rows {rows.Count}");
        }

        // The figures are the direction rows added up, and the four "of them" figures split the due ones.
        Assert.Equal(figures.Implementation.Sum(r => r.DueReports), figures.Reporting.Due);
        Assert.Equal(figures.Reporting.Due, figures.Reporting.Approved + figures.Reporting.Submitted + figures.Reporting.Returned + figures.Reporting.Overdue);

        // The label names the day the due reports are counted on.
        Assert.Contains($"що мали бути подані до {figures.Today:dd.MM.yyyy}", view.Find("a[data-headline='due'] .headline-label").TextContent, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Filters))]
    public async Task Budget_execution_is_the_money_of_the_approved_reports_it_opens(string? direction, string? body, int year)
    {
        var (filter, figures) = await FiguresAsync(direction, body, year);
        var view = context.Render<DashboardHeadline>(p => p.Add(c => c.Figures, figures).Add(c => c.Links, new DashboardLinks(figures.Year, filter.DirectionId, filter.BodyId)));
        var a = view.Find("a[data-headline='execution']");

        var reports = (await RowsAsync(a.GetAttribute("href")!, filter)).Select(r => r.ReportId!.Value).ToList();
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var spent = await db.ReportSpending.Where(s => reports.Contains(s.ReportId)).SumAsync(s => s.Amount);

        Assert.Equal(spent, figures.Spent);
        Assert.Equal(Percent.Of(spent, figures.Planned), figures.Execution);
        Assert.Equal(Web.Format.Percent(figures.Execution), a.QuerySelector(".headline-value")!.TextContent.Trim());
        Assert.Contains(Web.Format.Amount(figures.Planned), a.QuerySelector(".headline-label")!.TextContent, StringComparison.Ordinal);
        if (year == 2022 && direction is null or "I" && body is null or Centre)
        {
            // I.4's approved Q1 spent 3,0 of the other sources' money: the figure is not an empty 0 %.
            Assert.True(spent > 0, "the fixture's approved report is in scope");
        }
    }

    [Fact]
    public async Task An_approved_report_is_neither_to_submit_nor_submitted()
    {
        var approved = await f.PeriodAsync("I", 4, 2022, 1);
        var waiting = await f.PeriodAsync("I", 4, 2022, 2);
        var returned = await f.PeriodAsync("III", 5, 2022, 2);

        async Task<ReportListState[]> StatesOf(int period)
        {
            var states = new List<ReportListState>();
            foreach (var state in Enum.GetValues<ReportListState>())
            {
                if ((await f.Queries.FindAsync(f.Executive, new ReportFilter(f.PlanId, 2022, State: state))).Any(r => r.Period.Id == period))
                {
                    states.Add(state);
                }
            }

            return [.. states];
        }

        // An approved report was owed (it had to be submitted by now) and is approved: not "submitted", not overdue.
        Assert.Equal([ReportListState.Due, ReportListState.Approved, ReportListState.Reported], await StatesOf(approved));
        Assert.Equal([ReportListState.Due, ReportListState.Submitted], await StatesOf(waiting));
        Assert.Equal([ReportListState.Due, ReportListState.Returned], await StatesOf(returned));

        var approvedRow = (await f.Queries.FindAsync(f.Executive, new ReportFilter(f.PlanId, 2022, State: ReportListState.Submitted)))
            .Where(r => r.State == ReportState.Approved);
        Assert.Empty(approvedRow);
    }

    [Theory, MemberData(nameof(Filters))]
    public async Task Each_due_period_is_in_exactly_one_of_overdue_returned_submitted_approved(string? direction, string? body, int year)
    {
        var (filter, _) = await FiguresAsync(direction, body, year);
        var due = (await f.Queries.FindAsync(f.Executive, new ReportFilter(f.PlanId, year, filter.DirectionId, filter.BodyId, ReportListState.Due)))
            .Select(r => r.Period.Id).Order().ToList();

        var split = new List<int>();
        foreach (var state in DueSplits)
        {
            var rows = await f.Queries.FindAsync(f.Executive, new ReportFilter(f.PlanId, year, filter.DirectionId, filter.BodyId, state));
            Assert.All(rows, r => Assert.Equal(state == ReportListState.Approved, r.State == ReportState.Approved));
            split.AddRange(rows.Select(r => r.Period.Id));
        }

        Assert.Equal(due, split.Order().ToList());
    }

    private async Task<(DashboardFilter Filter, DashboardFigures Figures)> FiguresAsync(string? direction, string? body, int year)
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        int? directionId = direction is null ? null
            : await db.Directions.Where(d => d.PlanId == f.PlanId && d.Number == direction).Select(d => d.Id).SingleAsync();
        int? bodyId = body is null ? null
            : await db.ResponsibleBodies.Where(b => b.ShortName == body).Select(b => b.Id).SingleAsync();
        var filter = new DashboardFilter(f.PlanId, year, directionId, bodyId);
        var figures = (await new DashboardService(f.DbFactory, new BudgetReportService(f.DbFactory), new CommunityClock(f.Clock)).GetAsync(f.Executive, filter))!;
        Assert.Equal(year, figures.Year);
        return (filter, figures);
    }

    /// <summary>The rows a link opens, read from its query as the reports list page reads it.</summary>
    private async Task<IReadOnlyList<ReportRow>> RowsAsync(string href, DashboardFilter filter)
    {
        Assert.StartsWith("/reports?", href, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(href[href.IndexOf('?', StringComparison.Ordinal)..]);
        int? Int(string name) => query.TryGetValue(name, out var v) ? int.Parse(v!, CultureInfo.InvariantCulture) : null;

        // The dashboard's filter travels with the link: a figure for one body never opens every body's rows.
        Assert.Equal((filter.Year, filter.DirectionId, filter.BodyId), (Int("year"), Int("direction"), Int("body")));
        return await f.Queries.FindAsync(f.Executive, new ReportFilter(f.PlanId, Int("year"), Int("direction"), Int("body"),
            Enum.Parse<ReportListState>(query["state"]!, ignoreCase: true), Int("quarter")));
    }
}
