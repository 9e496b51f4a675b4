using System.Globalization;
using System.Security.Claims;
using Kreminna1325.Core.Accounts;

namespace Kreminna1325.Core.Communities;

/// <summary>
/// How a signed-in person's communities travel with them. The sign-in cookie carries every grant
/// (<see cref="Grant"/>: "role@communityId" or "OblastCoordinator@oblastCode"); each request adds the
/// community being worked in (<see cref="Community"/>) and the roles held there as ordinary role claims.
/// </summary>
public static class CommunityClaims
{
    public const string Grant = "grant";
    public const string Community = "community";

    /// <summary>The community the person is working in, if any.</summary>
    public static int? Of(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(Community), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The community a change is made in: without one, nothing a community keeps can be written.</summary>
    public static int Demand(ClaimsPrincipal user) =>
        Of(user) ?? throw new ForbiddenException("Choose a community first: changes are made in one community.");

    public static string GrantValue(string role, string scope) => $"{role}@{scope}";

    /// <summary>The grants in the cookie, as (role, scope) where scope is a community id or an oblast code.</summary>
    public static IEnumerable<(string Role, string Scope)> Grants(ClaimsPrincipal user) =>
        user.FindAll(Grant).Select(c => c.Value.Split('@', 2)).Where(p => p.Length == 2).Select(p => (p[0], p[1]));

    /// <summary>The communities the person holds a community role in, in id order.</summary>
    public static IReadOnlyList<int> GrantedCommunities(ClaimsPrincipal user) =>
        Grants(user).Where(g => Roles.All.Contains(g.Role))
            .Select(g => int.TryParse(g.Scope, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).Distinct().Order().ToList();

    /// <summary>
    /// Every role the person holds anywhere, instance roles and their grants' roles alike, from the sign-in cookie's claims
    /// (which were read from the database at sign-in): what their start page is chosen by.
    /// </summary>
    public static IReadOnlyList<string> RolesAnywhere(ClaimsPrincipal user) =>
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).Concat(Grants(user).Select(g => g.Role)).Distinct().ToList();

    /// <summary>The oblasts the person coordinates (codes).</summary>
    public static IReadOnlyList<string> CoordinatedOblasts(ClaimsPrincipal user) =>
        Grants(user).Where(g => g.Role == Roles.OblastCoordinator).Select(g => g.Scope).Distinct().ToList();
}
