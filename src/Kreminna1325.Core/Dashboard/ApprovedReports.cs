using Kreminna1325.Core.Data;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Dashboard;

/// <summary>People of one category counted by a count indicator of an approved report.</summary>
public sealed class ReachCell
{
    public int CommunityId { get; init; }
    public int DirectionId { get; init; }
    public Disaggregation Dimension { get; init; }
    public string Category { get; init; } = "";
    public int Count { get; init; }
}

/// <summary>
/// What approved reports add up to: money spent and people reached. The dashboard groups these by direction and the
/// roll-ups by community, so a community's figures are the same on both.
/// </summary>
public static class ApprovedReports
{
    /// <summary>The spending of the approved reports among the periods (the "reported" list behind the figure).</summary>
    public static IQueryable<ReportSpending> Spending(AppDbContext db, IQueryable<PeriodFacts> facts)
    {
        var reported = facts.In(ReportListState.Reported).Select(f => f.Period.Report!.Id);
        return db.ReportSpending.Where(s => reported.Contains(s.ReportId));
    }

    /// <summary>
    /// From the reported periods down to their counts' breakdowns: joins, not a list of ids matched against every breakdown.
    /// </summary>
    public static IQueryable<ReachCell> Reach(IQueryable<PeriodFacts> facts) =>
        facts.In(ReportListState.Reported)
            .SelectMany(f => f.Period.Report!.Values.Where(v => v.Indicator.Kind == IndicatorKind.Count), (f, v) => new { f.DirectionId, v })
            .SelectMany(x => x.v.Breakdown, (x, b) => new ReachCell
            {
                CommunityId = b.CommunityId, DirectionId = x.DirectionId, Dimension = b.Dimension, Category = b.Category, Count = b.Count,
            });
}
