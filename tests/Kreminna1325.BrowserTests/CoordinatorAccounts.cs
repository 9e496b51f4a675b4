using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.BrowserTests;

/// <summary>
/// The people who open the coordinators' and the system administrator's pages: the demo's oblast coordinator and system
/// administrator, and a national coordinator, whom the demo does not have (the tests add one, with the demo password).
/// </summary>
public static class CoordinatorAccounts
{
    public const string Oblast = "oblast@kreminna.local";
    public const string System = "system@kreminna.local";
    public const string National = "national@kreminna.test";

    public const string OblastPage = "/oblast/" + KnownCommunities.LuhanskOblastCode;

    /// <summary>Each account with the pages it opens (separated by spaces), for the theories that open every page of every role.</summary>
    public static TheoryData<string, string> Pages => new()
    {
        { Oblast, OblastPage + " /communities" },
        { National, "/national" },
        { System, "/admin/communities" },
    };

    public static async Task EnsureNationalAsync(IDbContextFactory<AppDbContext> dbFactory)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await db.Users.AnyAsync(u => u.Email == National))
        {
            return;
        }

        var user = new AppUser
        {
            UserName = National, NormalizedUserName = National.ToUpperInvariant(), Email = National, NormalizedEmail = National.ToUpperInvariant(),
            EmailConfirmed = true, FullName = "Національна Координаторка", CreatedAt = DateTimeOffset.UtcNow,
        };
        user.PasswordHash = new PasswordHasher<AppUser>().HashPassword(user, "Demo-Kreminna-1325");
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = Roles.NationalCoordinator });
        await db.SaveChangesAsync();
    }
}
