using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Monitoring;

/// <summary>
/// What a responsible body reports on one measure for one period, and where it stands in review. Where it
/// stands changes only through its own transitions (ReportWorkflow.cs).
/// </summary>
public partial class Report : Audit.IBelongsToMeasure, Communities.ICommunityOwned
{
    public const int NarrativeMaxLength = 8000;
    public const int CommentMaxLength = 2000;

    public int Id { get; set; }
    public int PeriodId { get; set; }
    public ReportingPeriod Period { get; set; } = null!;
    public int MeasureId { get; set; }

    /// <summary>Its measure's community, filled in by the database on insert.</summary>
    public int CommunityId { get; set; }
    public ReportStatus Status { get; private set; } = ReportStatus.Draft;
    public ImplementationStatus? Implementation { get; set; }
    public string? NotDoneReason { get; set; }
    public string? Narrative { get; set; }

    /// <summary>The reviewer's latest comment when returning or reopening.</summary>
    public string? ReviewComment { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? SubmittedBy { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? ReviewedBy { get; private set; }

    /// <summary>Entered by the app's demo seeding, not by a person: never counted as real monitoring.</summary>
    public bool IsDemo { get; set; }
    public uint Version { get; set; }

    public List<IndicatorValue> Values { get; set; } = [];
    public List<ReportSpending> Spending { get; set; } = [];
    public List<Evidence> Evidence { get; set; } = [];
    public List<ReportEvent> Events { get; set; } = [];
}

public enum ReportStatus
{
    Draft,
    Submitted,
    Returned,
    Approved,
}

public enum ImplementationStatus
{
    NotStarted,
    InProgress,
    Done,
    NotDone,
}

/// <summary>One indicator's value in a report; which fields are used depends on the indicator's kind.</summary>
public class IndicatorValue : Audit.IBelongsToMeasure
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public Report Report { get; set; } = null!;
    public int IndicatorId { get; set; }
    public Indicator Indicator { get; set; } = null!;
    public int MeasureId { get; set; }

    /// <summary>Count (whole) or percentage (one decimal).</summary>
    public decimal? Number { get; set; }
    public bool? Present { get; set; }
    public const int DocumentReferenceMaxLength = 1000;

    public string? DocumentReference { get; set; }
    public List<string> Entries { get; set; } = [];
    public string? Text { get; set; }
    public uint Version { get; set; }

    public List<ValueBreakdown> Breakdown { get; set; } = [];
}

/// <summary>How many of a count fall in one category of one dimension (women; 18–34; IDPs; villages …).</summary>
public class ValueBreakdown : Audit.IBelongsToMeasure, Communities.ICommunityOwned
{
    public int IndicatorValueId { get; set; }
    public IndicatorValue IndicatorValue { get; set; } = null!;
    public int MeasureId { get; set; }

    /// <summary>Its measure's community, filled in by the database on insert.</summary>
    public int CommunityId { get; set; }
    public Disaggregation Dimension { get; set; }
    public required string Category { get; set; }
    public int Count { get; set; }
}

/// <summary>Money actually spent in the period from one source, thousand UAH.</summary>
public class ReportSpending : Audit.IBelongsToMeasure, Communities.ICommunityOwned
{
    public int ReportId { get; set; }
    public Report Report { get; set; } = null!;
    public int MeasureId { get; set; }

    /// <summary>Its measure's community, filled in by the database on insert.</summary>
    public int CommunityId { get; set; }
    public FundingSource Source { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>A file backing a report, kept in the database with its SHA-256.</summary>
public class Evidence : Audit.IBelongsToMeasure
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public int Id { get; set; }
    public int ReportId { get; set; }
    public Report Report { get; set; } = null!;
    public int MeasureId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTimeOffset UploadedAt { get; set; }
    public required string UploadedBy { get; set; }
}

/// <summary>A step in a report's review: who moved it from what to what, and why.</summary>
public class ReportEvent
{
    public long Id { get; set; }
    public int ReportId { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public ReportStatus From { get; set; }
    public ReportStatus To { get; set; }
    public string? Comment { get; set; }
}
