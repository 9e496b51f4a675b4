using Kreminna1325.Core.Dashboard;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Rollups;

/// <summary>What a roll-up is asked for: one oblast (its KATOTTG code) or, with none, every community; a year; a page of rows.</summary>
public sealed record RollupRequest(string? OblastCode, int? Year = null, int Page = 0, int PageSize = RollupRequest.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
}

/// <summary>The plan a community's row is about: the one covering the roll-up's year, else its newest.</summary>
public sealed record RollupPlan(int Id, string Title, int StartYear, int EndYear);

/// <summary>Measures by where they stand in the year (<see cref="MeasureImplementation"/>).</summary>
public sealed record MeasureStatuses(int Done, int InProgress, int NotStarted, int NotDone)
{
    public int Measures => Done + InProgress + NotStarted + NotDone;

    public int Of(ImplementationStatus status) => status switch
    {
        ImplementationStatus.Done => Done,
        ImplementationStatus.InProgress => InProgress,
        ImplementationStatus.NotDone => NotDone,
        _ => NotStarted,
    };
}

/// <summary>Planned (the funding lines of the year) against spent (approved reports of the year) from one source.</summary>
public sealed record SourceBudget(FundingSource Source, decimal Planned, decimal Spent)
{
    public decimal? Execution => BudgetRow.ExecutionOf(Spent, Planned);
}

/// <summary>People reached by approved reports, counted by sex.</summary>
public sealed record PeopleReached(int Women, int Men)
{
    public decimal? WomenShare => ReachRow.WomenShareOf(Women, Men);
}

/// <summary>A community's figures for the year, or the oblast's or country's totals of them. Approved reports only.</summary>
public sealed record RollupFigures(MeasureStatuses Measures, ReportingTotals Reporting, IReadOnlyList<SourceBudget> Budget, PeopleReached People)
{
    public decimal Planned => Budget.Sum(b => b.Planned);
    public decimal Spent => Budget.Sum(b => b.Spent);

    public SourceBudget Of(FundingSource source) => Budget.FirstOrDefault(b => b.Source == source) ?? new SourceBudget(source, 0m, 0m);

    /// <summary>A row for every source, zero where nothing is planned or spent.</summary>
    internal static IReadOnlyList<SourceBudget> Sources(IReadOnlyDictionary<FundingSource, decimal> planned, IReadOnlyDictionary<FundingSource, decimal> spent) =>
        [.. Enum.GetValues<FundingSource>().Select(s => new SourceBudget(s, planned.GetValueOrDefault(s), spent.GetValueOrDefault(s)))];
}

/// <summary>One community's row: which it is, its plan (none when it has not started one) and its figures.</summary>
public sealed record CommunityRollup(int CommunityId, string Code, string Name, string OblastName, RollupPlan? Plan, RollupFigures Figures);

/// <summary>
/// A roll-up: a page of its communities' rows and the totals of all of them (not only the page's), for one year. The
/// figures of every row are of that year in the plan its row names.
/// </summary>
public sealed record Rollup(
    string? OblastCode, string? OblastName, int Year, IReadOnlyList<int> Years, DateOnly Today,
    int Communities, int Page, int PageSize, IReadOnlyList<CommunityRollup> Rows, RollupFigures Totals)
{
    public int Pages => Math.Max(1, (Communities + PageSize - 1) / PageSize);
}
