using Kreminna1325.Core.Accounts;

namespace Kreminna1325.Web.Components.Pages.Account;

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
            : "/";
    }

    /// <summary>Where to go back to: <see cref="Local"/>, or the site's start page.</summary>
    public static string LocalPath(string? returnUrl) => Local(returnUrl) ?? "/";

    /// <summary>
    /// A path of this site, or null: anything that could leave the site ("//host", "/\\host", "https:…")
    /// or could not stand in a Location header (control characters) is refused, so a crafted link cannot
    /// send people elsewhere or fail; other characters outside ASCII are percent-encoded, as a header needs.
    /// </summary>
    public static string? Local(string? returnUrl)
    {
        if (returnUrl is not { Length: > 0 } || returnUrl[0] != '/' || returnUrl.Contains('\\') || (returnUrl.Length > 1 && returnUrl[1] == '/')
            || returnUrl.Any(char.IsControl))
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
