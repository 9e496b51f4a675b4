using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Monitoring;

/// <summary>
/// The categories of each breakdown an indicator can ask for, and how they read. Sex, age group and
/// place of residence are partitions: everyone is in exactly one category, so the categories add up
/// to the total. Vulnerability categories overlap (a displaced woman with a disability is in both),
/// so each is a count of its own, at most the total, and they are never added up; "none of these"
/// counts the people in no category. The vulnerability categories are the ones the plan names.
/// </summary>
public static class Breakdowns
{
    /// <summary>The vulnerability category of people who are in none of the others.</summary>
    public const string None = "none";

    public static readonly IReadOnlyDictionary<Disaggregation, IReadOnlyList<string>> Categories = new Dictionary<Disaggregation, IReadOnlyList<string>>
    {
        [Disaggregation.Sex] = ["women", "men"],
        [Disaggregation.Age] = ["under18", "18-34", "35-59", "60plus"],
        [Disaggregation.VulnerabilityCategory] =
        [
            "idp", "disability", "older", "roma", "veterans", "gbv-survivors", "conflict-affected-families",
            "pregnant-parents", "hiv", None,
        ],
        [Disaggregation.PlaceOfResidence] = ["city", "villages"],
    };

    // Only these add up. Anything not listed (a dimension added later included) is read as overlapping,
    // which never forces a sum on what may not be one.
    private static readonly HashSet<Disaggregation> Partitions = [Disaggregation.Sex, Disaggregation.Age, Disaggregation.PlaceOfResidence];

    /// <summary>Everyone counted is in exactly one category: the categories add up to the total.</summary>
    public static bool IsPartition(Disaggregation dimension) => Partitions.Contains(dimension);

    /// <summary>A person may be in several categories: each is at most the total, and they are never added up.</summary>
    public static bool Overlaps(Disaggregation dimension) => !IsPartition(dimension);

    /// <summary>Every dimension with its categories and how to read them, for pages and JSON readers alike.</summary>
    public static readonly IReadOnlyList<BreakdownDimension> Dimensions =
        [.. Categories.Select(c => new BreakdownDimension(c.Key, Overlaps(c.Key), c.Value))];

    /// <summary>
    /// The dimensions of a stored list that the app knows, once each. Writes refuse anything else, but
    /// a row written before that (or by hand) must not make every page that reads it fail.
    /// </summary>
    public static IEnumerable<Disaggregation> Known(IEnumerable<Disaggregation> stored) => stored.Where(Categories.ContainsKey).Distinct();

    public static bool IsKnown(Disaggregation dimension, string category) =>
        Categories.TryGetValue(dimension, out var list) && list.Contains(category);
}

/// <summary>A breakdown's dimension as readers need it: <paramref name="Overlapping"/> categories must not be added up.</summary>
public sealed record BreakdownDimension(Disaggregation Dimension, bool Overlapping, IReadOnlyList<string> Categories);
