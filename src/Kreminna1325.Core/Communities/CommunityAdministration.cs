using System.Security.Claims;
using FluentValidation;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Core.Communities;

public sealed record CommunityRow(int Id, string Code, string Name, string OblastName, string Slug, DateTimeOffset CreatedAt);

/// <summary>
/// A creation's outcome: the messages by the form's field (the empty key for none in particular), so the page shows
/// each at its field; on success the name stored (the codifier's when none was typed) and the one-time password.
/// </summary>
public sealed record CommunityResult(IDictionary<string, string[]> Errors, string? Name = null, string? OneTimePassword = null)
{
    public bool Succeeded => Errors.Count == 0;

    public string? ErrorAt(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public static CommunityResult At(string field, IEnumerable<string> messages) => new(new Dictionary<string, string[]> { [field] = [.. messages] });

    public static CommunityResult Taken(string field) =>
        At(field, [Messages.Get(field == nameof(CommunityForm.Code) ? "Community.CodeTaken" : "Community.SlugTaken")]);
}

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

    public async Task<CommunityPage<CommunityRow>> ListAsync(ClaimsPrincipal caller, int page, CancellationToken ct = default)
    {
        Demand(caller);
        await using var scope = Scope(caller, out var db, out _);
        return await CommunityDirectory.PageAsync(
            db.Communities.AsNoTracking(), c => new CommunityRow(c.Id, c.Code, c.Name, c.OblastName, c.Slug, c.CreatedAt), page, PageSize, ct);
    }

    /// <summary>Creates the community and its administrator; the one-time password, when a new account was made.</summary>
    public async Task<CommunityResult> CreateAsync(ClaimsPrincipal caller, CommunityForm form, CancellationToken ct = default)
    {
        Demand(caller);
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            return new CommunityResult(validation.ToDictionary());
        }

        var unit = form.Unit!;
        var slug = form.Slug.Trim();
        await using var scope = Scope(caller, out var db, out var users);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Communities.AnyAsync(c => c.Code == unit.Code, ct))
        {
            return CommunityResult.Taken(nameof(CommunityForm.Code));
        }

        if (await db.Communities.AnyAsync(c => c.Slug == slug, ct))
        {
            return CommunityResult.Taken(nameof(CommunityForm.Slug));
        }

        var community = new Community
        {
            Code = unit.Code, Name = form.NameToStore, OblastCode = unit.OblastCode,
            OblastName = unit.OblastTitle, Slug = slug, CreatedAt = clock.GetUtcNow(),
        };
        db.Communities.Add(community);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (TakenField(db, e) is { } field)
        {
            // Someone created the same community between the check above and this insert: theirs stands.
            return CommunityResult.Taken(field);
        }

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
                return CommunityResult.At(nameof(CommunityForm.AdminEmail), created.Errors.Select(e => e.Description));
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
            return CommunityResult.At("", stamped.Errors.Select(e => e.Description));
        }

        await tx.CommitAsync(ct);
        return new CommunityResult(new Dictionary<string, string[]>(), community.Name, password);
    }

    private static string? TakenField(AppDbContext db, DbUpdateException e) =>
        UniqueIndexes.Violated<Community>(db, e, nameof(Community.Code)) ? nameof(CommunityForm.Code)
        : UniqueIndexes.Violated<Community>(db, e, nameof(Community.Slug)) ? nameof(CommunityForm.Slug)
        : null;

    private AsyncServiceScope Scope(ClaimsPrincipal caller, out AppDbContext db, out UserManager<AppUser> users)
    {
        var scope = AccountScope.Open(scopes, caller, out db, out users);

        // The instance's work, not one community's: the system administrator works in none, which would read no community's
        // rows and file the audit of a new community under none that exists.
        db.CommunityId = null;
        return scope;
    }

    private static void Demand(ClaimsPrincipal caller) =>
        Permissions.Demand(caller, CanManage, "Only the system administrator creates communities.");
}
