using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Dashboard;

public sealed record DashboardFilter(int PlanId, int? Year = null, int? DirectionId = null, int? BodyId = null);

public sealed record DirectionRef(int Id, string Number, string Title);

/// <summary>One direction's implementation in the year: measures by status (latest approved report) and reporting.</summary>
public sealed record ImplementationRow(
    int DirectionId, string Number, int Measures, int Done, int InProgress, int NotStarted, int NotDone,
    int DueReports, int Submitted, int Approved, int Overdue, int Returned)
{
    public decimal? SubmittedShare => ReportingTotals.ShareOf(Submitted, DueReports);
    public decimal? ApprovedShare => ReportingTotals.ShareOf(Approved, DueReports);
}

/// <summary>
/// The headline's reporting figures: the direction rows added up (directions split the periods in scope, so nothing
/// counts twice). Due periods are each in exactly one of overdue, returned, submitted and approved.
/// </summary>
public sealed record ReportingTotals(int Due, int Submitted, int Approved, int Overdue, int Returned)
{
    public decimal? SubmittedShare => ShareOf(Submitted, Due);
    public decimal? ApprovedShare => ShareOf(Approved, Due);

    /// <summary>A share of the due reports: what "submitted" and "approved" are measured against.</summary>
    public static decimal? ShareOf(int reports, int due) => Percent.Of(reports, due);

    public static ReportingTotals operator +(ReportingTotals a, ReportingTotals b) =>
        new(a.Due + b.Due, a.Submitted + b.Submitted, a.Approved + b.Approved, a.Overdue + b.Overdue, a.Returned + b.Returned);

    public static ReportingTotals Of(IEnumerable<ImplementationRow> rows) => rows.Aggregate(
        new ReportingTotals(0, 0, 0, 0, 0),
        (t, r) => new ReportingTotals(t.Due + r.DueReports, t.Submitted + r.Submitted, t.Approved + r.Approved, t.Overdue + r.Overdue, t.Returned + r.Returned));
}

public sealed record QuarterRow(int Quarter, int DueReports, int Submitted, int Approved);

public sealed record DisciplineRow(int BodyId, string Body, int Overdue, int Returned);

public sealed record BudgetRow(int DirectionId, string Number, FundingSource Source, decimal Planned, decimal Spent)
{
    public decimal? Execution => ExecutionOf(Spent, Planned);

    /// <summary>Budget execution: what approved reports spent against what the plan planned.</summary>
    public static decimal? ExecutionOf(decimal spent, decimal planned) => Percent.Of(spent, planned);
}

public sealed record ReachRow(int DirectionId, string Number, IReadOnlyDictionary<Disaggregation, IReadOnlyDictionary<string, int>> Counts)
{
    public const string WomenCategory = "women", MenCategory = "men";

    public int Women => Of(Disaggregation.Sex, WomenCategory);
    public int Men => Of(Disaggregation.Sex, MenCategory);
    public decimal? WomenShare => WomenShareOf(Women, Men);

    /// <summary>Women among the people counted by sex.</summary>
    public static decimal? WomenShareOf(int women, int men) => Percent.Of(women, women + men);

    public int Of(Disaggregation dimension, string category) =>
        Counts.TryGetValue(dimension, out var cells) && cells.TryGetValue(category, out var n) ? n : 0;
}

/// <summary>The deputy mayor's figures for a plan and year. Approved reports only, and every figure from a database aggregate.</summary>
public sealed record DashboardFigures(
    int PlanId, int Year, IReadOnlyList<int> Years, DateOnly Today, IReadOnlyList<DirectionRef> Directions,
    IReadOnlyList<ImplementationRow> Implementation, IReadOnlyList<QuarterRow> Quarters, IReadOnlyList<DisciplineRow> Discipline,
    IReadOnlyList<BudgetRow> Budget, BudgetReport PlanBudget, IReadOnlyList<ReachRow> Reach)
{
    /// <summary>The reports of the year in scope: what the headline counts, each figure opening its state's list.</summary>
    public ReportingTotals Reporting => ReportingTotals.Of(Implementation);

    public decimal Planned => Budget.Sum(b => b.Planned);
    public decimal Spent => Budget.Sum(b => b.Spent);
    public decimal? Execution => BudgetRow.ExecutionOf(Spent, Planned);

    /// <summary>How to read <see cref="Reach"/>'s counts: an overlapping dimension's categories are never added up.</summary>
    public IReadOnlyList<BreakdownDimension> Breakdowns => Monitoring.Breakdowns.Dimensions;
}
