using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;

namespace Kreminna1325.Tests.Infrastructure;

public static class TestUsers
{
    /// <summary>The seeded community (the migration makes Kreminna the first), where the tests' people work.</summary>
    public const int Kreminna = 1;

    /// <summary>A person working in <paramref name="community"/> (Kreminna unless said) with one role there.</summary>
    public static ClaimsPrincipal InRole(string role, string id = "test-user", int community = Kreminna) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Role, role),
            new Claim(CommunityClaims.Community, community.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], "test"));

    public static readonly ClaimsPrincipal Staff = InRole(Roles.CouncilStaff, "staff");
    public static readonly ClaimsPrincipal Executive = InRole(Roles.Executive, "executive");
}
