namespace Kreminna1325.Core.Plans;

/// <summary>Planned funding of a measure from one source in one year, thousand UAH.</summary>
public class FundingLine : Audit.IBelongsToMeasure
{
    public int Id { get; set; }
    public int MeasureId { get; set; }
    public Measure Measure { get; set; } = null!;
    public FundingSource Source { get; set; }
    public int Year { get; set; }
    public decimal Amount { get; set; }
    public uint Version { get; set; }
}

public enum FundingSource
{
    /// <summary>Local (city) budget: "Місцевий бюджет", "Міський бюджет".</summary>
    Local,

    /// <summary>Other sources: donors, grants ("Інші", "Інші кошти").</summary>
    Other,
}
