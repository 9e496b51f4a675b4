using System.Globalization;
using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Microsoft.AspNetCore.Authentication;

namespace Kreminna1325.Web.Communities;

/// <summary>
/// The one place that decides which community a signed-in person is working in and what they may do there: the
/// community chosen in the switcher (cookie) if the person may read it (<see cref="CommunityDirectory.MayReadAsync"/>),
/// else their first community. Their grants there become ordinary role claims, so every <see cref="Permissions"/> rule,
/// policy and AuthorizeView judges the current community only; a coordinator reading a community of their oblast gets
/// the coordinator's role alone.
/// </summary>
public sealed class CommunityRoles(IHttpContextAccessor http, CommunityDirectory directory) : IClaimsTransformation
{
    public const string CommunityCookie = "kreminna1325.community";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.HasClaim(c => c.Type == CommunityClaims.Community))
        {
            return principal;
        }

        var granted = CommunityClaims.GrantedCommunities(principal);
        var chosen = int.TryParse(http.HttpContext?.Request.Cookies[CommunityCookie], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id : (int?)null;
        var current = chosen is { } c && await directory.MayReadAsync(principal, c) ? c : granted.FirstOrDefault();

        return InCommunity(principal, current > 0 ? current : null);
    }

    /// <summary>The person as they act in one community (or in none): its grants as role claims, and the community.</summary>
    public static ClaimsPrincipal InCommunity(ClaimsPrincipal principal, int? community)
    {
        var identity = new ClaimsIdentity();
        if (community is { } current)
        {
            var scope = current.ToString(CultureInfo.InvariantCulture);
            identity.AddClaim(new Claim(CommunityClaims.Community, scope));
            foreach (var role in CommunityClaims.Grants(principal).Where(g => g.Scope == scope && Roles.All.Contains(g.Role)).Select(g => g.Role))
            {
                identity.AddClaim(new Claim(ClaimTypes.Role, role));
            }
        }

        // The coordinators' own pages (the roll-ups) need the role whichever community is current.
        if (CommunityClaims.CoordinatedOblasts(principal).Count > 0)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, Roles.OblastCoordinator));
        }

        var result = principal.Clone();
        result.AddIdentity(identity);
        return result;
    }
}
