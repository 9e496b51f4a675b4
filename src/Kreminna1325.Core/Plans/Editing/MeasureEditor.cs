using System.Security.Claims;
using FluentValidation;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Plans.Editing;

/// <summary>
/// Creates, edits, moves and deletes measures. Every write is one transaction and is conditioned
/// on the version the person started from, so nobody's change is overwritten unseen. Checks the
/// caller itself: a hidden button is not a check.
/// </summary>
public sealed class MeasureEditor(IDbContextFactory<AppDbContext> dbFactory, IValidator<MeasureForm> validator)
{
    /// <summary>The direction a measure stands in; null when there is no such measure.</summary>
    public async Task<int?> DirectionOfAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await DirectionOf(db, id, ct);
    }

    public async Task<MeasureForm?> LoadAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var measure = await WithChildren(db.Measures.AsNoTracking()).AsSplitQuery().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (measure is null)
        {
            return null;
        }

        var plan = await db.Directions.Where(d => d.Id == measure.DirectionId).Select(d => new { d.Plan.StartYear, d.Plan.EndYear }).SingleAsync(ct);
        return ToForm(measure, plan.StartYear, plan.EndYear);
    }

    /// <summary>An empty form for a new measure in a direction; null when there is no such direction.</summary>
    public async Task<MeasureForm?> NewAsync(int directionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var direction = await db.Directions.Where(d => d.Id == directionId)
            .Select(d => new { d.Plan.StartYear, d.Plan.EndYear, Next = d.Measures.Max(m => (int?)m.Number) ?? 0 })
            .SingleOrDefaultAsync(ct);
        return direction is null
            ? null
            : new MeasureForm
            {
                DirectionId = directionId,
                Number = direction.Next + 1,
                Term = new TermForm { Text = "Постійно", Kind = TermKind.Ongoing },
                PlanStartYear = direction.StartYear,
                PlanEndYear = direction.EndYear,
            };
    }

    public async Task<EditResult<MeasureForm>> SaveAsync(ClaimsPrincipal user, MeasureForm form, CancellationToken ct = default)
    {
        Permissions.DemandEditPlan(user);
        await using var db = await dbFactory.CreateForAsync(user, ct);
        var plan = await db.Directions.Where(d => d.Id == form.DirectionId).Select(d => new { d.PlanId, d.Plan.StartYear, d.Plan.EndYear }).SingleOrDefaultAsync(ct);
        if (plan is null)
        {
            return EditResult<MeasureForm>.Fail(EditOutcome.NotFound, Messages.Get("Direction.NotFound"));
        }

        form.PlanStartYear = plan.StartYear;
        form.PlanEndYear = plan.EndYear;
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            return EditResult<MeasureForm>.Invalid(validation);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Measure? measure;
        if (form.Id == 0)
        {
            await MeasureNumbering.LockDirectionsAsync(db, [form.DirectionId], ct);
            measure = new Measure
            {
                DirectionId = form.DirectionId,
                Number = await MeasureNumbering.NextAsync(db, form.DirectionId, ct),
                Content = "",
                Term = form.Term.ToTerm(),
            };
            db.Measures.Add(measure);
        }
        else
        {
            measure = await WithChildren(db.Measures).AsSplitQuery().SingleOrDefaultAsync(m => m.Id == form.Id, ct);
            if (measure is null)
            {
                return EditResult<MeasureForm>.Fail(EditOutcome.NotFound, Messages.Get("Measure.NotFound"));
            }

            if (measure.Version != form.Version || measure.DirectionId != form.DirectionId)
            {
                return await ConflictAsync(form.Id, ct);
            }

            // The update is conditioned on the version the person started from, and the measure's
            // row is always written, so a change to its indicators or lines alone still moves its version.
            db.Entry(measure).Property(m => m.Version).OriginalValue = form.Version;
            db.Entry(measure).Property(m => m.Content).IsModified = true;
        }

        // After the version check and inside the transaction: a reference someone else removed meanwhile
        // is a conflict to merge, not the person's mistake.
        if (await MeasureReferences.CheckAsync(db, form, ct) is { } refused)
        {
            return new(EditOutcome.Invalid, refused);
        }

        var removed = measure.Indicators.Where(i => form.Indicators.All(f => f.Id != i.Id)).Select(i => i.Id).ToList();
        if (removed.Count > 0 && await db.IndicatorValues.AnyAsync(v => removed.Contains(v.IndicatorId), ct))
        {
            return new(EditOutcome.Invalid, new Dictionary<string, string[]> { [nameof(MeasureForm.Indicators)] = [Messages.Get("Indicator.HasValues")] });
        }

        MeasureApply.Apply(form, measure);
        try
        {
            await db.SaveChangesAsync(ct);

            // A new term may add or retire reporting periods; entered reports are never lost.
            await Monitoring.PeriodSync.SyncMeasuresAsync(db, [measure.Id], ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            return await ConflictAsync(form.Id, ct);
        }

        return EditResult<MeasureForm>.Ok((await LoadAsync(measure.Id, ct))!);
    }

    /// <summary>Deletes a measure; the measures after it in its direction close up their numbers.</summary>
    public async Task<EditResult<MeasureForm>> DeleteAsync(ClaimsPrincipal user, int id, uint version, CancellationToken ct = default)
    {
        Permissions.DemandEditPlan(user);
        await using var db = await dbFactory.CreateForAsync(user, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var directionId = await DirectionOf(db, id, ct);
        if (directionId is null)
        {
            return EditResult<MeasureForm>.Fail(EditOutcome.NotFound, Messages.Get("Measure.NotFound"));
        }

        await MeasureNumbering.LockDirectionsAsync(db, [directionId.Value], ct);

        // Children are loaded so their deletion is in the audit trail, not only the database's cascade.
        var measure = await WithChildren(db.Measures).AsSplitQuery().SingleAsync(m => m.Id == id, ct);
        if (measure.Version != version)
        {
            return await ConflictAsync(id, ct);
        }

        // Reports are the record of what was done: a measure that has any is not deleted.
        var reports = await db.Reports.CountAsync(r => r.MeasureId == id, ct);
        if (reports > 0)
        {
            return EditResult<MeasureForm>.Fail(EditOutcome.Invalid, Messages.Get("Measure.HasReports", reports));
        }

        // Its (empty) periods go with it; loaded so their removal is audited like the rest.
        var periods = await db.ReportingPeriods.Where(p => p.MeasureId == id).ToListAsync(ct);
        db.ReportingPeriods.RemoveRange(periods);
        db.Measures.Remove(measure);
        await MeasureNumbering.CloseUpAsync(db, measure.DirectionId, measure.Number, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return EditResult<MeasureForm>.Ok(ToForm(measure, 0, 0));
    }

    /// <summary>Moves a measure to the end of another direction of the same plan; both directions stay numbered 1..n.</summary>
    public async Task<EditResult<MeasureForm>> MoveAsync(ClaimsPrincipal user, int id, int targetDirectionId, uint version, CancellationToken ct = default)
    {
        Permissions.DemandEditPlan(user);
        await using var db = await dbFactory.CreateForAsync(user, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var place = await db.Measures.Where(m => m.Id == id).Select(m => new { m.DirectionId, m.Direction.PlanId }).SingleOrDefaultAsync(ct);
        var target = await db.Directions.Where(d => d.Id == targetDirectionId).Select(d => new { d.PlanId }).SingleOrDefaultAsync(ct);
        if (place is null)
        {
            return EditResult<MeasureForm>.Fail(EditOutcome.NotFound, Messages.Get("Measure.NotFound"));
        }

        if (target is null || target.PlanId != place.PlanId)
        {
            return EditResult<MeasureForm>.Fail(EditOutcome.NotFound, Messages.Get("Direction.NotFound"));
        }

        await MeasureNumbering.LockDirectionsAsync(db, [place.DirectionId, targetDirectionId], ct);
        var measure = await db.Measures.SingleAsync(m => m.Id == id, ct);
        if (measure.Version != version)
        {
            return await ConflictAsync(id, ct);
        }

        if (measure.DirectionId != targetDirectionId)
        {
            var oldNumber = measure.Number;
            measure.Number = await MeasureNumbering.NextAsync(db, targetDirectionId, ct);
            measure.DirectionId = targetDirectionId;
            await MeasureNumbering.CloseUpAsync(db, place.DirectionId, oldNumber, ct);
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        return EditResult<MeasureForm>.Ok((await LoadAsync(id, ct))!);
    }

    private async Task<EditResult<MeasureForm>> ConflictAsync(int id, CancellationToken ct)
    {
        var current = await LoadAsync(id, ct);
        return current is null
            ? EditResult<MeasureForm>.Fail(EditOutcome.NotFound, Messages.Get("Measure.NotFound"))
            : EditResult<MeasureForm>.Fail(EditOutcome.Conflict, Messages.Get("Measure.Conflict"), current);
    }

    private static IQueryable<Measure> WithChildren(IQueryable<Measure> measures) =>
        measures
            .Include(m => m.ResponsibleBodies).ThenInclude(r => r.ResponsibleBody)
            .Include(m => m.Indicators)
            .Include(m => m.FundingLines);

    private static MeasureForm ToForm(Measure m, int startYear, int endYear) => new()
    {
        Id = m.Id,
        DirectionId = m.DirectionId,
        Number = m.Number,
        Content = m.Content,
        Term = TermForm.From(m.Term),
        ResponsibleBodies = m.ResponsibleBodies.OrderBy(r => r.Position)
            .Select(r => new ResponsibleForm { BodyId = r.ResponsibleBodyId, Name = r.ResponsibleBody?.ShortName, ByAgreement = r.ByAgreement }).ToList(),
        Indicators = m.Indicators.OrderBy(i => i.Position)
            .Select(i => new IndicatorForm { Id = i.Id, Text = i.Text, Kind = i.Kind, Disaggregations = [.. i.Disaggregations] }).ToList(),
        FundingNote = m.FundingNote,
        FundingLines = m.FundingLines.OrderBy(f => f.Source).ThenBy(f => f.Year)
            .Select(f => new FundingLineForm { Source = f.Source, Year = f.Year, Amount = f.Amount }).ToList(),
        Version = m.Version,
        PlanStartYear = startYear,
        PlanEndYear = endYear,
    };

    private static Task<int?> DirectionOf(AppDbContext db, int id, CancellationToken ct) =>
        db.Measures.Where(m => m.Id == id).Select(m => (int?)m.DirectionId).SingleOrDefaultAsync(ct);
}
