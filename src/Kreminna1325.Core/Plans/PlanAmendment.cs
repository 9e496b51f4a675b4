namespace Kreminna1325.Core.Plans;

/// <summary>
/// A council decision that amends a plan ("рішення № 12/3 від 14.05.2021"). The funding amounts and printed
/// totals it set are kept with it (<see cref="VersionAmount"/>, <see cref="PrintedTotal.AmendmentId"/>), so the
/// plan can be read as adopted and as amended by each decision in turn.
/// </summary>
public class PlanAmendment
{
    public const int NumberMaxLength = 50;
    public const int TitleMaxLength = 2000;

    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan Plan { get; set; } = null!;
    public required string Number { get; set; }

    /// <summary>The Kyiv day of the decision.</summary>
    public DateOnly DecidedOn { get; set; }

    /// <summary>What the decision is called and what it amends, as typed by staff.</summary>
    public required string Title { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
    public uint Version { get; set; }

    public AmendmentScan? Scan { get; set; }
    public List<VersionAmount> Amounts { get; set; } = [];
    public List<PrintedTotal> PrintedTotals { get; set; } = [];
}

/// <summary>The decision's scanned copy (PDF, JPEG or PNG), public like the decision itself.</summary>
public class AmendmentScan
{
    public int AmendmentId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
}

/// <summary>
/// A measure's planned amount for one source and year as a version of the plan set it: the adopted plan when
/// <see cref="AmendmentId"/> is null (copied from the funding lines when the first amendment is recorded), else
/// the amendment that changed it. The measure's id is a plain number, not a reference: a measure deleted later
/// still counts in the versions it was part of, under the direction it stood in then.
/// </summary>
public class VersionAmount
{
    public long Id { get; set; }
    public int PlanId { get; set; }
    public int? AmendmentId { get; set; }
    public int MeasureId { get; set; }
    public int DirectionId { get; set; }
    public FundingSource Source { get; set; }
    public int Year { get; set; }
    public decimal Amount { get; set; }
}
