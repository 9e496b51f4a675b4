namespace Kreminna1325.Core.Plans;

/// <summary>
/// A total as typed by hand in the source document ("ВСЬОГО ЗА НАПРЯМОМ" when DirectionId is set,
/// "ВСЬОГО ЗА ПІДСУМКОМ" when it is not). Kept only to reconcile against recomputed totals;
/// never used as a total itself. A printed total belongs to a version of the plan: the adopted document when
/// <see cref="AmendmentId"/> is null, else the council decision that stated it.
/// </summary>
public class PrintedTotal
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int? DirectionId { get; set; }
    public Direction? Direction { get; set; }
    public FundingSource Source { get; set; }
    public int Year { get; set; }
    public decimal Amount { get; set; }
    public int? AmendmentId { get; set; }
    public uint Version { get; set; }
}
