using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;

namespace Kreminna1325.Core.Rollups;

/// <summary>
/// Who reads which roll-up: an oblast coordinator their oblasts' (the grants in their cookie), a national coordinator
/// every oblast's and the national one. Nobody else, whatever roles they hold in a community.
/// </summary>
public static class RollupAccess
{
    public static bool IsNational(ClaimsPrincipal user) =>
        user.IsInRole(Roles.NationalCoordinator) || CommunityClaims.Grants(user).Any(g => g.Role == Roles.NationalCoordinator);

    /// <summary>The oblast's roll-up, or with no oblast the national one.</summary>
    public static bool CanView(ClaimsPrincipal user, string? oblastCode) =>
        IsNational(user) || oblastCode is not null && CommunityClaims.CoordinatedOblasts(user).Contains(oblastCode, StringComparer.Ordinal);

    /// <summary>The roll-ups a coordinator reads: the oblasts' they coordinate, and the national one for a national coordinator.</summary>
    public static IReadOnlyList<string> OblastsOf(ClaimsPrincipal user) => CommunityClaims.CoordinatedOblasts(user);

    public static void Demand(ClaimsPrincipal user, string? oblastCode)
    {
        if (!CanView(user, oblastCode))
        {
            throw new ForbiddenException(oblastCode is null
                ? "The national roll-up is for national coordinators."
                : "An oblast's roll-up is for its oblast coordinators and national coordinators.");
        }
    }
}
