using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Monitoring;

/// <summary>
/// Who last acted on a report for its bodies: the latest person in the audit trail who saved or submitted it
/// (its own row, its values and breakdowns, its spending, its evidence) and who is scoped to one of the measure's
/// bodies, with that body. Reviewers are not scoped to the measure's bodies, so their approvals and returns do not count.
/// A shared measure's report is one for all its bodies: this says whose official wrote it.
/// </summary>
internal static class ReportActors
{
    public static async Task<IReadOnlyDictionary<int, ReportActor>> OfAsync(AppDbContext db, IReadOnlyList<int> reportIds, CancellationToken ct)
    {
        if (reportIds.Count == 0)
        {
            return new Dictionary<int, ReportActor>();
        }

        var latest = await db.Reports.AsNoTracking().Where(r => reportIds.Contains(r.Id))
            .Select(r => new
            {
                r.Id,
                r.MeasureId,
                UserId = db.AuditEntries
                    .Where(a => a.MeasureId == r.MeasureId && a.UserId != null
                        && ((a.EntityType == nameof(Report) && a.EntityKey == r.Id.ToString())
                            || (a.EntityType == nameof(IndicatorValue) && r.Values.Any(v => v.Id.ToString() == a.EntityKey))
                            || (a.EntityType == nameof(ValueBreakdown) && r.Values.Any(v => a.EntityKey.StartsWith(v.Id.ToString() + "/")))
                            || (a.EntityType == nameof(ReportSpending) && a.EntityKey.StartsWith(r.Id.ToString() + "/"))
                            || (a.EntityType == nameof(Evidence) && r.Evidence.Any(e => e.Id.ToString() == a.EntityKey)))
                        && db.UserResponsibleBodies.Any(u => u.UserId == a.UserId
                            && db.MeasureResponsibleBodies.Any(b => b.MeasureId == r.MeasureId && b.ResponsibleBodyId == u.ResponsibleBodyId)))
                    .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
                    .Select(a => a.UserId)
                    .FirstOrDefault(),
            })
            .Where(r => r.UserId != null)
            .ToListAsync(ct);

        var people = latest.Select(r => r.UserId!).Distinct().ToList();
        var measures = latest.Select(r => r.MeasureId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrWhiteSpace(u.FullName) ? u.Email ?? u.UserName ?? "" : u.FullName, ct);
        // The person's body among the measure's, first in the measure's order.
        var bodies = await db.MeasureResponsibleBodies.AsNoTracking()
            .Where(b => measures.Contains(b.MeasureId))
            .SelectMany(b => db.UserResponsibleBodies.Where(u => u.ResponsibleBodyId == b.ResponsibleBodyId && people.Contains(u.UserId)),
                (b, u) => new { b.MeasureId, u.UserId, b.Position, b.ResponsibleBody.ShortName })
            .ToListAsync(ct);

        return latest.ToDictionary(
            r => r.Id,
            r => new ReportActor(
                names.GetValueOrDefault(r.UserId!, ""),
                bodies.Where(b => b.MeasureId == r.MeasureId && b.UserId == r.UserId).OrderBy(b => b.Position).Select(b => b.ShortName).FirstOrDefault()));
    }
}
