namespace Kreminna1325.Core.Plans;

/// <summary>
/// When a measure recurs: the text as printed plus what it means, so reporting periods can be
/// generated from it without re-reading the prose.
/// </summary>
public class Term
{
    public const int TextMaxLength = 200;

    public required string Text { get; set; }
    public TermKind Kind { get; set; }

    /// <summary>For <see cref="TermKind.AnnualInQuarter"/>: 1..4.</summary>
    public int? Quarter { get; set; }

    /// <summary>For <see cref="TermKind.AnnualInMonths"/>: first and last month, 1..12.</summary>
    public int? FirstMonth { get; set; }
    public int? LastMonth { get; set; }
}

public enum TermKind
{
    Quarterly,
    Ongoing,
    OngoingScheduled,
    Annual,
    AnnualInQuarter,
    AnnualInMonths,
}
