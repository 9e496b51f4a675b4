using Kreminna1325.Core.Monitoring;

namespace Kreminna1325.Core.Dashboard;

/// <summary>
/// Where each dashboard figure leads: the list of exactly the rows it counts, with the dashboard's
/// year, direction and body carried along (a row's own direction or body narrows it further).
/// </summary>
public sealed record DashboardLinks(int Year, int? Direction, int? Body)
{
    /// <summary>The dashboard itself with a filter: from its own selectors, and back from a list it opened.</summary>
    public static string Dashboard(int? year, int? direction, int? body) => Url("/dashboard", ("year", year), ("direction", direction), ("body", body));

    /// <summary>The periods in a reporting state (<see cref="PeriodStates"/>).</summary>
    public string Reports(ReportListState state, int? direction = null, int? body = null, int? quarter = null) =>
        Url("/reports", ("year", Year), ("quarter", quarter), ("state", state), ("direction", direction ?? Direction), ("body", body ?? Body));

    /// <summary>The measures in scope, or those with a given status in the year (<see cref="MeasureImplementation"/>).</summary>
    public string Measures(int? direction = null, ImplementationStatus? status = null) =>
        Url("/measures", ("year", status is null ? null : Year), ("status", status), ("direction", direction ?? Direction), ("body", Body));

    private static string Url(string path, params (string Name, object? Value)[] query)
    {
        var given = query.Where(q => q.Value is not null).Select(q => $"{q.Name}={Convert.ToString(q.Value, System.Globalization.CultureInfo.InvariantCulture)!.ToLowerInvariant()}").ToList();
        return given.Count == 0 ? path : $"{path}?{string.Join('&', given)}";
    }
}
