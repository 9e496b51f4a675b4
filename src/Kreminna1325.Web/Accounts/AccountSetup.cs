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

    /// <summary>The body the demo official reports for.</summary>
    public const string DemoOfficialBody = "Центр гендерної рівності";

    public static readonly IReadOnlyList<(string Email, string FullName, string Position, string Role)> DemoAccounts =
    [
        ("admin@kreminna.local", "Адміністраторка Демо", "Адміністратор системи", Roles.Administrator),
        ("staff@kreminna.local", "Оксана Демо", "Секретар координаційної ради", Roles.CouncilStaff),
        ("official@kreminna.local", "Ірина Демо", "Фахівчиня Центру гендерної рівності", Roles.ResponsibleOfficial),
        ("executive@kreminna.local", "Петро Демо", "Заступник міського голови", Roles.Executive),
    ];

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

    public async Task EnsureDemoAccountsAsync()
    {
        var kreminna = KnownCommunities.Kreminna().Code;
        // An install without Kreminna's plan has no Kreminna: the demo's people have nowhere to work.
        if (await db.Communities.Where(c => c.Code == kreminna).Select(c => (int?)c.Id).SingleOrDefaultAsync() is not { } community)
        {
            return;
        }

        var centre = await db.ResponsibleBodies.SingleOrDefaultAsync(b => b.CommunityId == community && b.Name == DemoOfficialBody);
        foreach (var (email, fullName, position, role) in DemoAccounts)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var user = NewUser(email, fullName, position);
            if (role == Roles.ResponsibleOfficial && centre is not null)
            {
                user.ResponsibleBodies.Add(new UserResponsibleBody { UserId = user.Id, ResponsibleBodyId = centre.Id });
            }

            // An account and its role are one change: never a demo user without a role.
            await using var tx = await db.Database.BeginTransactionAsync();
            Check(await users.CreateAsync(user, DemoPassword), email);
            db.CommunityGrants.Add(new CommunityGrant { UserId = user.Id, Role = role, CommunityId = community });
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }

        logger.LogWarning(
            "Demo accounts (local mode only), password {Password}: {Accounts}",
            DemoPassword, string.Join(", ", DemoAccounts.Select(a => $"{a.Email} ({a.Role})")));
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
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, Roles.SystemAdministrator);
        }

        if (result.Succeeded && await db.Communities.Select(c => c.Id).ToListAsync() is [var only])
        {
            db.CommunityGrants.Add(new CommunityGrant { UserId = user.Id, Role = Roles.Administrator, CommunityId = only });
            await db.SaveChangesAsync();
        }

        if (result.Succeeded)
        {
            await tx.CommitAsync();
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
