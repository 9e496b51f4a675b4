using Kreminna1325.Core.Data;
using Kreminna1325.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Monitoring;

/// <summary>
/// Keeps each measure's stored periods equal to what its term and plan produce, without ever
/// destroying a report: a period that is no longer produced but has a report is kept, marked orphaned.
/// Runs in the caller's transaction, after the change that may move periods.
/// </summary>
public static class PeriodSync
{
    /// <summary>Plans read per check: bounds the memory of the start-up check whatever the number of communities.</summary>
    private const int PlansPerCheck = 200;

    public static async Task SyncPlanAsync(AppDbContext db, int planId, CancellationToken ct = default)
    {
        var ids = await db.Measures.Where(m => m.Direction.PlanId == planId).Select(m => m.Id).ToListAsync(ct);
        await SyncMeasuresAsync(db, ids, ct);
    }

    public static async Task SyncMeasuresAsync(AppDbContext db, IReadOnlyCollection<int> measureIds, CancellationToken ct = default)
    {
        if (measureIds.Count == 0)
        {
            return;
        }

        var measures = await Terms(db.Measures.Where(m => measureIds.Contains(m.Id))).ToListAsync(ct);
        var stored = (await db.ReportingPeriods
            .Where(p => measureIds.Contains(p.MeasureId))
            .Select(p => new StoredPeriod(p, p.Report != null))
            .ToListAsync(ct)).ToLookup(s => s.Period.MeasureId);

        var added = new List<ReportingPeriod>();
        var removed = new List<ReportingPeriod>();
        foreach (var m in measures)
        {
            Reconcile(m, stored[m.Id].ToList(), added, removed);
        }

        db.ReportingPeriods.AddRange(added);
        db.ReportingPeriods.RemoveRange(removed);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// At start-up: syncs the plans whose stored periods differ from what their terms and years produce
    /// (after a release that changes the schedule, say), each in a context of its own, and leaves the
    /// rest unwritten. The check reads plans a batch at a time without tracking, so start-up grows
    /// linearly with the number of plans. Returns the plans it synced.
    /// </summary>
    public static async Task<IReadOnlyList<int>> SyncOutOfStepAsync(IDbContextFactory<AppDbContext> factory, CancellationToken ct = default)
    {
        var outOfStep = await PlansOutOfStepAsync(factory, ct);
        foreach (var planId in outOfStep)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            await SyncPlanAsync(db, planId, ct);
        }

        return outOfStep;
    }

    /// <summary>Plans a sync would change: the same <see cref="Reconcile"/> the sync applies, run on untracked copies.</summary>
    public static async Task<IReadOnlyList<int>> PlansOutOfStepAsync(IDbContextFactory<AppDbContext> factory, CancellationToken ct = default)
    {
        var result = new List<int>();
        var after = 0;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var plans = await db.Plans.AsNoTracking().Where(p => p.Id > after).OrderBy(p => p.Id).Select(p => p.Id).Take(PlansPerCheck).ToListAsync(ct);
            if (plans.Count == 0)
            {
                return result;
            }

            after = plans[^1];
            var measures = await Terms(db.Measures.Where(m => plans.Contains(m.Direction.PlanId))).ToListAsync(ct);
            var stored = (await db.ReportingPeriods.AsNoTracking()
                .Where(p => plans.Contains(p.Measure.Direction.PlanId))
                .Select(p => new StoredPeriod(p, p.Report != null))
                .ToListAsync(ct)).ToLookup(s => s.Period.MeasureId);
            var scratch = new List<ReportingPeriod>();
            result.AddRange(measures
                .Where(m => Reconcile(m, stored[m.Id].ToList(), scratch, scratch))
                .Select(m => m.PlanId).Distinct().Order());
        }
    }

    private static IQueryable<MeasureTerm> Terms(IQueryable<Measure> measures) => measures.AsNoTracking().Select(m => new MeasureTerm(
        m.Id, m.Direction.PlanId, m.Term, m.Direction.Plan.StartYear, m.Direction.Plan.EndYear, m.Direction.Plan.ReportingCadence, m.Direction.Plan.GraceDays));

    /// <summary>
    /// Makes one measure's stored periods what its schedule wants: the new ones go to <paramref name="added"/>,
    /// unreported ones no longer wanted to <paramref name="removed"/>, the rest are corrected in place.
    /// Returns whether anything differed.
    /// </summary>
    private static bool Reconcile(MeasureTerm m, List<StoredPeriod> mine, List<ReportingPeriod> added, List<ReportingPeriod> removed)
    {
        var changed = false;
        var wanted = ReportingSchedule.For(m.Term, m.StartYear, m.EndYear, m.Cadence, m.GraceDays);
        foreach (var spec in wanted)
        {
            var existing = mine.FirstOrDefault(s => s.Period.Start == spec.Start && s.Period.End == spec.End)?.Period;
            if (existing is null)
            {
                added.Add(new ReportingPeriod
                {
                    MeasureId = m.Id, Year = spec.Year, Sequence = spec.Sequence, Kind = spec.Kind,
                    Start = spec.Start, End = spec.End, Due = spec.Due,
                });
                changed = true;
                continue;
            }

            if (existing.Due != spec.Due)
            {
                existing.Due = spec.Due;
                changed = true;
            }

            if (existing.IsOrphaned)
            {
                existing.IsOrphaned = false;
                changed = true;
            }

            if (existing.Kind != spec.Kind || existing.Sequence != spec.Sequence)
            {
                existing.Kind = spec.Kind;
                existing.Sequence = spec.Sequence;
                changed = true;
            }
        }

        foreach (var gone in mine.Where(s => !wanted.Any(w => w.Start == s.Period.Start && w.End == s.Period.End)))
        {
            if (!gone.HasReport)
            {
                removed.Add(gone.Period);
                changed = true;
            }
            else if (!gone.Period.IsOrphaned)
            {
                gone.Period.IsOrphaned = true;
                changed = true;
            }
        }

        return changed;
    }

    private sealed record MeasureTerm(int Id, int PlanId, Term Term, int StartYear, int EndYear, ReportingCadence Cadence, int GraceDays);

    private sealed record StoredPeriod(ReportingPeriod Period, bool HasReport);
}
