using System.Security.Claims;
using FluentValidation;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Plans.Editing;

public sealed class BodyForm
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string ShortName { get; set; } = "";
    public BodyKind Kind { get; set; } = BodyKind.MunicipalInstitution;
    public List<string> Aliases { get; set; } = [];
    public uint Version { get; set; }
}

public sealed class BodyFormValidator : AbstractValidator<BodyForm>
{
    public const int MaxAliases = 50;

    public BodyFormValidator()
    {
        RuleFor(b => b.Name)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => Messages.Get("Body.NameRequired"))
            .TypedText(ResponsibleBody.NameMaxLength);
        RuleFor(b => b.ShortName)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => Messages.Get("Body.ShortNameRequired"))
            .TypedText(ResponsibleBody.ShortNameMaxLength);
        RuleFor(b => b.Kind).IsInEnum().WithMessage(b => Messages.Get("Value.Unknown", b.Kind));
        RuleFor(b => b.Aliases).Must(a => a.Count <= MaxAliases).WithMessage(b => Messages.Get("List.TooLong", MaxAliases, b.Aliases.Count));
        RuleForEach(b => b.Aliases).TypedText(ResponsibleBody.NameMaxLength).When(b => b.Aliases.Count <= MaxAliases);
    }
}

public sealed record BodyRow(int Id, string Name, string ShortName, BodyKind Kind, IReadOnlyList<string> Aliases, int Measures, int Users, uint Version);

