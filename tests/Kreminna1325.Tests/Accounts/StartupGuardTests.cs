using Kreminna1325.Core.Accounts;
using Kreminna1325.Tests.Infrastructure;
using Kreminna1325.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Tests.Accounts;

public class StartupGuardTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Create_admin_makes_the_first_administrator_from_standard_input()
    {
        await using var factory = new KreminnaWebFactory(database.ConnectionString, localMode: true,
            new Dictionary<string, string?> { ["Demo:Enabled"] = "false" });
        _ = factory.Server;
        var input = Console.In;
        try
        {
            Console.SetIn(new StringReader("a long admin pass phrase\n"));
            var exit = await Commands.CreateAdminAsync(factory.Services, ["--email", "first@kreminna.local", "--name", "Перша Адміністраторка"]);
            Assert.Equal(0, exit);
        }
        finally
        {
            Console.SetIn(input);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = await users.FindByEmailAsync("first@kreminna.local");
        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin, Roles.SystemAdministrator));

        // The install hosts one community (Kreminna, the built-in plan's): its administrator too.
        var db = scope.ServiceProvider.GetRequiredService<Kreminna1325.Core.Data.AppDbContext>();
        Assert.True(await db.CommunityGrants.AnyAsync(g => g.UserId == admin.Id && g.Role == Roles.Administrator && g.Community!.Slug == "kreminna"));
        Assert.True(await users.CheckPasswordAsync(admin, "a long admin pass phrase"));
        Assert.Null(await users.FindByEmailAsync("admin@kreminna.local"));
    }
}
