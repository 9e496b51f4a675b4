using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Web.Accounts;

namespace Kreminna1325.Tests.Accounts;

/// <summary>Where each person lands after signing in, coordinators on the roll-up they read.</summary>
public class StartPagesTests
{
    private static ClaimsPrincipal With(params Claim[] claims) => new(new ClaimsIdentity(claims, "test"));

    private static Claim Grant(string role, string scope) => new(CommunityClaims.Grant, CommunityClaims.GrantValue(role, scope));

    [Fact]
    public void An_oblast_coordinator_lands_on_the_roll_up_of_their_oblast()
    {
        var user = With(Grant(Roles.OblastCoordinator, KnownCommunities.LuhanskOblastCode));
        Assert.Equal($"/oblast/{KnownCommunities.LuhanskOblastCode}", StartPages.For(user));
    }

    [Fact]
    public void A_national_coordinator_lands_on_the_national_roll_up_and_the_system_administrator_on_communities()
    {
        Assert.Equal("/national", StartPages.For(With(new Claim(ClaimTypes.Role, Roles.NationalCoordinator))));
        Assert.Equal("/admin/communities", StartPages.For(With(new Claim(ClaimTypes.Role, Roles.SystemAdministrator))));
    }

    [Fact]
    public void A_community_role_wins_over_coordination_and_a_person_without_roles_lands_on_the_public_start()
    {
        var both = With(Grant(Roles.OblastCoordinator, KnownCommunities.LuhanskOblastCode), Grant(Roles.Executive, "1"));
        Assert.Equal("/dashboard", StartPages.For(both));
        Assert.Equal("/", StartPages.For(With()));
    }

    [Fact]
    public void After_signing_in_a_local_return_address_wins_and_a_must_change_password_sends_to_change_it()
    {
        var user = With(Grant(Roles.OblastCoordinator, KnownCommunities.LuhanskOblastCode));
        Assert.Equal("/national", StartPages.AfterSignIn("/national", user, mustChangePassword: false));
        Assert.Equal($"/oblast/{KnownCommunities.LuhanskOblastCode}", StartPages.AfterSignIn("https://evil.example/", user, mustChangePassword: false));
        Assert.Equal(MustChangePasswordMiddleware.ChangePasswordPath, StartPages.AfterSignIn("/national", user, mustChangePassword: true));
    }
}
