using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Amendments;

namespace Kreminna1325.Core.Budget;

/// <summary>Planned funding of one plan, recomputed from its funding lines, with the document's own totals beside it.</summary>
public sealed record BudgetReport(
    int PlanId,
    IReadOnlyList<int> Years,
    IReadOnlyList<DirectionBudget> Directions,
    IReadOnlyList<BudgetAmount> Totals,
    IReadOnlyList<YearAmount> GrandTotals,
    IReadOnlyList<BudgetAmount> PrintedTotals,
    IReadOnlyList<BudgetMismatch> Mismatches)
{
    /// <summary>False for one body's measures: the document's totals are for whole directions and the plan, so they are not compared.</summary>
    public bool Reconciled { get; init; } = true;

    /// <summary>The version of the plan these amounts and printed totals are of: the current plan unless asked otherwise.</summary>
    public BudgetVersionInfo Version { get; init; } = new(PlanVersionKind.Current, null, null, null);

    public decimal Total(FundingSource source, int year) => Totals.Amount(source, year);

    public decimal GrandTotal(int year) => GrandTotals.FirstOrDefault(t => t.Year == year)?.Amount ?? 0m;

    public BudgetMismatch? MismatchOf(int? directionId, FundingSource source, int year) =>
        Mismatches.FirstOrDefault(m => m.DirectionId == directionId && m.Source == source && m.Year == year);
}

public sealed record DirectionBudget(
    int DirectionId,
    string Number,
    string Title,
    IReadOnlyList<BudgetAmount> Totals,
    IReadOnlyList<YearAmount> AllSources,
    IReadOnlyList<BudgetAmount> PrintedTotals)
{
    public decimal Total(FundingSource source, int year) => Totals.Amount(source, year);
}

public sealed record BudgetAmount(FundingSource Source, int Year, decimal Amount);

public sealed record YearAmount(int Year, decimal Amount);

public enum BudgetScope
{
    Direction,
    Plan,
}

/// <summary>A printed total that is not what the lines add up to. Printed is null when the document printed no figure for a non-zero total.</summary>
public sealed record BudgetMismatch(
    BudgetScope Scope,
    int? DirectionId,
    string? Direction,
    FundingSource Source,
    int Year,
    decimal? Printed,
    decimal Computed);

internal static class BudgetAmountExtensions
{
    public static decimal Amount(this IEnumerable<BudgetAmount> amounts, FundingSource source, int year) =>
        amounts.FirstOrDefault(a => a.Source == source && a.Year == year)?.Amount ?? 0m;
}
