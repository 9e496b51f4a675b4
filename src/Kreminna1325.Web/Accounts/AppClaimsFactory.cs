using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kreminna1325.Web.Accounts;

/// <summary>
/// Puts the person's name, the "must change password" mark and their grants in every community into the sign-in
/// cookie; which community's roles count is decided per request (<see cref="Communities.CommunityRoles"/>).
/// </summary>
public sealed class AppClaimsFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string FullNameClaim = "full_name";
    public const string MustChangePasswordClaim = "must_change_password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(FullNameClaim, user.FullName));
        var grants = await db.CommunityGrants.AsNoTracking().Where(g => g.UserId == user.Id)
            .Select(g => new { g.Role, g.CommunityId, g.OblastCode }).ToListAsync();
        foreach (var grant in grants)
        {
            var scope = grant.OblastCode ?? grant.CommunityId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
            identity.AddClaim(new Claim(CommunityClaims.Grant, CommunityClaims.GrantValue(grant.Role, scope)));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        }

        return identity;
    }
}
