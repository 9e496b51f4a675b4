using Kreminna1325.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Monitoring;

/// <summary>
/// Keeps each measure's stored periods equal to what its term and plan produce, without ever
/// destroying a report: a period that is no longer produced but has a report is kept, marked orphaned.
/// Runs in the caller's transaction, after the change that may move periods.
/// </summary>
public static class PeriodSync
{
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

        var measures = await db.Measures
            .Where(m => measureIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Term, m.Direction.Plan.StartYear, m.Direction.Plan.EndYear, m.Direction.Plan.ReportingCadence, m.Direction.Plan.GraceDays })
            .ToListAsync(ct);
        var stored = await db.ReportingPeriods
            .Where(p => measureIds.Contains(p.MeasureId))
            .Select(p => new { Period = p, HasReport = p.Report != null })
            .ToListAsync(ct);

        foreach (var m in measures)
        {
            var wanted = ReportingSchedule.For(m.Term, m.StartYear, m.EndYear, m.ReportingCadence, m.GraceDays);
            var mine = stored.Where(s => s.Period.MeasureId == m.Id).ToList();
            foreach (var spec in wanted)
            {
                var existing = mine.FirstOrDefault(s => s.Period.Start == spec.Start && s.Period.End == spec.End)?.Period;
                if (existing is null)
                {
                    db.ReportingPeriods.Add(new ReportingPeriod
                    {
                        MeasureId = m.Id, Year = spec.Year, Sequence = spec.Sequence, Kind = spec.Kind,
                        Start = spec.Start, End = spec.End, Due = spec.Due,
                    });
                    continue;
                }

                if (existing.Due != spec.Due)
                {
                    existing.Due = spec.Due;
                }

                if (existing.IsOrphaned)
                {
                    existing.IsOrphaned = false;
                }

                if (existing.Kind != spec.Kind || existing.Sequence != spec.Sequence)
                {
                    existing.Kind = spec.Kind;
                    existing.Sequence = spec.Sequence;
                }
            }

            foreach (var gone in mine.Where(s => !wanted.Any(w => w.Start == s.Period.Start && w.End == s.Period.End)))
            {
                if (gone.HasReport)
                {
                    if (!gone.Period.IsOrphaned)
                    {
                        gone.Period.IsOrphaned = true;
                    }
                }
                else
                {
                    db.ReportingPeriods.Remove(gone.Period);
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
