using System.Security.Claims;
using FluentValidation;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Kreminna1325.Tests.Editing;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Tests.Accounts;

/// <summary>
/// Core's user administration with nothing of the web app around it: Identity over the database, the
/// audit's actor, the validator. The rules about accounts hold here, not only on the page.
/// </summary>
public sealed class UserAdministrationFixture : SeededDatabase
{
    public ServiceProvider Services { get; private set; } = null!;

    public ClaimsPrincipal Admin { get; private set; } = null!;

    public int BodyId { get; private set; }

    public UserAdministration Administration => Services.GetRequiredService<UserAdministration>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ICurrentActor, TestActor>();
        services.AddDbContext<AppDbContext>((sp, options) => options.UseKreminnaDatabase(ConnectionString)
            .AddInterceptors(new AuditInterceptor(sp.GetRequiredService<ICurrentActor>(), TimeProvider.System)));
        services.AddIdentityCore<AppUser>(AccountOptions.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>();
        services.AddSingleton<IValidator<UserForm>, UserFormValidator>();
        services.AddSingleton<UserAdministration>();
        Services = services.BuildServiceProvider();

        await using var scope = Services.CreateAsyncScope();
        BodyId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ResponsibleBodies.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = new AppUser { UserName = "root@kreminna.local", Email = "root@kreminna.local", FullName = "Адміністраторка" };
        Assert.True((await users.CreateAsync(admin)).Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.CommunityGrants.Add(new CommunityGrant { UserId = admin.Id, Role = Roles.Administrator, CommunityId = TestUsers.Kreminna });
        await db.SaveChangesAsync();
        Admin = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(ClaimTypes.Email, admin.Email), new Claim(ClaimTypes.Role, Roles.Administrator),
             new Claim(CommunityClaims.Community, "1")], "test"));
    }

    public override async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await base.DisposeAsync();
    }
}

public class UserAdministrationTests(UserAdministrationFixture f) : IClassFixture<UserAdministrationFixture>
{
    private UserForm Official(string email) => new()
    {
        Email = email, FullName = "Марія Тестова", Roles = [Roles.ResponsibleOfficial], ResponsibleBodyIds = [f.BodyId],
    };

    private async Task<int> CountUsersAsync()
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        return await db.Users.CountAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.CouncilStaff)]
    [InlineData(Roles.ResponsibleOfficial)]
    [InlineData(Roles.Executive)]
    public async Task Only_administrators_list_create_change_or_disable_accounts(string? role)
    {
        var caller = role is null ? new ClaimsPrincipal(new ClaimsIdentity()) : TestUsers.InRole(role);
        var target = Permissions.UserId(f.Admin)!;
        var before = await CountUsersAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => f.Administration.ListAsync(caller));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Administration.CreateAsync(caller, Official($"{role}@example.org")));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Administration.UpdateAsync(caller, new UserForm
        {
            Id = target, Email = "root@kreminna.local", FullName = "x", Roles = [Roles.Executive],
        }));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Administration.ResetPasswordAsync(caller, target));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Administration.LockAsync(caller, target));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Administration.UnlockAsync(caller, target));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Administration.SetActiveAsync(caller, target, false));
        Assert.Equal(before, await CountUsersAsync());
    }

    [Fact]
    public async Task An_administrator_creates_an_account_in_their_own_name_and_an_invalid_form_writes_nothing()
    {
        using var _ = new CultureScope("en");
        var before = await CountUsersAsync();
        var withoutBody = Official("nobody@example.org");
        withoutBody.ResponsibleBodyIds = [];

        var refused = await f.Administration.CreateAsync(f.Admin, withoutBody);
        var created = await f.Administration.CreateAsync(f.Admin, Official("somebody@example.org"));

        Assert.False(refused.Succeeded);
        Assert.Equal(["A responsible official needs at least one responsible body."], refused.Errors);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        Assert.Equal(16, created.OneTimePassword!.Length);
        Assert.Equal(before + 1, await CountUsersAsync());

        await using var db = await f.DbFactory.CreateDbContextAsync();
        var user = await db.Users.Include(u => u.ResponsibleBodies).SingleAsync(u => u.Email == "somebody@example.org");
        Assert.True(user.MustChangePassword);
        Assert.Equal([f.BodyId], user.ResponsibleBodies.Select(b => b.ResponsibleBodyId));
        var authors = await db.AuditEntries.Where(a => a.EntityKey.Contains(user.Id)).Select(a => a.UserName).Distinct().ToListAsync();
        Assert.Equal(["root@kreminna.local"], authors);
    }

    [Fact]
    public async Task Nobody_locks_deactivates_resets_or_demotes_themselves()
    {
        using var _ = new CultureScope("en");
        var self = Permissions.UserId(f.Admin)!;

        var results = new[]
        {
            await f.Administration.LockAsync(f.Admin, self),
            await f.Administration.SetActiveAsync(f.Admin, self, false),
            await f.Administration.ResetPasswordAsync(f.Admin, self),
        };
        var demoted = await f.Administration.UpdateAsync(f.Admin, new UserForm
        {
            Id = self, Email = "root@kreminna.local", FullName = "Адміністраторка", Roles = [Roles.Executive],
        });
        var missing = await f.Administration.LockAsync(f.Admin, "no-such-user");

        Assert.All(results, r => Assert.Equal(["This cannot be done to your own account."], r.Errors));
        Assert.Equal(["You cannot remove the administrator role from yourself."], demoted.Errors);
        Assert.Equal(["The user was not found."], missing.Errors);
        await using var scope = f.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = (await users.FindByIdAsync(self))!;
        Assert.True(admin.IsActive);
        Assert.False(await users.IsLockedOutAsync(admin));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.CommunityGrants.AnyAsync(g => g.UserId == self && g.Role == Roles.Administrator && g.CommunityId == TestUsers.Kreminna));
    }
}
