using Kreminna1325.Core.Dashboard;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Exchange;

/// <summary>
/// The year's monitoring report of a plan (measure V.1): the dashboard's figures for the year as its summary,
/// then every measure with what its approved reports say. Approved reports only, like the dashboard.
/// </summary>
public sealed record AnnualReport(
    PlanView Plan, int Year, DateOnly Made, DashboardFigures Figures, IReadOnlyList<AnnualDirection> Directions)
{
    /// <summary>The measures with no approved report for the year: the annex names them.</summary>
    public IReadOnlyList<AnnualMeasure> Unreported => [.. Directions.SelectMany(d => d.Measures).Where(m => !m.Reported)];

    public AnnualSummary Summary { get; } = AnnualSummary.Of(Figures);
}

/// <summary>
/// The whole plan's figures for the year: the dashboard's direction rows added up. Directions split the plan's
/// measures and reports, so their rows add up to the plan's; vulnerability categories stay apart (they overlap).
/// </summary>
public sealed record AnnualSummary(
    int Measures, IReadOnlyDictionary<ImplementationStatus, int> ByStatus,
    int DueReports, int Submitted, int Approved, int Overdue, int Returned,
    IReadOnlyList<AnnualMoney> Budget, int Women, int Men, IReadOnlyDictionary<string, int> Ages, IReadOnlyDictionary<string, int> Vulnerable)
{
    public decimal? WomenShare => Percent.Of(Women, Women + Men);

    public decimal Planned => Budget.Sum(b => b.Planned);

    public decimal Spent => Budget.Sum(b => b.Spent);

    public decimal? Execution => BudgetRow.ExecutionOf(Spent, Planned);

    public static AnnualSummary Of(DashboardFigures f)
    {
        var rows = f.Implementation;
        IReadOnlyDictionary<string, int> Categories(Disaggregation dimension) =>
            Breakdowns.Categories[dimension].ToDictionary(c => c, c => f.Reach.Sum(r => r.Of(dimension, c)));
        return new AnnualSummary(
            rows.Sum(r => r.Measures),
            new Dictionary<ImplementationStatus, int>
            {
                [ImplementationStatus.Done] = rows.Sum(r => r.Done),
                [ImplementationStatus.InProgress] = rows.Sum(r => r.InProgress),
                [ImplementationStatus.NotStarted] = rows.Sum(r => r.NotStarted),
                [ImplementationStatus.NotDone] = rows.Sum(r => r.NotDone),
            },
            f.Reporting.Due, f.Reporting.Submitted, f.Reporting.Approved, f.Reporting.Overdue, f.Reporting.Returned,
            [.. Enum.GetValues<FundingSource>().Select(s => new AnnualMoney(s,
                f.Budget.Where(b => b.Source == s).Sum(b => b.Planned), f.Budget.Where(b => b.Source == s).Sum(b => b.Spent)))],
            f.Reach.Sum(r => r.Women), f.Reach.Sum(r => r.Men),
            Categories(Disaggregation.Age), Categories(Disaggregation.VulnerabilityCategory));
    }
}

public sealed record AnnualDirection(int Id, string Number, string Title, IReadOnlyList<AnnualMeasure> Measures);

/// <summary>A measure in the year: its status (<see cref="MeasureImplementation"/>) and its approved reports' content.</summary>
public sealed record AnnualMeasure(
    int Id, string Number, string Content, ImplementationStatus Status,
    IReadOnlyList<AnnualNarrative> Narratives, IReadOnlyList<AnnualIndicator> Indicators,
    IReadOnlyList<AnnualMoney> Money, IReadOnlyList<string> Evidence)
{
    public bool Reported => Narratives.Count > 0;
}

/// <summary>One approved report's words: what was done, and why not where it was not.</summary>
public sealed record AnnualNarrative(PeriodKind Kind, int Year, int Sequence, DateOnly Start, DateOnly End, string? Narrative, string? NotDoneReason);

/// <summary>
/// An indicator's value for the year: a count is the sum over the year's approved periods (and so is each of
/// its breakdown cells); a yes/no, percentage, list or text is the latest approved value. Null: none approved.
/// </summary>
public sealed record AnnualIndicator(
    int Id, string Text, IndicatorKind Kind, int Periods, decimal? Number, bool? Present, IReadOnlyList<string> Entries, string? Value,
    IReadOnlyList<AnnualBreakdown> Breakdowns)
{
    public bool HasValue => Periods > 0;
}

/// <summary>A breakdown's cells in the form's order. Overlapping ones (vulnerability categories) are never added up.</summary>
public sealed record AnnualBreakdown(Disaggregation Dimension, bool Overlapping, IReadOnlyList<AnnualCell> Cells);

public sealed record AnnualCell(string Category, int Count);

/// <summary>Planned for the year and spent by approved reports, thousand UAH.</summary>
public sealed record AnnualMoney(FundingSource Source, decimal Planned, decimal Spent)
{
    public decimal? Execution => BudgetRow.ExecutionOf(Spent, Planned);
}
