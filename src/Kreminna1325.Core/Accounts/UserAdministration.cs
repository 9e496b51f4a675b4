using System.Security.Claims;
using System.Security.Cryptography;
using FluentValidation;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Core.Accounts;

public sealed record UserRow(
    string Id, string Email, string FullName, string? Position, IReadOnlyList<string> Roles,
    IReadOnlyList<(int Id, string Name)> Bodies, bool IsActive, bool IsLockedOut, bool MustChangePassword);

/// <summary>The outcome of a write: done, or refused with messages for the person.</summary>
public sealed record AdminResult(bool Succeeded, IReadOnlyList<string> Errors, string? OneTimePassword = null)
{
    public static AdminResult Ok(string? oneTimePassword = null) => new(true, [], oneTimePassword);

    public static AdminResult Fail(IEnumerable<string> errors) => new(false, errors.ToList());
}

/// <summary>
/// Accounts for administrators, and the rules about them: only administrators manage accounts; nobody
/// resets, locks or deactivates their own account or takes their own administrator role away; a form
/// is valid by <see cref="UserFormValidator"/>. Every method checks the caller itself, runs in a scope
/// and a transaction of its own (a circuit lives long; a half-made account must never remain), and
/// is audited in the caller's name (<see cref="AccountScope"/>).
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, IValidator<UserForm> validator, TimeProvider clock)
{
    private const string PasswordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task<IReadOnlyList<UserRow>> ListAsync(ClaimsPrincipal caller)
    {
        var community = Demand(caller);
        await using var scope = AccountScope.Open(scopes, caller, out var db, out _);
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking()
            .Where(u => db.CommunityGrants.Any(g => g.UserId == u.Id && g.CommunityId == community))
            .OrderBy(u => u.FullName)
            .Select(u => new
            {
                u.Id, u.Email, u.FullName, u.Position, u.IsActive, u.LockoutEnd, u.MustChangePassword,
                Roles = db.CommunityGrants.Where(g => g.UserId == u.Id && g.CommunityId == community).Select(g => g.Role).ToList(),
                Bodies = u.ResponsibleBodies.Where(b => b.ResponsibleBody.CommunityId == community).Select(b => new { b.ResponsibleBodyId, b.ResponsibleBody.ShortName }).ToList(),
            })
            .ToListAsync();
        return users.Select(u => new UserRow(
            u.Id, u.Email ?? "", u.FullName, u.Position, u.Roles,
            u.Bodies.Select(b => (b.ResponsibleBodyId, b.ShortName)).ToList(),
            u.IsActive, u.LockoutEnd > now, u.MustChangePassword)).ToList();
    }

    public async Task<AdminResult> CreateAsync(ClaimsPrincipal caller, UserForm form)
    {
        var community = Demand(caller);
        if (await InvalidAsync(form) is { } invalid)
        {
            return invalid;
        }

        await using var scope = AccountScope.Open(scopes, caller, out var db, out var users);
        await using var tx = await db.Database.BeginTransactionAsync();
        var password = NewOneTimePassword();
        var user = new AppUser { EmailConfirmed = true, MustChangePassword = true, CreatedAt = clock.GetUtcNow() };
        if (await BodiesOfAsync(db, community, form) is not { } ours)
        {
            return AdminResult.Fail([Messages.Get("Measure.BodyUnknown")]);
        }

        Apply(form, user, ours);

        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return AdminResult.Fail(result.Errors.Select(e => e.Description));
        }

        db.CommunityGrants.AddRange(form.Roles.Select(role => new CommunityGrant { UserId = user.Id, Role = role, CommunityId = community }));
        await db.SaveChangesAsync();

        await tx.CommitAsync();
        return AdminResult.Ok(password);
    }

    public async Task<AdminResult> UpdateAsync(ClaimsPrincipal caller, UserForm form)
    {
        var community = Demand(caller);
        if (await InvalidAsync(form) is { } invalid)
        {
            return invalid;
        }

        await using var scope = AccountScope.Open(scopes, caller, out var db, out var users);
        await using var tx = await db.Database.BeginTransactionAsync();
        var user = await db.Users.Include(u => u.ResponsibleBodies)
            .SingleOrDefaultAsync(u => u.Id == form.Id && db.CommunityGrants.Any(g => g.UserId == u.Id && g.CommunityId == community));
        if (user is null)
        {
            return AdminResult.Fail([Messages.Get("User.NotFound")]);
        }

        if (user.Id == Permissions.UserId(caller) && !form.Roles.Contains(Roles.Administrator))
        {
            return AdminResult.Fail([Messages.Get("User.OwnAdminRole")]);
        }

        if (await BodiesOfAsync(db, community, form) is not { } ours)
        {
            return AdminResult.Fail([Messages.Get("Measure.BodyUnknown")]);
        }

        Apply(form, user, ours);

        var result = await users.UpdateAsync(user);
        if (result.Succeeded)
        {
            // The roles are this community's only: what the person holds elsewhere is another administrator's.
            var current = await db.CommunityGrants.Where(g => g.UserId == user.Id && g.CommunityId == community).ToListAsync();
            db.CommunityGrants.RemoveRange(current.Where(g => !form.Roles.Contains(g.Role)));
            db.CommunityGrants.AddRange(form.Roles.Where(role => current.All(g => g.Role != role))
                .Select(role => new CommunityGrant { UserId = user.Id, Role = role, CommunityId = community }));
            await db.SaveChangesAsync();
        }

        if (result.Succeeded)
        {
            // New roles or bodies take effect at once in open sessions, not at the next sign-in.
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded)
        {
            return AdminResult.Fail(result.Errors.Select(e => e.Description));
        }

        await tx.CommitAsync();
        return AdminResult.Ok();
    }

    /// <summary>A new one-time password, to be changed at the next sign-in; open sessions end.</summary>
    public Task<AdminResult> ResetPasswordAsync(ClaimsPrincipal caller, string userId) =>
        ChangeAsync(caller, userId, allowSelf: false, async (users, user) =>
        {
            var password = NewOneTimePassword();
            var result = await users.RemovePasswordAsync(user);
            if (result.Succeeded)
            {
                result = await users.AddPasswordAsync(user, password);
            }

            if (result.Succeeded)
            {
                user.MustChangePassword = true;
                result = await users.UpdateAsync(user);
            }

            return (result, password);
        });

    public Task<AdminResult> LockAsync(ClaimsPrincipal caller, string userId) =>
        ChangeAsync(caller, userId, allowSelf: false, async (users, user) =>
        {
            var result = await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            return (result.Succeeded ? await users.UpdateSecurityStampAsync(user) : result, null);
        });

    public Task<AdminResult> UnlockAsync(ClaimsPrincipal caller, string userId) =>
        ChangeAsync(caller, userId, allowSelf: false, async (users, user) =>
        {
            var result = await users.SetLockoutEndDateAsync(user, null);
            return (result.Succeeded ? await users.ResetAccessFailedCountAsync(user) : result, null);
        });

    public Task<AdminResult> SetActiveAsync(ClaimsPrincipal caller, string userId, bool active) =>
        ChangeAsync(caller, userId, allowSelf: false, async (users, user) =>
        {
            user.IsActive = active;
            var result = await users.UpdateAsync(user);
            return (result.Succeeded ? await users.UpdateSecurityStampAsync(user) : result, null);
        });

    private async Task<AdminResult> ChangeAsync(
        ClaimsPrincipal caller, string userId, bool allowSelf,
        Func<UserManager<AppUser>, AppUser, Task<(IdentityResult Result, string? Password)>> change)
    {
        var community = Demand(caller);
        if (!allowSelf && userId == Permissions.UserId(caller))
        {
            return AdminResult.Fail([Messages.Get("User.Self")]);
        }

        await using var scope = AccountScope.Open(scopes, caller, out var db, out var users);
        await using var tx = await db.Database.BeginTransactionAsync();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId
            && db.CommunityGrants.Any(g => g.UserId == u.Id && g.CommunityId == community));
        if (user is null)
        {
            return AdminResult.Fail([Messages.Get("User.NotFound")]);
        }

        var (result, password) = await change(users, user);
        if (!result.Succeeded)
        {
            return AdminResult.Fail(result.Errors.Select(e => e.Description));
        }

        await tx.CommitAsync();
        return AdminResult.Ok(password);
    }

    private async Task<AdminResult?> InvalidAsync(UserForm form)
    {
        var validation = await validator.ValidateAsync(form);
        return validation.IsValid ? null : AdminResult.Fail(validation.Errors.Select(e => e.ErrorMessage));
    }

    /// <summary>An administrator manages the accounts of the community they are working in, and only those.</summary>
    private static int Demand(ClaimsPrincipal caller)
    {
        Permissions.Demand(caller, Permissions.CanManageUsers, "Only administrators manage accounts.");
        return CommunityClaims.Demand(caller);
    }

    /// <summary>Sixteen characters from letters and digits that cannot be mistaken for one another.</summary>
    public static string NewOneTimePassword() =>
        new(Enumerable.Range(0, 16).Select(_ => PasswordAlphabet[RandomNumberGenerator.GetInt32(PasswordAlphabet.Length)]).ToArray());

    /// <summary>
    /// The community's bodies, when every body the form names is one of them (else null): an administrator scopes people
    /// to their own community's bodies, and leaves the person's bodies in other communities alone.
    /// </summary>
    private static async Task<HashSet<int>?> BodiesOfAsync(AppDbContext db, int community, UserForm form)
    {
        var ours = (await db.ResponsibleBodies.IgnoreQueryFilters().Where(b => b.CommunityId == community).Select(b => b.Id).ToListAsync()).ToHashSet();
        return form.ResponsibleBodyIds.IsSubsetOf(ours) ? ours : null;
    }

    /// <summary>What the form sets on an account, new or existing: trimmed names, the e-mail as the user name, the bodies it lists.</summary>
    private static void Apply(UserForm form, AppUser user, HashSet<int> communityBodies)
    {
        user.FullName = form.FullName.Trim();
        user.Position = string.IsNullOrWhiteSpace(form.Position) ? null : form.Position.Trim();
        user.Email = form.Email.Trim();
        user.UserName = form.Email.Trim();
        user.ResponsibleBodies.RemoveAll(b => communityBodies.Contains(b.ResponsibleBodyId) && !form.ResponsibleBodyIds.Contains(b.ResponsibleBodyId));
        user.ResponsibleBodies.AddRange(form.ResponsibleBodyIds
            .Where(id => user.ResponsibleBodies.All(b => b.ResponsibleBodyId != id))
            .Select(id => new UserResponsibleBody { UserId = user.Id, ResponsibleBodyId = id }));
    }
}
