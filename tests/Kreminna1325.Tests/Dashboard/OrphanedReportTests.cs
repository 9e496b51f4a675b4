using Kreminna1325.Core;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Dashboard;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Dashboard;

/// <summary>The same reports as <see cref="DashboardFixture"/>, in a database of its own, since a test here orphans a period.</summary>
public sealed class OrphanedReportFixture : DashboardFixture;

/// <summary>
/// A change of term orphans a period that already has an approved report: the plan no longer asks for it,
/// but the money was spent and the people were reached, and the report still states the measure's status.
/// </summary>
public class OrphanedReportTests(OrphanedReportFixture f) : IClassFixture<OrphanedReportFixture>
{
    private DashboardService Service => new(f.DbFactory, new BudgetReportService(f.DbFactory), new CommunityClock(f.Clock));

    [Fact]
    public async Task An_approved_report_on_an_orphaned_period_still_counts_as_spent_reached_and_done_but_no_longer_as_due()
    {
        var filter = new DashboardFilter(f.PlanId, 2022);
        var before = (await Service.GetAsync(f.Executive, filter))!;
        var period = await f.PeriodAsync("I", 4, 2022, 1);
        await using (var db = await f.DbFactory.CreateDbContextAsync())
        {
            await db.ReportingPeriods.Where(p => p.Id == period).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsOrphaned, true));
        }

        var after = (await Service.GetAsync(f.Executive, filter))!;
        var directionI = before.Directions.Single(d => d.Number == "I").Id;
        ImplementationRow RowI(DashboardFigures x) => x.Implementation.Single(r => r.DirectionId == directionI);

        Assert.Equal(3.0m, after.Budget.Single(b => b.DirectionId == directionI && b.Source == FundingSource.Other).Spent);
        Assert.Equal(before.Spent, after.Spent);
        Assert.Equal(before.Reach.Single(r => r.DirectionId == directionI).Women, after.Reach.Single(r => r.DirectionId == directionI).Women);
        Assert.Equal(RowI(before).Done, RowI(after).Done);
        Assert.Equal(RowI(before).DueReports - 1, RowI(after).DueReports);
        Assert.Equal(RowI(before).Approved - 1, RowI(after).Approved);

        // The lists behind the figures agree: "reported" still opens it, the plan's periods no longer show it.
        var reported = await f.Queries.FindAsync(f.Executive, new ReportFilter(f.PlanId, 2022, directionI, State: ReportListState.Reported));
        var live = await f.Queries.FindAsync(f.Executive, new ReportFilter(f.PlanId, 2022, directionI));
        var due = await f.Queries.FindAsync(f.Executive, new ReportFilter(f.PlanId, 2022, directionI, State: ReportListState.Due));
        Assert.Contains(reported, r => r.Period.Id == period);
        Assert.DoesNotContain(live, r => r.Period.Id == period);
        Assert.Equal(RowI(after).DueReports, due.Count);
    }
}
