using Kreminna1325.Core.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kreminna1325.Web.Accounts;

/// <summary>Where each role lands after signing in.</summary>
public static class StartPages
{
    public static string For(IEnumerable<string> roles)
    {
        var set = roles.ToHashSet();
        return set.Contains(Roles.Administrator) ? "/admin/users"
            : set.Contains(Roles.CouncilStaff) ? "/measures"
            : set.Contains(Roles.ResponsibleOfficial) ? "/my-reports"
            : set.Contains(Roles.Executive) ? "/dashboard"
            : set.Contains(Roles.SystemAdministrator) ? "/admin/communities"
            : "/";
    }

    /// <summary>
    /// Where a signed-in person goes from the sign-in page: to choose a password if they must, else back
    /// where they were sent from (a local page outside /account), else their role's start page.
    /// </summary>
    public static string AfterSignIn(string? returnUrl, IEnumerable<string> roles, bool mustChangePassword) =>
        mustChangePassword ? MustChangePasswordMiddleware.ChangePasswordPath
            : Local(returnUrl) is { } back && !back.StartsWith("/account", StringComparison.OrdinalIgnoreCase) ? back
            : For(roles);

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
