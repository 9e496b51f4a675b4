namespace Kreminna1325.Core.Plans;

public class Indicator : Audit.IBelongsToMeasure
{
    public const int TextMaxLength = 2000;

    public int Id { get; set; }
    public int MeasureId { get; set; }
    public Measure Measure { get; set; } = null!;
    public int Position { get; set; }
    public required string Text { get; set; }
    public IndicatorKind Kind { get; set; }
    public List<Disaggregation> Disaggregations { get; set; } = [];
    public uint Version { get; set; }
}

public enum IndicatorKind
{
    Count,
    Presence,
    Percentage,
    List,
    Text,
}

public enum Disaggregation
{
    Sex,
    Age,
    VulnerabilityCategory,
    PlaceOfResidence,
}
