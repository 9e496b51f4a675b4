using Kreminna1325.Core.Data;
using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Monitoring;

/// <summary>
/// A period with what every reporting figure and list counts it by on a given Kyiv day. The dashboard
/// aggregates these and the drill-down lists filter them, so a figure and its list cannot disagree.
/// </summary>
public sealed class PeriodFacts
{
    public ReportingPeriod Period { get; init; } = null!;
    public int DirectionId { get; init; }

    /// <summary>The quarter the period ends in.</summary>
    public int Quarter { get; init; }

    /// <summary>
    /// Its due date has passed and the plan still asks for it (not orphaned by a change of term): a report was owed,
    /// whatever became of it since ("мали бути подані до …", approved ones included).
    /// </summary>
    public bool IsDue { get; init; }

    /// <summary>
    /// The plan still asks for it (not orphaned) and nothing is submitted (no report or a draft), due or not: what its
    /// officials still owe. <see cref="Overdue"/> and <see cref="DueSoon"/> are this on either side of the due date,
    /// and the reminders (<see cref="Notifications.Reminders"/>) remind of exactly these.
    /// </summary>
    public bool Owed { get; init; }

    /// <summary>Due, and nothing submitted (no report or a draft).</summary>
    public bool Overdue { get; init; }

    /// <summary>
    /// Not due yet, but due within <see cref="PeriodStates.DueSoonDays"/> days (today included), and nothing
    /// submitted: what an official should finish next.
    /// </summary>
    public bool DueSoon { get; init; }

    /// <summary>Due, and sent back to its author.</summary>
    public bool Returned { get; init; }

    /// <summary>
    /// Due, submitted and not yet reviewed: neither approved nor returned. Due periods fall into exactly one of
    /// overdue, returned, submitted and approved, so the four add up to the due ones.
    /// </summary>
    public bool Submitted { get; init; }

    /// <summary>Due, and approved.</summary>
    public bool Approved { get; init; }

    /// <summary>
    /// Approved, due or not, orphaned or not: the reports the budget and reach figures add up. Money spent
    /// and people reached stay real after a change of term orphans the period they were reported for,
    /// just as the report still decides its measure's status (<see cref="MeasureImplementation"/>).
    /// </summary>
    public bool Reported { get; init; }
}

public static class PeriodStates
{
    /// <summary>How far ahead a due date counts as "due soon": within two weeks, so a quarter's report is started in time.</summary>
    public const int DueSoonDays = 14;

    /// <summary>The last due date that is "due soon" on a given Kyiv day.</summary>
    public static DateOnly DueSoonUntil(DateOnly today) => today.AddDays(DueSoonDays);

    /// <summary>
    /// The periods of a plan, narrowed by year, direction and body (a measure counts for each of its bodies).
    /// Orphaned periods are in scope only for what was reported on them: <see cref="Facts"/> never counts them as due.
    /// </summary>
    public static IQueryable<ReportingPeriod> Scope(AppDbContext db, int planId, int? year, int? directionId, int? bodyId) =>
        Scope(db, PlanScope.Measures(db, planId, directionId, bodyId), year);

    /// <summary>The periods of any set of measures (the roll-ups: every community's plan at once), by the same rule.</summary>
    public static IQueryable<ReportingPeriod> Scope(AppDbContext db, IQueryable<Measure> measures, int? year)
    {
        var periods = db.ReportingPeriods.Where(p => measures.Any(m => m.Id == p.MeasureId)
            && (!p.IsOrphaned || (p.Report != null && p.Report.Status == ReportStatus.Approved)));
        if (year is { } y)
        {
            periods = periods.Where(p => p.Year == y);
        }

        return periods;
    }

    public static IQueryable<PeriodFacts> Facts(IQueryable<ReportingPeriod> periods, DateOnly today)
    {
        var soon = DueSoonUntil(today);
        return periods.Select(p => new PeriodFacts
        {
            Period = p,
            DirectionId = p.Measure.DirectionId,
            Quarter = (p.End.Month - 1) / 3 + 1,
            IsDue = !p.IsOrphaned && p.Due < today,
            Owed = !p.IsOrphaned && (p.Report == null || p.Report.Status == ReportStatus.Draft),
            Overdue = !p.IsOrphaned && p.Due < today && (p.Report == null || p.Report.Status == ReportStatus.Draft),
            DueSoon = !p.IsOrphaned && p.Due >= today && p.Due <= soon && (p.Report == null || p.Report.Status == ReportStatus.Draft),
            Returned = !p.IsOrphaned && p.Due < today && p.Report != null && p.Report.Status == ReportStatus.Returned,
            Submitted = !p.IsOrphaned && p.Due < today && p.Report != null && p.Report.Status == ReportStatus.Submitted,
            Approved = !p.IsOrphaned && p.Due < today && p.Report != null && p.Report.Status == ReportStatus.Approved,
            Reported = p.Report != null && p.Report.Status == ReportStatus.Approved,
        });
    }

    public static IQueryable<PeriodFacts> In(this IQueryable<PeriodFacts> facts, ReportListState state) => state switch
    {
        ReportListState.Due => facts.Where(f => f.IsDue),
        ReportListState.Overdue => facts.Where(f => f.Overdue),
        ReportListState.Returned => facts.Where(f => f.Returned),
        ReportListState.Submitted => facts.Where(f => f.Submitted),
        ReportListState.Approved => facts.Where(f => f.Approved),
        ReportListState.Reported => facts.Where(f => f.Reported),
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };
}
