using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Monitoring;

/// <summary>A span a measure reports on, generated from its term and the plan's years.</summary>
public class ReportingPeriod : Audit.IBelongsToMeasure, Communities.ICommunityOwned
{
    public int Id { get; set; }
    public int MeasureId { get; set; }
    public Measure Measure { get; set; } = null!;

    /// <summary>Its measure's community, filled in by the database on insert.</summary>
    public int CommunityId { get; set; }
    public int Year { get; set; }

    /// <summary>Quarter, half or 1 for a yearly period: with the year, how people name it.</summary>
    public int Sequence { get; set; }
    public PeriodKind Kind { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public DateOnly Due { get; set; }

    /// <summary>No longer produced by the measure's term or the plan's years, but kept because a report was entered for it.</summary>
    public bool IsOrphaned { get; set; }
    public uint Version { get; set; }

    public Report? Report { get; set; }
}

public enum PeriodKind
{
    Quarter,
    HalfYear,
    Year,
    Months,
}
