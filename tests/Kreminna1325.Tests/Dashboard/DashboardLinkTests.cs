using System.Globalization;
using Bunit;
using Kreminna1325.Core;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Dashboard;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Components;
using Kreminna1325.Web.Dashboard;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Dashboard;

/// <summary>
/// The panels as rendered: every count is a link, and following the link's query (as the list pages read it)
/// gives exactly that many rows, with the dashboard's year, direction and body carried along.
/// </summary>
public sealed class DashboardLinkTests(DashboardFixture f) : IClassFixture<DashboardFixture>, IAsyncLifetime
{
    private readonly BunitContext context = new();

    public Task InitializeAsync()
    {
        BunitSetup.Prepare(context);
        BunitSetup.Ready(context);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => context.DisposeAsync().AsTask();

    [Theory]
    [InlineData(null, null)]
    [InlineData("I", null)]
    [InlineData(null, "Центр гендерної рівності")]
    [InlineData("III", "Центр гендерної рівності")]
    public async Task Every_count_links_to_as_many_rows_with_the_filter(string? direction, string? body)
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        int? directionId = direction is null ? null : await db.Directions.Where(d => d.PlanId == f.PlanId && d.Number == direction).Select(d => d.Id).SingleAsync();
        int? bodyId = body is null ? null : await db.ResponsibleBodies.Where(b => b.ShortName == body).Select(b => b.Id).SingleAsync();
        var figures = (await new DashboardService(f.DbFactory, new BudgetReportService(f.DbFactory), new CommunityClock(f.Clock))
            .GetAsync(f.Executive, new DashboardFilter(f.PlanId, 2022, directionId, bodyId)))!;
        var links = new DashboardLinks(figures.Year, directionId, bodyId);

        var anchors = context.Render<DashboardImplementation>(p => p.Add(c => c.Figures, figures).Add(c => c.Links, links)).FindAll("a")
            .Concat(context.Render<DashboardDiscipline>(p => p.Add(c => c.Figures, figures).Add(c => c.Links, links)).FindAll("a"))
            .Concat(context.Render<DashboardBudget>(p => p.Add(c => c.Figures, figures).Add(c => c.Links, links)).FindAll("a"))
            .ToList();

        var counted = 0;
        foreach (var a in anchors)
        {
            var href = a.GetAttribute("href")!;
            var query = QueryHelpers.ParseQuery(href[href.IndexOf('?', StringComparison.Ordinal)..]);
            int? Int(string name) => query.TryGetValue(name, out var v) ? int.Parse(v!, CultureInfo.InvariantCulture) : null;

            // The row's own direction or body may narrow the dashboard's filter, never drop it.
            Assert.True(directionId is null || Int("direction") == directionId, href);
            Assert.True(bodyId is null || Int("body") == bodyId, href);
            if (!int.TryParse(a.TextContent.Trim(), out var figure))
            {
                continue;
            }

            var rows = href.StartsWith("/reports?", StringComparison.Ordinal)
                ? (await f.Queries.FindAsync(f.Executive, new ReportFilter(f.PlanId, Int("year"), Int("direction"), Int("body"),
                    Enum.Parse<ReportListState>(query["state"]!, ignoreCase: true), Int("quarter")))).Count
                : (await new MeasureSearch(f.DbFactory).FindAsync(f.Executive, new MeasureQuery(f.PlanId, DirectionId: Int("direction"), BodyId: Int("body"),
                    Year: Int("year"), Status: query.TryGetValue("status", out var s) ? Enum.Parse<ImplementationStatus>(s!, ignoreCase: true) : null))).Total;
            Assert.True(figure == rows, $"{href}: figure {figure}, rows {rows}");
            counted++;
        }

        Assert.True(counted >= figures.Implementation.Count * 10 + 12, $"only {counted} counts were links");
    }

    [Fact]
    public void Done_opens_the_done_measures_of_the_year_not_the_approved_reports()
    {
        var links = new DashboardLinks(2022, 5, 7);

        Assert.Equal("/measures?year=2022&status=done&direction=3&body=7", links.Measures(3, ImplementationStatus.Done));
        Assert.Equal("/measures?direction=5&body=7", links.Measures());
        Assert.Equal("/reports?year=2022&quarter=2&state=overdue&direction=5&body=7", links.Reports(ReportListState.Overdue, quarter: 2));
        Assert.Equal("/reports?year=2022&state=returned&direction=5&body=9", links.Reports(ReportListState.Returned, body: 9));
    }

    [Fact]
    public void Shares_with_nothing_to_measure_show_a_dash()
    {
        var empty = new DashboardFigures(1, 2022, [2022], new DateOnly(2022, 7, 15), [new DirectionRef(1, "I", "Напрям")],
            [new ImplementationRow(1, "I", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)], [new QuarterRow(1, 0, 0, 0), new QuarterRow(2, 0, 0, 0), new QuarterRow(3, 0, 0, 0), new QuarterRow(4, 0, 0, 0)],
            [], [new BudgetRow(1, "I", FundingSource.Local, 0m, 0m)],
            new BudgetReport(1, [2022], [], [], [], [], []), []);

        var view = context.Render<DashboardImplementation>(p => p.Add(c => c.Figures, empty).Add(c => c.Links, new DashboardLinks(2022, null, null)));

        Assert.Equal(2, view.FindAll("tr[data-direction='I'] td").Count(td => td.TextContent.Contains("(—)", StringComparison.Ordinal)));
        Assert.Null(empty.Execution);
    }
}
