namespace Kreminna1325.Core.Plans;

/// <summary>A community's local action plan on UNSCR 1325 for a span of years.</summary>
public class Plan : Communities.ICommunityOwned
{
    public int Id { get; set; }
    public int CommunityId { get; set; }
    public required string Municipality { get; set; }
    public string? Region { get; set; }
    public required string Title { get; set; }
    public int StartYear { get; set; }
    public int EndYear { get; set; }
    public ReportingCadence ReportingCadence { get; set; } = ReportingCadence.Quarterly;

    /// <summary>Days after a period's end by which its report is due.</summary>
    public int GraceDays { get; set; } = DefaultGraceDays;
    public uint Version { get; set; }

    public List<Direction> Directions { get; set; } = [];
    public List<PrintedTotal> PrintedTotals { get; set; } = [];

    public const int DefaultGraceDays = 10;
    public const int MunicipalityMaxLength = 200;
    public const int TitleMaxLength = 1000;

    public IEnumerable<int> Years => Enumerable.Range(StartYear, EndYear - StartYear + 1);
}

/// <summary>How often "ongoing" measures report; quarterly unless the plan says otherwise.</summary>
public enum ReportingCadence
{
    Quarterly,
    HalfYearly,
    Annual,
}
