using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Exchange;

/// <summary>
/// What open data does not publish: a breakdown cell below 5 persons of a sensitive indicator is "&lt;5",
/// so no survivor can be picked out of a village or an age group. Totals stay. Sensitive means about
/// violence or its survivors (the indicator's wording), or broken down by vulnerability category. The
/// measure's wording is not read: a training "on preventing violence" counts trainees, not survivors. Zero is below 5 too: next to a published total, a 0 would tell who the others are.
/// </summary>
public static class SmallNumbers
{
    public const int Threshold = 5;
    public const string Hidden = "<5";

    // Word stems as the plan writes about violence and those who suffered it ("насильства", "постраждалих",
    // "жертв", "торгівлі людьми"); the seed's own misprint "насилъству" included.
    private static readonly string[] Stems = ["насильств", "насилл", "насилъств", "постражд", "жертв", "пережил", "торгівл"];

    public static bool IsSensitive(string indicatorText, IEnumerable<Disaggregation> requested) =>
        requested.Contains(Disaggregation.VulnerabilityCategory)
        || Stems.Any(s => indicatorText.Contains(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>A breakdown cell as published.</summary>
    public static string Cell(bool sensitive, Disaggregation dimension, int count) =>
        (sensitive || dimension == Disaggregation.VulnerabilityCategory) && count < Threshold
            ? Hidden
            : count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
