using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Plans.Editing;

public sealed record DirectionRow(int Id, string Number, string Title, int Order, int Measures, uint Version);

/// <summary>A plan's directions: titles, order (their Roman numbers follow it), adding, and deleting empty ones.</summary>
public sealed class DirectionEditor(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int TitleMaxLength = 1000;

    public async Task<IReadOnlyList<DirectionRow>> ListAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Directions.AsNoTracking().Where(d => d.PlanId == planId).OrderBy(d => d.Order)
            .Select(d => new DirectionRow(d.Id, d.Number, d.Title, d.Order, d.Measures.Count, d.Version))
            .ToListAsync(ct);
    }

    public async Task<EditResult<DirectionRow>> RenameAsync(ClaimsPrincipal user, int id, string title, uint version, CancellationToken ct = default)
    {
        Permissions.DemandEditPlan(user);
        if (Invalid(title) is { } error)
        {
            return new(EditOutcome.Invalid, new Dictionary<string, string[]> { ["Title"] = [error] });
        }

        await using var db = await dbFactory.CreateForAsync(user, ct);
        var direction = await db.Directions.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (direction is null)
        {
            return EditResult<DirectionRow>.Fail(EditOutcome.NotFound, Messages.Get("Direction.NotFound"));
        }

        db.Entry(direction).Property(d => d.Version).OriginalValue = version;
        direction.Title = title.Trim();
        return await SaveAsync(db, direction.PlanId, id, ct);
    }

    public async Task<EditResult<DirectionRow>> AddAsync(ClaimsPrincipal user, int planId, string title, CancellationToken ct = default)
    {
        Permissions.DemandEditPlan(user);
        if (Invalid(title) is { } error)
        {
            return new(EditOutcome.Invalid, new Dictionary<string, string[]> { ["Title"] = [error] });
        }

        await using var db = await dbFactory.CreateForAsync(user, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Plans.AnyAsync(p => p.Id == planId, ct))
        {
            return EditResult<DirectionRow>.Fail(EditOutcome.NotFound, Messages.Get("Plan.NotFound"));
        }

        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM plans WHERE id = {planId} FOR UPDATE", ct);
        var order = (await db.Directions.Where(d => d.PlanId == planId).MaxAsync(d => (int?)d.Order, ct) ?? 0) + 1;
        var direction = new Direction { PlanId = planId, Order = order, Number = Roman.Of(order), Title = title.Trim() };
        db.Directions.Add(direction);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return EditResult<DirectionRow>.Ok((await ListAsync(planId, ct)).Single(d => d.Id == direction.Id));
    }

    /// <summary>Moves a direction one place up (-1) or down (+1); every direction's number follows its new place.</summary>
    public async Task<EditResult<DirectionRow>> MoveAsync(ClaimsPrincipal user, int id, int step, uint version, CancellationToken ct = default)
    {
        Permissions.DemandEditPlan(user);
        await using var db = await dbFactory.CreateForAsync(user, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var direction = await db.Directions.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (direction is null)
        {
            return EditResult<DirectionRow>.Fail(EditOutcome.NotFound, Messages.Get("Direction.NotFound"));
        }

        if (direction.Version != version)
        {
            return EditResult<DirectionRow>.Fail(EditOutcome.Conflict, Messages.Get("Direction.Conflict"));
        }

        var all = await db.Directions.Where(d => d.PlanId == direction.PlanId).OrderBy(d => d.Order).ToListAsync(ct);
        var index = all.IndexOf(all.Single(d => d.Id == id));
        var target = index + Math.Sign(step);
        if (target >= 0 && target < all.Count)
        {
            (all[index], all[target]) = (all[target], all[index]);
            Renumber(all);
        }

        return await SaveAsync(db, direction.PlanId, id, ct, tx);
    }

    /// <summary>Only an empty direction can go; its measures must be moved or deleted first.</summary>
    public async Task<EditResult<DirectionRow>> DeleteAsync(ClaimsPrincipal user, int id, uint version, CancellationToken ct = default)
    {
        Permissions.DemandEditPlan(user);
        await using var db = await dbFactory.CreateForAsync(user, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var direction = await db.Directions.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (direction is null)
        {
            return EditResult<DirectionRow>.Fail(EditOutcome.NotFound, Messages.Get("Direction.NotFound"));
        }

        var measures = await db.Measures.CountAsync(m => m.DirectionId == id, ct);
        if (measures > 0)
        {
            return EditResult<DirectionRow>.Fail(EditOutcome.Invalid, Messages.Get("Direction.HasMeasures", $"{direction.Number}. {direction.Title}", measures));
        }

        db.Entry(direction).Property(d => d.Version).OriginalValue = version;
        db.Directions.Remove(direction);
        Renumber(await db.Directions.Where(d => d.PlanId == direction.PlanId && d.Id != id).OrderBy(d => d.Order).ToListAsync(ct));

        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return EditResult<DirectionRow>.Ok(new DirectionRow(id, direction.Number, direction.Title, direction.Order, 0, 0));
        }
        catch (DbUpdateConcurrencyException)
        {
            return EditResult<DirectionRow>.Fail(EditOutcome.Conflict, Messages.Get("Direction.Conflict"));
        }
    }

    private async Task<EditResult<DirectionRow>> SaveAsync(
        AppDbContext db, int planId, int id, CancellationToken ct, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? tx = null)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            if (tx is not null)
            {
                await tx.CommitAsync(ct);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            return EditResult<DirectionRow>.Fail(EditOutcome.Conflict, Messages.Get("Direction.Conflict"));
        }

        return EditResult<DirectionRow>.Ok((await ListAsync(planId, ct)).Single(d => d.Id == id));
    }

    /// <summary>Directions in their new order get orders 1..n and the Roman numbers that go with them.</summary>
    private static void Renumber(List<Direction> inOrder)
    {
        for (var i = 0; i < inOrder.Count; i++)
        {
            inOrder[i].Order = i + 1;
            inOrder[i].Number = Roman.Of(i + 1);
        }
    }

    private static string? Invalid(string? title) =>
        string.IsNullOrWhiteSpace(title) ? Messages.Get("Direction.TitleRequired") : Validation.TypedTextRules.Problem(title.Trim(), TitleMaxLength);
}

public static class Roman
{
    private static readonly (int Value, string Numeral)[] Numerals =
    [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ];

    public static string Of(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        var result = new System.Text.StringBuilder();
        foreach (var (value, numeral) in Numerals)
        {
            while (number >= value)
            {
                result.Append(numeral);
                number -= value;
            }
        }

        return result.ToString();
    }
}
