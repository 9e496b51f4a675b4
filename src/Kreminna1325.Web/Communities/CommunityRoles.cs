using System.Globalization;
using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Web.Communities;

/// <summary>
/// The one place that decides which community a signed-in person is working in and what they may do there: the
/// community chosen in the switcher (cookie) if the person may read it, else their first community. Their grants
/// there become ordinary role claims, so every <see cref="Permissions"/> rule, policy and AuthorizeView judges the
/// current community only; a coordinator reading a community of their oblast gets the coordinator's role alone.
/// </summary>
public sealed class CommunityRoles(IHttpContextAccessor http, IDbContextFactory<AppDbContext> dbFactory) : IClaimsTransformation
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
        var current = chosen is { } c && await MayReadAsync(principal, granted, c) ? c : granted.FirstOrDefault();

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

    /// <summary>A community the person holds a role in, or one their coordinator role covers.</summary>
    private async Task<bool> MayReadAsync(ClaimsPrincipal principal, IReadOnlyList<int> granted, int community)
    {
        if (granted.Contains(community) || principal.IsInRole(Roles.NationalCoordinator))
        {
            return await ExistsAsync(community, null);
        }

        var oblasts = CommunityClaims.CoordinatedOblasts(principal);
        return oblasts.Count > 0 && await ExistsAsync(community, oblasts);
    }

    private async Task<bool> ExistsAsync(int community, IReadOnlyList<string>? oblasts)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Communities.AnyAsync(c => c.Id == community && (oblasts == null || oblasts.Contains(c.OblastCode)));
    }
}
