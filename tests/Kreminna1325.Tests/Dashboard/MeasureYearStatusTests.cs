using Kreminna1325.Core.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Dashboard;

public sealed class MeasureYearStatusFixture : DashboardFixture;

/// <summary>
/// The status rule (latest approved report of the year; a live period before an orphaned one ending the same day; then
/// the newer report) as the database view answers it, which every figure and list counts by.
/// </summary>
public class MeasureYearStatusTests(MeasureYearStatusFixture f) : IClassFixture<MeasureYearStatusFixture>
{
    private async Task<ImplementationStatus> StatusAsync(string direction, int number, int year)
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var measures = db.Measures.Where(m => m.Direction.PlanId == f.PlanId && m.Direction.Number == direction && m.Number == number);
        return await MeasureImplementation.OfYear(db, measures, year).Select(x => x.Status).SingleAsync();
    }

    [Fact]
    public async Task Every_measure_has_the_status_of_its_latest_approved_report_of_the_year_or_none()
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var approved = await db.Reports.Where(r => r.Status == ReportStatus.Approved)
            .Select(r => new { r.MeasureId, r.Period.Year, r.Period.End, r.Period.IsOrphaned, r.Id, r.Implementation })
            .ToListAsync();
        foreach (var year in new[] { 2020, 2021, 2022 })
        {
            var expected = approved.Where(r => r.Year == year).GroupBy(r => r.MeasureId).ToDictionary(g => g.Key,
                g => g.OrderByDescending(r => r.End).ThenBy(r => r.IsOrphaned).ThenByDescending(r => r.Id).First().Implementation);
            var actual = await MeasureImplementation.OfYear(db, db.Measures.Where(m => m.Direction.PlanId == f.PlanId), year)
                .Select(x => new { x.Measure.Id, x.Status }).ToListAsync();

            Assert.Equal(await db.Measures.CountAsync(m => m.Direction.PlanId == f.PlanId), actual.Count);
            Assert.All(actual, a => Assert.Equal(expected.GetValueOrDefault(a.Id) ?? ImplementationStatus.NotStarted, a.Status));
        }

        // The fixture approved I.4's first quarter (done) and III.5's (not done) in 2022 only; the submitted and the returned do not count.
        Assert.Equal(ImplementationStatus.Done, await StatusAsync("I", 4, 2022));
        Assert.Equal(ImplementationStatus.NotDone, await StatusAsync("III", 5, 2022));
        Assert.Equal(ImplementationStatus.NotStarted, await StatusAsync("I", 4, 2021));
    }

    [Fact]
    public async Task A_live_period_wins_over_an_orphaned_one_ending_the_same_day()
    {
        // I.4's first quarter is approved as done; a second approved report, in progress, on an orphaned period of a
        // former term that ends the same day, must not override it.
        var quarter = await f.PeriodAsync("I", 4, 2022, 1);
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var live = await db.ReportingPeriods.AsNoTracking().SingleAsync(p => p.Id == quarter);
        var orphan = new ReportingPeriod
        {
            MeasureId = live.MeasureId, Year = 2022, Sequence = 1, Kind = PeriodKind.Year, Start = live.End.AddYears(-1).AddDays(1),
            End = live.End, Due = live.Due, IsOrphaned = true,
        };
        db.ReportingPeriods.Add(orphan);
        await db.SaveChangesAsync();
        var annual = new Report
        {
            PeriodId = orphan.Id, MeasureId = live.MeasureId, Implementation = ImplementationStatus.InProgress, Narrative = "Річний звіт за старим строком.",
        };
        db.Reports.Add(annual);
        await db.SaveChangesAsync();
        // Its id is the newer: were the tie broken by the report, this one would win.
        await db.Reports.Where(r => r.Id == annual.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReportStatus.Approved));

        try
        {
            Assert.Equal(ImplementationStatus.Done, await StatusAsync("I", 4, 2022));

            // Made live and the quarter orphaned, the annual report is the one that counts.
            await db.ReportingPeriods.Where(p => p.Id == orphan.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsOrphaned, false));
            await db.ReportingPeriods.Where(p => p.Id == quarter).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsOrphaned, true));
            Assert.Equal(ImplementationStatus.InProgress, await StatusAsync("I", 4, 2022));
        }
        finally
        {
            // The fixture's reports as they were, for the other test of the class.
            await db.Reports.Where(r => r.Id == annual.Id).ExecuteDeleteAsync();
            await db.ReportingPeriods.Where(p => p.Id == orphan.Id).ExecuteDeleteAsync();
            await db.ReportingPeriods.Where(p => p.Id == quarter).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsOrphaned, false));
        }
    }
}
