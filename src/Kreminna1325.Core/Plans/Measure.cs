namespace Kreminna1325.Core.Plans;

public class Measure : Communities.ICommunityOwned
{
    public const int ContentMaxLength = 4000;

    public int Id { get; set; }
    public int DirectionId { get; set; }
    public Direction Direction { get; set; } = null!;

    /// <summary>Its plan's community, filled in by the database on insert.</summary>
    public int CommunityId { get; set; }

    /// <summary>Number inside its direction, from 1.</summary>
    public int Number { get; set; }
    public required string Content { get; set; }
    public required Term Term { get; set; }

    /// <summary>Set when the document says the measure needs no money of its own.</summary>
    public FundingNote? FundingNote { get; set; }
    public uint Version { get; set; }

    public List<MeasureResponsibleBody> ResponsibleBodies { get; set; } = [];
    public List<Indicator> Indicators { get; set; } = [];
    public List<FundingLine> FundingLines { get; set; } = [];
}

public enum FundingNote
{
    /// <summary>"Не потребує".</summary>
    NotRequired,

    /// <summary>"В межах фінансування комунальних установ".</summary>
    WithinMunicipalBudgets,
}
