using System.Globalization;
using Kreminna1325.Core.Dashboard;

namespace Kreminna1325.Web.Rollups;

/// <summary>The roll-ups' addresses, pages and downloads alike: one place.</summary>
public static class RollupLinks
{
    /// <summary>Who opens the roll-up pages at all; which oblast each reads is <see cref="Core.Rollups.RollupAccess"/>'s.</summary>
    public const string CoordinatorRoles = Core.Accounts.Roles.OblastCoordinator + "," + Core.Accounts.Roles.NationalCoordinator;

    public static string Page(string? oblastCode, int? year = null, int? page = null)
    {
        var path = oblastCode is null ? "/national" : $"/oblast/{Uri.EscapeDataString(oblastCode)}";
        var query = new[] { ("year", year), ("page", page is > 0 ? page + 1 : null) }
            .Where(q => q.Item2 is not null).Select(q => $"{q.Item1}={q.Item2!.Value.ToString(CultureInfo.InvariantCulture)}").ToList();
        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    public static string Xlsx(string? oblastCode, int year)
    {
        var path = oblastCode is null ? "/api/rollups/national.xlsx" : $"/api/rollups/oblast/{Uri.EscapeDataString(oblastCode)}.xlsx";
        return string.Create(CultureInfo.InvariantCulture, $"{path}?year={year}");
    }

    /// <summary>
    /// A community's dashboard for the roll-up's plan and year: through the switcher, which makes it the current community
    /// (if the person may read it) and the plan the chosen one, then goes there.
    /// </summary>
    public static string Dashboard(int communityId, int? planId, int year)
    {
        var back = Uri.EscapeDataString(DashboardLinks.Dashboard(year, null, null));
        var plan = planId is { } p ? string.Create(CultureInfo.InvariantCulture, $"&plan={p}") : "";
        return string.Create(CultureInfo.InvariantCulture, $"/preferences?community={communityId}{plan}&returnUrl={back}");
    }

    /// <summary>
    /// Why an oblast's roll-up is not there: the code is not an oblast's (the codifier says what it is), or no community
    /// hosted here is in that oblast.
    /// </summary>
    public static string NotFound(string oblastCode, Microsoft.Extensions.Localization.IStringLocalizer l) =>
        Core.Communities.Katottg.OblastProblem(oblastCode) ?? l["Rollups.NotFound.Detail", oblastCode];
}
