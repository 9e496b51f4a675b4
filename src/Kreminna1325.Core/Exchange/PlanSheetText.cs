using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Exchange;

/// <summary>
/// The words of the plan's workbook. The export and the template write them and the import reads them back,
/// so both take them from here; the Web fills it from its resource strings (always Ukrainian, like the
/// council's document) on top of the Word plan's own words.
/// </summary>
public sealed record PlanSheetText(
    PlanDocxText Document,
    PlanSheetHeadings Headings,
    Func<BudgetScope, string> Scope,
    Func<IndicatorKind, string> IndicatorKind,
    Func<BodyKind, string> BodyKind,
    Func<TermKind, string> TermKind,
    Func<TermKind, string> TermExample,
    PlanSheetExample Example,
    IReadOnlyList<string> Instructions)
{
    public FundingSource? SourceNamed(string? word) => Named(word, Document.Source);

    public FundingNote? NoteNamed(string? word) => Named(word, Document.Note);

    public Disaggregation? DisaggregationNamed(string? word) => Named(word, Document.Disaggregation);

    public IndicatorKind? IndicatorKindNamed(string? word) => Named(word, IndicatorKind);

    public BodyKind? BodyKindNamed(string? word) => Named(word, BodyKind);

    public TermKind? TermKindNamed(string? word) => Named(word, TermKind);

    public BudgetScope? ScopeNamed(string? word) => Named(word, Scope);

    /// <summary>People retype words in their own case and spacing; what they mean is the same.</summary>
    private static T? Named<T>(string? word, Func<T, string> wordOf) where T : struct, Enum
    {
        var wanted = word?.Trim();
        if (string.IsNullOrEmpty(wanted))
        {
            return null;
        }

        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(wordOf(value).Trim(), wanted, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}

/// <summary>The column headings of the workbook's sheets other than the council's table (whose headings are the Word plan's).</summary>
public sealed record PlanSheetHeadings(
    string DirectionNumber,
    string DirectionTitle,
    string MeasureNumber,
    string Position,
    string Year,
    string Level,
    string Printed,
    string Computed,
    string Difference,
    string Indicator,
    string IndicatorKind,
    string Disaggregations,
    string BodyName,
    string BodyShortName,
    string BodyKind,
    string Aliases,
    string TermKind,
    string TermExample);

/// <summary>The template's one filled example: a direction, a measure funded from two sources, one body, one indicator.</summary>
public sealed record PlanSheetExample(
    string Title,
    string DirectionNumber,
    string DirectionTitle,
    string Content,
    string BodyName,
    string BodyShortName,
    string BodyAlias,
    string Term,
    string Indicator);
