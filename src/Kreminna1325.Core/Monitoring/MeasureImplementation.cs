using Kreminna1325.Core.Data;
using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Monitoring;

/// <summary>A measure with where it stands in a year.</summary>
public sealed class MeasureImplementation
{
    public Measure Measure { get; init; } = null!;
    public ImplementationStatus Status { get; init; }

    /// <summary>
    /// A measure's status in a year is the one its latest approved report of the year states (<see cref="MeasureYearStatus"/>);
    /// without one it has not started. The dashboard, the roll-ups and the annual report count by this and the measures
    /// list filters by it.
    /// </summary>
    /// <param name="communities">
    /// The communities the measures are of, when a query reads across communities (a roll-up) but not all of them: the
    /// view then reads only their reports. A context's own community filter narrows it already.
    /// </param>
    public static IQueryable<MeasureImplementation> OfYear(
        AppDbContext db, IQueryable<Measure> measures, int year, IReadOnlyCollection<int>? communities = null)
    {
        // A left join on the year's statuses, read in one pass, rather than a "latest report" sub-plan per measure: at
        // 42,000 measures that sub-plan was 600,000 buffer reads and most of a national roll-up's time.
        var statuses = db.MeasureYearStatuses.Where(s => s.Year == year);
        if (communities is not null)
        {
            statuses = statuses.Where(s => communities.Contains(s.CommunityId));
        }

        return measures.LeftJoin(
            statuses,
            m => m.Id,
            s => s.MeasureId,
            // EF cannot compare a keyless row with null; its column reads NULL when the join found none, hence the '!'.
            (m, s) => new MeasureImplementation { Measure = m, Status = s!.Implementation ?? ImplementationStatus.NotStarted });
    }

    /// <summary>
    /// The measures in a status in a year, by <see cref="OfYear"/>, as a filter a query can go on composing (collections
    /// included: EF cannot carry them through the keyless join itself).
    /// </summary>
    public static IQueryable<Measure> InStatus(AppDbContext db, IQueryable<Measure> measures, int year, ImplementationStatus status)
    {
        var ids = OfYear(db, measures, year).Where(x => x.Status == status).Select(x => x.Measure.Id);
        return measures.Where(m => ids.Contains(m.Id));
    }
}

/// <summary>
/// A measure's status in a year: what its latest approved report of the year states. Latest by the period's end; a live
/// period before an orphaned one ending the same day (a term changed from quarterly to annual), then the newer report, so
/// every reader picks the same one. The rule is the database view <c>measure_year_statuses</c> (migration
/// <c>MeasureYearStatuses</c>); a measure with no approved report in the year has no row.
/// </summary>
public sealed class MeasureYearStatus
{
    public int CommunityId { get; init; }
    public int MeasureId { get; init; }
    public int Year { get; init; }
    public ImplementationStatus? Implementation { get; init; }
}
