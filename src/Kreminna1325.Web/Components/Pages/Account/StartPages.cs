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

    /// <summary>Only paths inside the app are followed, so a crafted link cannot send people elsewhere.</summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
