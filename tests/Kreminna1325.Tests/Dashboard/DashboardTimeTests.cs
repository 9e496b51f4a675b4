using Kreminna1325.Core;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Dashboard;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Tests.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kreminna1325.Tests.Dashboard;

/// <summary>The dashboard's days are Kyiv days: a report turns overdue at Kyiv midnight, the year turns on Kyiv's New Year.</summary>
public class DashboardTimeTests(ReportingFixture f) : IClassFixture<ReportingFixture>
{
    // A clock of its own per reading: FakeTimeProvider does not go back, and the fixture's clock stays as others expect.
    private DashboardService ServiceAt(DateTimeOffset utc) => new(f.DbFactory, new BudgetReportService(f.DbFactory), new CommunityClock(new FakeTimeProvider(utc)));

    [Fact]
    public async Task A_report_due_in_winter_is_overdue_from_22_00_UTC_on_its_due_date()
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var due = await db.ReportingPeriods
            .Where(p => !p.IsOrphaned && p.Measure.Direction.PlanId == f.PlanId && p.Due.Month == 1 && p.Report == null)
            .GroupBy(p => new { p.Due, p.Year }).Select(g => new { g.Key.Due, g.Key.Year, Count = g.Count() })
            .OrderBy(g => g.Due).FirstAsync();
        var nextDay = CommunityClock.StartOf(due.Due.AddDays(1));
        Assert.Equal(new DateTimeOffset(due.Due.ToDateTime(new TimeOnly(22, 0)), TimeSpan.Zero), nextDay);

        var before = await OverdueAsync(nextDay.AddMinutes(-1), due.Year);
        var after = await OverdueAsync(nextDay, due.Year);

        Assert.Equal(before + due.Count, after);
    }

    [Theory]
    [InlineData("2021-05-20T09:00:00Z", 2021)]
    // Kyiv's New Year comes two hours before UTC's: the dashboard is already on 2021.
    [InlineData("2020-12-31T22:30:00Z", 2021)]
    [InlineData("2020-12-31T21:30:00Z", 2020)]
    // Before or after the plan: its first or last year.
    [InlineData("2019-06-01T09:00:00Z", 2020)]
    [InlineData("2026-11-28T09:00:00Z", 2022)]
    public async Task The_default_year_is_the_Kyiv_year_within_the_plan(string utc, int year)
    {
        var at = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(year, (await ServiceAt(at).GetAsync(f.Executive, new DashboardFilter(f.PlanId)))!.Year);
    }

    /// <summary>The overdue figure, checked against the list it opens on the same clock.</summary>
    private async Task<int> OverdueAsync(DateTimeOffset utc, int year)
    {
        var figure = (await ServiceAt(utc).GetAsync(f.Executive, new DashboardFilter(f.PlanId, year)))!.Implementation.Sum(r => r.Overdue);
        var rows = await new ReportQueries(f.DbFactory, f.Access, new CommunityClock(new FakeTimeProvider(utc)))
            .FindAsync(f.Executive, new ReportFilter(f.PlanId, year, State: ReportListState.Overdue));
        Assert.Equal(figure, rows.Count);
        return figure;
    }
}
