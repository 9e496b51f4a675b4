using Kreminna1325.Core.Data;
using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Monitoring;

/// <summary>A measure with where it stands in a year.</summary>
public sealed class MeasureImplementation
{
    public Measure Measure { get; init; } = null!;
    public ImplementationStatus Status { get; init; }

    /// <summary>
    /// A measure's status in a year is the one its latest approved report of the year states; without
    /// one it has not started. The dashboard counts by this and the measures list filters by it.
    /// </summary>
    public static IQueryable<MeasureImplementation> OfYear(AppDbContext db, IQueryable<Measure> measures, int year) =>
        measures.Select(m => new MeasureImplementation
        {
            Measure = m,
            Status = db.Reports
                .Where(r => r.MeasureId == m.Id && r.Status == ReportStatus.Approved && r.Period.Year == year)
                // Latest first; a live period before an orphaned one ending the same day (a term changed from
                // quarterly to annual), then the newer report, so every query picks the same one.
                .OrderByDescending(r => r.Period.End).ThenBy(r => r.Period.IsOrphaned).ThenByDescending(r => r.Id)
                .Select(r => r.Implementation)
                .FirstOrDefault() ?? ImplementationStatus.NotStarted,
        });
}