/// <summary>The registry of responsible bodies: one canonical body per organisation, its other spellings kept as aliases.</summary>
public sealed class BodyRegistry(IDbContextFactory<AppDbContext> dbFactory, IValidator<BodyForm> validator)
{
    public async Task<IReadOnlyList<BodyRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ResponsibleBodies.AsNoTracking().OrderBy(b => b.Name)
            .Select(b => new BodyRow(b.Id, b.Name, b.ShortName, b.Kind, b.Aliases,
                db.MeasureResponsibleBodies.Count(r => r.ResponsibleBodyId == b.Id),
                db.UserResponsibleBodies.Count(u => u.ResponsibleBodyId == b.Id),
                b.Version))
            .ToListAsync(ct);
    }

    public async Task<EditResult<BodyForm>> SaveAsync(ClaimsPrincipal user, BodyForm form, CancellationToken ct = default)
    {
        Permissions.DemandEditPlan(user);
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            return EditResult<BodyForm>.Invalid(validation);
        }

        var communityId = Communities.CommunityClaims.Demand(user);
        await using var db = await dbFactory.CreateForAsync(user, ct);
        var name = form.Name.Trim();
        // A name is unique within the community: the context holds only the caller's community's bodies.
        if (await db.ResponsibleBodies.AnyAsync(b => b.Name == name && b.Id != form.Id, ct))
        {
            return new(EditOutcome.Invalid, new Dictionary<string, string[]> { [nameof(BodyForm.Name)] = [Messages.Get("Body.NameTaken", name)] });
        }

        ResponsibleBody? body;
        if (form.Id == 0)
        {
            body = new ResponsibleBody { CommunityId = communityId, Name = name, ShortName = "" };
            db.ResponsibleBodies.Add(body);
        }
        else
        {
            body = await db.ResponsibleBodies.SingleOrDefaultAsync(b => b.Id == form.Id, ct);
            if (body is null)
            {
                return EditResult<BodyForm>.Fail(EditOutcome.NotFound, Messages.Get("Body.NotFound"));
            }

            db.Entry(body).Property(b => b.Version).OriginalValue = form.Version;
        }

        body.Name = name;
        body.ShortName = form.ShortName.Trim();
        body.Kind = form.Kind;
        var aliases = form.Aliases.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct().ToList();
        if (!aliases.SequenceEqual(body.Aliases))
        {
            body.Aliases = aliases;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return EditResult<BodyForm>.Fail(EditOutcome.Conflict, Messages.Get("Body.Conflict"));
        }

        return EditResult<BodyForm>.Ok(ToForm(body));
    }

    /// <summary>A body still named by a measure or linked to a user cannot be deleted; merge it instead.</summary>
    public async Task<EditResult<BodyForm>> DeleteAsync(ClaimsPrincipal user, int id, CancellationToken ct = default)
    {
        Permissions.DemandEditPlan(user);
        await using var db = await dbFactory.CreateForAsync(user, ct);
        var body = await db.ResponsibleBodies.SingleOrDefaultAsync(b => b.Id == id, ct);
        if (body is null)
        {
            return EditResult<BodyForm>.Fail(EditOutcome.NotFound, Messages.Get("Body.NotFound"));
        }

        var measures = await db.MeasureResponsibleBodies.CountAsync(r => r.ResponsibleBodyId == id, ct);
        var users = await db.UserResponsibleBodies.CountAsync(u => u.ResponsibleBodyId == id, ct);
        if (measures + users > 0)
        {
            return EditResult<BodyForm>.Fail(EditOutcome.Invalid, Messages.Get("Body.InUse", body.Name, measures, users));
        }

        db.ResponsibleBodies.Remove(body);
        await db.SaveChangesAsync(ct);
        return EditResult<BodyForm>.Ok(ToForm(body));
    }

    /// <summary>
    /// Merges <paramref name="sourceId"/> into <paramref name="targetId"/>: every measure and user that
    /// named the source names the target (once), the source's names become the target's aliases, and
    /// the source is deleted. One transaction.
    /// </summary>
    public async Task<EditResult<BodyForm>> MergeAsync(ClaimsPrincipal user, int sourceId, int targetId, CancellationToken ct = default)
    {
        Permissions.DemandEditPlan(user);
        if (sourceId == targetId)
        {
            return EditResult<BodyForm>.Fail(EditOutcome.Invalid, Messages.Get("Body.MergeSame"));
        }

        await using var db = await dbFactory.CreateForAsync(user, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var source = await db.ResponsibleBodies.SingleOrDefaultAsync(b => b.Id == sourceId, ct);
        var target = await db.ResponsibleBodies.SingleOrDefaultAsync(b => b.Id == targetId, ct);
        if (source is null || target is null)
        {
            return EditResult<BodyForm>.Fail(EditOutcome.NotFound, Messages.Get("Body.NotFound"));
        }

        var links = await db.MeasureResponsibleBodies.Where(r => r.ResponsibleBodyId == sourceId).ToListAsync(ct);
        var measureIds = links.Select(l => l.MeasureId).ToList();
        var targetLinks = await db.MeasureResponsibleBodies
            .Where(r => r.ResponsibleBodyId == targetId && measureIds.Contains(r.MeasureId)).ToListAsync(ct);
        foreach (var link in links)
        {
            db.MeasureResponsibleBodies.Remove(link);
            var existing = targetLinks.FirstOrDefault(t => t.MeasureId == link.MeasureId);
            if (existing is null)
            {
                // The target takes the source's place in the list, with its "by agreement" mark.
                db.MeasureResponsibleBodies.Add(new MeasureResponsibleBody
                {
                    MeasureId = link.MeasureId, ResponsibleBodyId = targetId, Position = link.Position, ByAgreement = link.ByAgreement,
                });
            }
            else
            {
                existing.Position = Math.Min(existing.Position, link.Position);
            }
        }

        // Positions stay 1..n where a measure named both bodies.
        await db.SaveChangesAsync(ct);
        foreach (var measureId in targetLinks.Select(t => t.MeasureId))
        {
            var rows = await db.MeasureResponsibleBodies.Where(r => r.MeasureId == measureId).OrderBy(r => r.Position).ToListAsync(ct);
            for (var i = 0; i < rows.Count; i++)
            {
                rows[i].Position = i + 1;
            }
        }

        var userLinks = await db.UserResponsibleBodies.Where(u => u.ResponsibleBodyId == sourceId).ToListAsync(ct);
        var userIds = userLinks.Select(u => u.UserId).ToList();
        var usersWithTarget = await db.UserResponsibleBodies
            .Where(u => u.ResponsibleBodyId == targetId && userIds.Contains(u.UserId)).Select(u => u.UserId).ToListAsync(ct);
        foreach (var link in userLinks)
        {
            db.UserResponsibleBodies.Remove(link);
            if (!usersWithTarget.Contains(link.UserId))
            {
                db.UserResponsibleBodies.Add(new UserResponsibleBody { UserId = link.UserId, ResponsibleBodyId = targetId });
            }
        }

        target.Aliases = target.Aliases.Concat([source.Name, .. source.Aliases])
            .Where(a => a != target.Name).Distinct().ToList();
        db.ResponsibleBodies.Remove(source);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return EditResult<BodyForm>.Ok(ToForm(target));
    }

    private static BodyForm ToForm(ResponsibleBody b) =>
        new() { Id = b.Id, Name = b.Name, ShortName = b.ShortName, Kind = b.Kind, Aliases = [.. b.Aliases], Version = b.Version };
}
