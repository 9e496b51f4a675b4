using System.Security.Claims;
using FluentValidation;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Core.Communities;

public sealed record CommunityRow(int Id, string Code, string Name, string OblastName, string Slug, DateTimeOffset CreatedAt);

/// <summary>
/// The communities an instance hosts, for the system administrator: listed a page at a time, and created with their
/// first administrator in one transaction (never a community without an administrator, nor an administrator of
/// nothing). A new person gets a one-time password to change at first sign-in (as <see cref="UserAdministration"/>
/// gives); a person who already has an account (a consultant of another council) is granted the role instead.
/// </summary>
public sealed class CommunityAdministration(IServiceScopeFactory scopes, IValidator<CommunityForm> validator, TimeProvider clock)
{
    public const int PageSize = 25;

    public static bool CanManage(ClaimsPrincipal user) => user.IsInRole(Roles.SystemAdministrator);

    public async Task<(IReadOnlyList<CommunityRow> Rows, int Total)> ListAsync(ClaimsPrincipal caller, int page, CancellationToken ct = default)
    {
        Demand(caller);
        await using var scope = Scope(caller, out var db, out _);
        var total = await db.Communities.CountAsync(ct);
        var rows = await db.Communities.AsNoTracking()
            .OrderBy(c => EF.Functions.Collate(c.Name, AppDbContext.UkrainianCollation)).ThenBy(c => c.Id)
            .Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize)
            .Select(c => new CommunityRow(c.Id, c.Code, c.Name, c.OblastName, c.Slug, c.CreatedAt))
            .ToListAsync(ct);
        return (rows, total);
    }

    /// <summary>Creates the community and its administrator; the one-time password, when a new account was made.</summary>
    public async Task<AdminResult> CreateAsync(ClaimsPrincipal caller, CommunityForm form, CancellationToken ct = default)
    {
        Demand(caller);
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            return AdminResult.Fail(validation.Errors.Select(e => e.ErrorMessage));
        }

        var code = CommunityFormValidator.Normalize(form.Code);
        var slug = form.Slug.Trim();
        await using var scope = Scope(caller, out var db, out var users);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Communities.AnyAsync(c => c.Code == code, ct))
        {
            return AdminResult.Fail([Messages.Get("Community.CodeTaken")]);
        }

        if (await db.Communities.AnyAsync(c => c.Slug == slug, ct))
        {
            return AdminResult.Fail([Messages.Get("Community.SlugTaken")]);
        }

        var community = new Community
        {
            Code = code, Name = form.Name.Trim(), OblastCode = CommunityFormValidator.Normalize(form.OblastCode),
            OblastName = form.OblastName.Trim(), Slug = slug, CreatedAt = clock.GetUtcNow(),
        };
        db.Communities.Add(community);
        await db.SaveChangesAsync(ct);

        string? password = null;
        var email = form.AdminEmail.Trim();
        var user = await users.FindByEmailAsync(email);
        var isNew = user is null;
        user ??= new AppUser
        {
            Email = email, UserName = email, FullName = form.AdminName.Trim(),
            EmailConfirmed = true, MustChangePassword = true, CreatedAt = clock.GetUtcNow(),
        };

        // The grant is saved with a new account, so the audit files the account in the new community (AuditCommunity).
        db.CommunityGrants.Add(new CommunityGrant { UserId = user.Id, Role = Roles.Administrator, CommunityId = community.Id });
        if (isNew)
        {
            password = UserAdministration.NewOneTimePassword();
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return AdminResult.Fail(created.Errors.Select(e => e.Description));
            }
        }
        else
        {
            await db.SaveChangesAsync(ct);
        }

        // A person already signed in gets the new community at once, not at their next sign-in.
        var stamped = await users.UpdateSecurityStampAsync(user);
        if (!stamped.Succeeded)
        {
            return AdminResult.Fail(stamped.Errors.Select(e => e.Description));
        }

        await tx.CommitAsync(ct);
        return AdminResult.Ok(password);
    }

    private AsyncServiceScope Scope(ClaimsPrincipal caller, out AppDbContext db, out UserManager<AppUser> users)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ICurrentActor>().ActAs(caller);
        db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return scope;
    }

    private static void Demand(ClaimsPrincipal caller) =>
        Permissions.Demand(caller, CanManage, "Only the system administrator creates communities.");
}
