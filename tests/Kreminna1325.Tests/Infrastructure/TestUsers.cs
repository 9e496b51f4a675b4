using System.Security.Claims;
using Kreminna1325.Core.Accounts;

namespace Kreminna1325.Tests.Infrastructure;

public static class TestUsers
{
    public static ClaimsPrincipal InRole(string role, string id = "test-user") =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Role, role)], "test"));

    public static readonly ClaimsPrincipal Staff = InRole(Roles.CouncilStaff, "staff");
    public static readonly ClaimsPrincipal Executive = InRole(Roles.Executive, "executive");
}
