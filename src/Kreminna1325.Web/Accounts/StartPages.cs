using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kreminna1325.Web.Accounts;

/// <summary>Where each role lands after signing in.</summary>
public static class StartPages
{
    /// <summary>The start page of the person's roles, in every community and beyond: a coordinator lands on their roll-up.</summary>
    public static string For(ClaimsPrincipal user)
    {
        var set = CommunityClaims.RolesAnywhere(user).ToHashSet();
        return set.Contains(Roles.Administrator) ? "/admin/users"
            : set.Contains(Roles.CouncilStaff) ? "/measures"
            : set.Contains(Roles.ResponsibleOfficial) ? "/my-reports"
            : set.Contains(Roles.Executive) ? "/dashboard"
            : set.Contains(Roles.SystemAdministrator) ? "/admin/communities"
            : set.Contains(Roles.NationalCoordinator) ? "/national"
            : CommunityClaims.CoordinatedOblasts(user) is [var oblast, ..] ? $"/oblast/{oblast}"
            : "/";
    }

    /// <summary>
    /// Where a signed-in person goes from the sign-in page: to choose a password if they must, else back
    /// where they were sent from (a local page outside /account), else their role's start page.
    /// </summary>
    public static string AfterSignIn(string? returnUrl, ClaimsPrincipal user, bool mustChangePassword) =>
        mustChangePassword ? MustChangePasswordMiddleware.ChangePasswordPath
            : Local(returnUrl) is { } back && !back.StartsWith("/account", StringComparison.OrdinalIgnoreCase) ? back
            : For(user);

    /// <summary>Where to go back to: <see cref="Local"/>, or the site's start page.</summary>
    public static string LocalPath(string? returnUrl) => Local(returnUrl) ?? "/";

    /// <summary>
    /// A path of this site, or null. ASP.NET Core's own rule decides what is local (it refuses "//host",
    /// "/\\host", "https:…" and control characters, so a crafted link cannot send people elsewhere or fail);
    /// "~/" is refused too, as the Blazor navigation that also uses this cannot follow it. Characters outside
    /// ASCII are percent-encoded, as a Location header needs.
    /// </summary>
    public static string? Local(string? returnUrl)
    {
        if (!RedirectHttpResult.IsLocalUrl(returnUrl) || returnUrl[0] != '/')
        {
            return null;
        }

        var path = new System.Text.StringBuilder(returnUrl.Length);
        foreach (var rune in returnUrl.EnumerateRunes())
        {
            path.Append(rune.Value is > ' ' and < 0x7F ? rune.ToString() : Uri.EscapeDataString(rune.ToString()));
        }

        return path.ToString();
    }
}
