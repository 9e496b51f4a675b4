using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Monitoring;

/// <summary>
/// The categories of each breakdown an indicator can ask for. The vulnerability categories are the
/// ones the plan itself names, plus "none of these", so that every breakdown can add up to the total.
/// </summary>
public static class Breakdowns
{
    public static readonly IReadOnlyDictionary<Disaggregation, IReadOnlyList<string>> Categories = new Dictionary<Disaggregation, IReadOnlyList<string>>
    {
        [Disaggregation.Sex] = ["women", "men"],
        [Disaggregation.Age] = ["under18", "18-34", "35-59", "60plus"],
        [Disaggregation.VulnerabilityCategory] =
        [
            "idp", "disability", "older", "roma", "veterans", "gbv-survivors", "conflict-affected-families",
            "pregnant-parents", "hiv", "none",
        ],
        [Disaggregation.PlaceOfResidence] = ["city", "villages"],
    };

    /// <summary>
    /// The dimensions of a stored list that the app knows, once each. Writes refuse anything else, but
    /// a row written before that (or by hand) must not make every page that reads it fail.
    /// </summary>
    public static IEnumerable<Disaggregation> Known(IEnumerable<Disaggregation> stored) => stored.Where(Categories.ContainsKey).Distinct();

    public static bool IsKnown(Disaggregation dimension, string category) =>
        Categories.TryGetValue(dimension, out var list) && list.Contains(category);
}
