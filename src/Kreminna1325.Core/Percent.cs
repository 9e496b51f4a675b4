namespace Kreminna1325.Core;

/// <summary>
/// Every share and execution percentage the community publishes: one decimal, halves away from zero
/// (12,25 → 12,3, as people round by hand), and null when there is nothing to measure against.
/// </summary>
public static class Percent
{
    public static decimal? Of(decimal part, decimal whole) =>
        whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
}
