using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Exchange;

/// <summary>What the plan's title, community and years are to be; the workbook brings the rest.</summary>
public sealed record PlanImportRequest(string Title, string Municipality, int StartYear, int EndYear);

/// <summary>What an import would create, and every problem that stops it. Nothing is written for a preview.</summary>
public sealed record PlanImportPreview(
    string Title,
    string Municipality,
    int StartYear,
    int EndYear,
    int Directions,
    int Measures,
    int Indicators,
    int FundingLines,
    IReadOnlyList<PlanImportDirection> DirectionList,
    IReadOnlyList<PlanImportTerm> Terms,
    IReadOnlyList<PlanImportIndicatorKind> IndicatorKinds,
    IReadOnlyList<PlanImportBody> Bodies,
    IReadOnlyList<BudgetAmount> Totals,
    IReadOnlyList<PlanImportPrintedTotal> PrintedTotals,
    IReadOnlyList<PlanImportProblem> Problems)
{
    public bool CanImport => Problems.Count == 0;

    public int NewBodies => Bodies.Count(b => b.ExistingId is null);
}

public sealed record PlanImportDirection(string Number, string Title, int Measures);

/// <summary>How many measures the term parser read as each kind of term.</summary>
public sealed record PlanImportTerm(TermKind Kind, int Measures);

public sealed record PlanImportIndicatorKind(IndicatorKind Kind, int Indicators, int Disaggregated);

/// <summary>A body as the workbook names it: the registry's body it matched (by name or alias), or the one that would be added.</summary>
public sealed record PlanImportBody(string Written, int? ExistingId, string Name, string ShortName, BodyKind Kind, int Measures);

/// <summary>A total as the document printed it; Direction null for the plan's grand total.</summary>
public sealed record PlanImportPrintedTotal(string? Direction, FundingSource Source, int Year, decimal Amount);

public enum PlanImportOutcome
{
    /// <summary>A dry run, or a confirmation refused for its problems: see the preview.</summary>
    Previewed,
    Imported,

    /// <summary>Over <see cref="PlanImporter.MaxFileBytes"/>: not read at all.</summary>
    TooLarge,
}

public sealed record PlanImportResult(PlanImportOutcome Outcome, PlanImportPreview? Preview, int? PlanId)
{
    public bool Refused => Outcome == PlanImportOutcome.TooLarge || Preview is { CanImport: false };
}
