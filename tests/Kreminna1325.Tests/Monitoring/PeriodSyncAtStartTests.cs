using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Monitoring;

/// <summary>
/// Start-up writes only the plans whose periods are out of step with their terms, and leaves them exactly
/// as a full sync would; a plan in step is not touched.
/// </summary>
public class PeriodSyncAtStartTests(SeededDatabase f) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task Only_a_plan_out_of_step_is_synced_and_it_ends_as_a_full_sync_leaves_it()
    {
        var other = await SecondPlanAsync();
        Assert.Empty(await PeriodSync.PlansOutOfStepAsync(f.DbFactory));
        var expected = await PeriodsAsync(f.PlanId);
        var otherBefore = await VersionsAsync(other);

        // As a release changing the schedule would leave it: a due date moved, a period missing, one too many.
        await using (var db = await f.DbFactory.CreateDbContextAsync())
        {
            var periods = db.ReportingPeriods.Where(p => p.Measure.Direction.PlanId == f.PlanId).OrderBy(p => p.Id);
            await periods.Take(1).ExecuteUpdateAsync(s => s.SetProperty(p => p.Due, p => p.Due.AddDays(3)));
            await periods.Skip(5).Take(1).ExecuteDeleteAsync();
            var measure = await db.Measures.Where(m => m.Direction.PlanId == f.PlanId).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
            db.ReportingPeriods.Add(new ReportingPeriod
            {
                MeasureId = measure, Year = 2040, Sequence = 1, Kind = PeriodKind.Year,
                Start = new DateOnly(2040, 1, 1), End = new DateOnly(2040, 12, 31), Due = new DateOnly(2041, 1, 10),
            });
            await db.SaveChangesAsync();
        }

        Assert.Equal([f.PlanId], await PeriodSync.PlansOutOfStepAsync(f.DbFactory));
        Assert.Equal([f.PlanId], await PeriodSync.SyncOutOfStepAsync(f.DbFactory));

        Assert.Equal(expected, await PeriodsAsync(f.PlanId));
        Assert.Equal(otherBefore, await VersionsAsync(other));
        Assert.Empty(await PeriodSync.PlansOutOfStepAsync(f.DbFactory));
    }

    private async Task<int> SecondPlanAsync()
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var community = Core.Communities.KnownCommunities.Rubizhne();
        db.Communities.Add(community);
        await db.SaveChangesAsync();
        var plan = new Plan
        {
            CommunityId = community.Id, Municipality = "Інша громада", Title = "Другий план", StartYear = 2024, EndYear = 2025,
            Directions =
            [
                new Direction
                {
                    Number = "I", Title = "Напрям", Order = 1,
                    Measures = [new Measure { Number = 1, Content = "Захід", Term = new Term { Text = "щокварталу", Kind = TermKind.Quarterly } }],
                },
            ],
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        await PeriodSync.SyncPlanAsync(db, plan.Id);
        return plan.Id;
    }

    private async Task<List<string>> PeriodsAsync(int planId)
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        return await db.ReportingPeriods.Where(p => p.Measure.Direction.PlanId == planId)
            .OrderBy(p => p.MeasureId).ThenBy(p => p.Start)
            .Select(p => p.MeasureId + " " + p.Year + " " + p.Sequence + " " + p.Kind + " " + p.Start + " " + p.End + " " + p.Due + " " + p.IsOrphaned)
            .ToListAsync();
    }

    private async Task<List<string>> VersionsAsync(int planId)
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        return await db.ReportingPeriods.Where(p => p.Measure.Direction.PlanId == planId)
            .OrderBy(p => p.Id).Select(p => p.Id + " " + p.Version).ToListAsync();
    }
}
