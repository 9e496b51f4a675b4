using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Web.Accounts;

/// <summary>Roles, the local demo accounts and the first administrator of a production install.</summary>
public sealed class AccountSetup(
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    AppDbContext db,
    TimeProvider clock,
    ILogger<AccountSetup> logger)
{
    public const string DemoPassword = "Demo-Kreminna-1325";

    /// <summary>Every demo account with its role (<see cref="DemoCommunities"/>).</summary>
    public static IReadOnlyList<DemoAccount> DemoAccounts => DemoCommunities.Accounts;

    /// <summary>The instance-wide roles, kept as Identity roles; community roles are grants (<see cref="CommunityGrant"/>).</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in new[] { Roles.SystemAdministrator, Roles.NationalCoordinator })
        {
            if (await roles.FindByNameAsync(role) is null)
            {
                Check(await roles.CreateAsync(new IdentityRole(role) { Id = role }), $"role {role}");
            }
        }
    }

    /// <summary>
    /// The demo communities' people (each community's plans must be loaded first), the oblast coordinator of Luhansk
    /// oblast and the system administrator. An account that exists is left as it is, so every start may call this.
    /// </summary>
    public async Task EnsureDemoAccountsAsync()
    {
        foreach (var demo in DemoCommunities.All)
        {
            var community = await db.Communities.Where(c => c.Code == demo.Community.Code).Select(c => (int?)c.Id).SingleOrDefaultAsync();
            if (community is null)
            {
                logger.LogInformation("Demo community {Community} is not in the database: its demo accounts are not made", demo.Community.Name);
                continue;
            }

            // The body of this community: another community has a body of the same name.
            var body = await db.ResponsibleBodies.Where(b => b.CommunityId == community && b.Name == demo.OfficialBody)
                .Select(b => (int?)b.Id).SingleOrDefaultAsync();
            foreach (var account in demo.Accounts)
            {
                await EnsureDemoAccountAsync(account, user =>
                {
                    if (account.Role == Roles.ResponsibleOfficial && body is { } bodyId)
                    {
                        user.ResponsibleBodies.Add(new UserResponsibleBody { UserId = user.Id, ResponsibleBodyId = bodyId });
                    }

                    db.CommunityGrants.Add(new CommunityGrant { UserId = user.Id, Role = account.Role, CommunityId = community });
                });
            }
        }

        // An oblast's coordinator and the system administrator belong to no community: their accounts are filed in none.
        await EnsureDemoAccountAsync(DemoCommunities.OblastCoordinator, user =>
            db.CommunityGrants.Add(new CommunityGrant { UserId = user.Id, Role = Roles.OblastCoordinator, OblastCode = KnownCommunities.LuhanskOblastCode }));
        await EnsureDemoAccountAsync(DemoCommunities.SystemAdministrator, identityRole: Roles.SystemAdministrator);

        logger.LogWarning(
            "Demo accounts (local mode only), password {Password}: {Accounts}",
            DemoPassword, string.Join(", ", DemoAccounts.Select(a => $"{a.Email} ({a.Role})")));
    }

    /// <summary>
    /// Creates a demo account unless it exists; the account and its role are one change, never a user without a role.
    /// The grant is added before the account is saved, so both are one save and the audit files the account in the
    /// grant's community (AuditCommunity).
    /// </summary>
    private async Task EnsureDemoAccountAsync(DemoAccount account, Action<AppUser>? grant = null, string? identityRole = null)
    {
        if (await users.FindByEmailAsync(account.Email) is not null)
        {
            return;
        }

        var user = NewUser(account.Email, account.FullName, account.Position);
        await using var tx = await db.Database.BeginTransactionAsync();
        grant?.Invoke(user);
        Check(await users.CreateAsync(user, DemoPassword), account.Email);
        if (identityRole is not null)
        {
            Check(await users.AddToRoleAsync(user, identityRole), $"the role of {account.Email}");
        }

        await tx.CommitAsync();
    }

    /// <summary>
    /// The first administrator of an install, made by the create-admin command: the system administrator, who creates
    /// communities, and the administrator of the community when the install has exactly one (as Kreminna's has).
    /// </summary>
    public async Task<IdentityResult> CreateAdministratorAsync(string email, string fullName, string password)
    {
        await EnsureRolesAsync();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return IdentityResult.Failed(new IdentityError { Code = "DuplicateEmail", Description = $"A user {email} already exists." });
        }

        // The account and its role are one change: a failure leaves no administrator without the role.
        var user = NewUser(email, fullName, DemoAccounts[0].Position);
        await using var tx = await db.Database.BeginTransactionAsync();

        // Saved with the account, so the audit files the account in the community it administers (AuditCommunity).
        if (await db.Communities.Select(c => c.Id).ToListAsync() is [var only])
        {
            db.CommunityGrants.Add(new CommunityGrant { UserId = user.Id, Role = Roles.Administrator, CommunityId = only });
        }

        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, Roles.SystemAdministrator);
        }

        if (result.Succeeded)
        {
            await tx.CommitAsync();
        }
        else
        {
            // A refused password leaves the grant unsaved in this context: nothing later may save it.
            db.ChangeTracker.Clear();
        }

        return result;
    }

    private AppUser NewUser(string email, string fullName, string? position) => new()
    {
        UserName = email,
        Email = email,
        EmailConfirmed = true,
        FullName = fullName,
        Position = position,
        CreatedAt = clock.GetUtcNow(),
    };

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
