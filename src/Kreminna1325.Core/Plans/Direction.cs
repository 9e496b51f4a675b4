namespace Kreminna1325.Core.Plans;

public class Direction
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan Plan { get; set; } = null!;

    /// <summary>Roman numeral as printed ("I".."V").</summary>
    public required string Number { get; set; }
    public required string Title { get; set; }
    public int Order { get; set; }
    public uint Version { get; set; }

    public List<Measure> Measures { get; set; } = [];
}
