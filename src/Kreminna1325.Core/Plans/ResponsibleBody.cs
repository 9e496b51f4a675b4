namespace Kreminna1325.Core.Plans;

/// <summary>An official, department, institution or organisation named as responsible.</summary>
public class ResponsibleBody : Communities.ICommunityOwned
{
    public const int NameMaxLength = 400;
    public const int ShortNameMaxLength = 200;

    public int Id { get; set; }
    public int CommunityId { get; set; }
    public required string Name { get; set; }
    public required string ShortName { get; set; }
    public BodyKind Kind { get; set; }

    /// <summary>Spellings seen in documents, so imports and people find the canonical body.</summary>
    public List<string> Aliases { get; set; } = [];
    public uint Version { get; set; }
}

public enum BodyKind
{
    Official,
    CouncilDepartment,
    MunicipalInstitution,
    StateBody,
    CivilSociety,
}

/// <summary>A body's place in a measure's list of responsible bodies.</summary>
public class MeasureResponsibleBody : Audit.IBelongsToMeasure
{
    public int MeasureId { get; set; }
    public Measure Measure { get; set; } = null!;
    public int ResponsibleBodyId { get; set; }
    public ResponsibleBody ResponsibleBody { get; set; } = null!;
    public int Position { get; set; }

    /// <summary>"(за згодою)": the body is not subordinate to the council and takes part by consent.</summary>
    public bool ByAgreement { get; set; }
    public uint Version { get; set; }
}
