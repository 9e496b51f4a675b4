using System.Linq.Expressions;
using System.Runtime.CompilerServices;
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

    public static Task SyncPlanAsync(AppDbContext db, int planId, CancellationToken ct = default) =>
        SyncAsync(db, m => m.Direction.PlanId == planId, ct);

    public static Task SyncMeasuresAsync(AppDbContext db, IReadOnlyCollection<int> measureIds, CancellationToken ct = default) =>
        measureIds.Count == 0 ? Task.CompletedTask : SyncAsync(db, m => measureIds.Contains(m.Id), ct);

    /// <summary>
    /// In the caller's context: its periods are read tracked, so a period the caller already holds is the one corrected.
    /// </summary>
    private static async Task SyncAsync(AppDbContext db, Expression<Func<Measure, bool>> which, CancellationToken ct)
    {
        var changes = new Changes();
        foreach (var (measure, stored) in await ReadAsync(db, which, tracked: true, ct))
        {
            Reconcile(measure, stored, changes);
        }

        Apply(db, changes);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// At start-up: syncs the plans whose stored periods differ from what their terms and years produce
    /// (after a release that changes the schedule, say), each in a context of its own, and leaves the
    /// rest unwritten. The check reads plans a batch at a time without tracking, so start-up grows
    /// linearly with the number of plans, and what it read is what is written: a plan is not read again
    /// to be synced. Returns the plans it synced.
    /// </summary>
    public static async Task<IReadOnlyList<int>> SyncOutOfStepAsync(IDbContextFactory<AppDbContext> factory, CancellationToken ct = default)
    {
        var synced = new List<int>();
        await foreach (var (planId, changes) in OutOfStepAsync(factory, ct))
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            Apply(db, changes);
            await db.SaveChangesAsync(ct);
            synced.Add(planId);
        }

        return synced;
    }

    /// <summary>Plans a sync would change: the same <see cref="Reconcile"/> the sync applies.</summary>
    public static async Task<IReadOnlyList<int>> PlansOutOfStepAsync(IDbContextFactory<AppDbContext> factory, CancellationToken ct = default)
    {
        var result = new List<int>();
        await foreach (var (planId, _) in OutOfStepAsync(factory, ct))
        {
            result.Add(planId);
        }

        return result;
    }

    /// <summary>
    /// Each plan a sync would change, in order of id, with what it would change, read a batch of plans at a time
    /// without tracking. A batch's context is closed before its plans are handed on, so a sync of them writes in its own.
    /// </summary>
    private static async IAsyncEnumerable<(int PlanId, Changes Changes)> OutOfStepAsync(
        IDbContextFactory<AppDbContext> factory, [EnumeratorCancellation] CancellationToken ct)
    {
        var after = 0;
        while (true)
        {
            var outOfStep = new List<(int, Changes)>();
            await using (var db = await factory.CreateDbContextAsync(ct))
            {
                var plans = await db.Plans.AsNoTracking().Where(p => p.Id > after).OrderBy(p => p.Id).Select(p => p.Id).Take(PlansPerCheck).ToListAsync(ct);
                if (plans.Count == 0)
                {
                    yield break;
                }

                after = plans[^1];
                foreach (var plan in (await ReadAsync(db, m => plans.Contains(m.Direction.PlanId), tracked: false, ct)).GroupBy(r => r.Measure.PlanId).OrderBy(g => g.Key))
                {
                    var changes = new Changes();
                    foreach (var (measure, stored) in plan)
                    {
                        Reconcile(measure, stored, changes);
                    }

                    if (changes.Any)
                    {
                        outOfStep.Add((plan.Key, changes));
                    }
                }
            }

            foreach (var plan in outOfStep)
            {
                yield return plan;
            }
        }
    }

    /// <summary>The measures' terms and each one's stored periods (with whether each has a report), in two queries.</summary>
    private static async Task<List<(MeasureTerm Measure, List<StoredPeriod> Stored)>> ReadAsync(
        AppDbContext db, Expression<Func<Measure, bool>> which, bool tracked, CancellationToken ct)
    {
        var measures = await db.Measures.AsNoTracking().Where(which).Select(m => new MeasureTerm(
            m.Id, m.Direction.PlanId, m.Term, m.Direction.Plan.StartYear, m.Direction.Plan.EndYear, m.Direction.Plan.ReportingCadence, m.Direction.Plan.GraceDays))
            .ToListAsync(ct);
        var ids = measures.Select(m => m.Id).ToList();
        var periods = tracked ? db.ReportingPeriods : db.ReportingPeriods.AsNoTracking();
        var stored = (await periods.Where(p => ids.Contains(p.MeasureId))
            .Select(p => new StoredPeriod(p, p.Report != null))
            .ToListAsync(ct)).ToLookup(s => s.Period.MeasureId);
        return measures.Select(m => (m, stored[m.Id].ToList())).ToList();
    }

    /// <summary>
    /// What one measure's stored periods must become for its schedule: the new ones are added, unreported ones no longer
    /// wanted removed, the rest corrected (or orphaned, when reported). Changes nothing itself: <see cref="Apply"/> does.
    /// </summary>
    private static void Reconcile(MeasureTerm m, List<StoredPeriod> mine, Changes changes)
    {
        var wanted = ReportingSchedule.For(m.Term, m.StartYear, m.EndYear, m.Cadence, m.GraceDays);
        foreach (var spec in wanted)
        {
            var existing = mine.FirstOrDefault(s => s.Period.Start == spec.Start && s.Period.End == spec.End)?.Period;
            if (existing is null)
            {
                changes.Added.Add(new ReportingPeriod
                {
                    MeasureId = m.Id, Year = spec.Year, Sequence = spec.Sequence, Kind = spec.Kind,
                    Start = spec.Start, End = spec.End, Due = spec.Due,
                });
            }
            else if (existing.Due != spec.Due || existing.IsOrphaned || existing.Kind != spec.Kind || existing.Sequence != spec.Sequence)
            {
                changes.Corrected.Add((existing, spec));
            }
        }

        foreach (var gone in mine.Where(s => !wanted.Any(w => w.Start == s.Period.Start && w.End == s.Period.End)))
        {
            if (!gone.HasReport)
            {
                changes.Removed.Add(gone.Period);
            }
            else if (!gone.Period.IsOrphaned)
            {
                changes.Corrected.Add((gone.Period, null));
            }
        }
    }

    /// <summary>
    /// Puts the changes into a context for its next save. A period read without tracking is attached as it was read
    /// first, so only the fields that really change are written (and audited), guarded by the version read.
    /// </summary>
    private static void Apply(AppDbContext db, Changes changes)
    {
        foreach (var (period, spec) in changes.Corrected)
        {
            if (db.Entry(period).State == EntityState.Detached)
            {
                db.Attach(period);
            }

            if (spec is null)
            {
                period.IsOrphaned = true;
                continue;
            }

            period.Due = spec.Due;
            period.IsOrphaned = false;
            period.Kind = spec.Kind;
            period.Sequence = spec.Sequence;
        }

        db.ReportingPeriods.AddRange(changes.Added);
        db.ReportingPeriods.RemoveRange(changes.Removed);
    }

    private sealed record MeasureTerm(int Id, int PlanId, Term Term, int StartYear, int EndYear, ReportingCadence Cadence, int GraceDays);

    private sealed record StoredPeriod(ReportingPeriod Period, bool HasReport);

    /// <summary>What a sync writes: periods to add, to remove, and stored ones to correct (to a spec, or orphaned when none).</summary>
    private sealed class Changes
    {
        public List<ReportingPeriod> Added { get; } = [];

        public List<ReportingPeriod> Removed { get; } = [];

        public List<(ReportingPeriod Period, PeriodSpec? Spec)> Corrected { get; } = [];

        public bool Any => Added.Count > 0 || Removed.Count > 0 || Corrected.Count > 0;
    }
}
