using System.Security.Claims;
using FluentValidation;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Plans.Editing;

public sealed class PlanForm
{
    public int Id { get; set; }
    public string Municipality { get; set; } = "";
    public string? Region { get; set; }
    public string Title { get; set; } = "";
    public int StartYear { get; set; }
    public int EndYear { get; set; }
    public ReportingCadence ReportingCadence { get; set; } = ReportingCadence.Quarterly;
    public int GraceDays { get; set; } = Plan.DefaultGraceDays;
    public uint Version { get; set; }
}

public sealed class PlanFormValidator : AbstractValidator<PlanForm>
{
    public const int MaxYears = 10;

    public PlanFormValidator()
    {
        RuleFor(p => p.Municipality)
            .Must(m => !string.IsNullOrWhiteSpace(m)).WithMessage(_ => Messages.Get("Plan.MunicipalityRequired"))
            .TypedText(Plan.MunicipalityMaxLength);
        RuleFor(p => p.Region).TypedText(Plan.MunicipalityMaxLength);
        RuleFor(p => p.Title)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => Messages.Get("Plan.TitleRequired"))
            .TypedText(Plan.TitleMaxLength);
        RuleFor(p => p.EndYear)
            .Must((p, end) => p.StartYear is >= 2000 and <= 2100 && end is >= 2000 and <= 2100 && end >= p.StartYear && end - p.StartYear < MaxYears)
            .WithMessage(_ => Messages.Get("Plan.YearsInvalid"));
        RuleFor(p => p.ReportingCadence).IsInEnum().WithMessage(p => Messages.Get("Value.Unknown", p.ReportingCadence));
        RuleFor(p => p.GraceDays).InclusiveBetween(0, 90).WithMessage(_ => Messages.Get("Plan.GraceDaysInvalid"));
    }
}

/// <summary>A plan's details, and a new plan made from an existing one so a community can roll its plan forward.</summary>
public sealed class PlanEditor(IDbContextFactory<AppDbContext> dbFactory, IValidator<PlanForm> validator)
{
    public async Task<PlanForm?> LoadAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Plans.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new PlanForm
            {
                Id = p.Id, Municipality = p.Municipality, Region = p.Region, Title = p.Title, StartYear = p.StartYear,
                EndYear = p.EndYear, ReportingCadence = p.ReportingCadence, GraceDays = p.GraceDays, Version = p.Version,
            })
            .SingleOrDefaultAsync(ct);
    }

    public async Task<EditResult<PlanForm>> SaveAsync(ClaimsPrincipal user, PlanForm form, CancellationToken ct = default)
    {
        Permissions.DemandEditPlan(user);
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            return EditResult<PlanForm>.Invalid(validation);
        }

        await using var db = await dbFactory.CreateForAsync(user, ct);
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == form.Id, ct);
        if (plan is null)
        {
            return EditResult<PlanForm>.Fail(EditOutcome.NotFound, Messages.Get("Plan.NotFound"));
        }

        // Shortening the period must not orphan planned money.
        var outside = await db.FundingLines
            .Where(f => f.Measure.Direction.PlanId == form.Id && (f.Year < form.StartYear || f.Year > form.EndYear))
            .Select(f => (int?)f.Year).MinAsync(ct);
        if (outside is { } year)
        {
            return new(EditOutcome.Invalid, new Dictionary<string, string[]> { [nameof(PlanForm.StartYear)] = [Messages.Get("Plan.LinesOutsideYears", year)] });
        }

        db.Entry(plan).Property(p => p.Version).OriginalValue = form.Version;
        plan.Municipality = form.Municipality.Trim();
        plan.Region = string.IsNullOrWhiteSpace(form.Region) ? null : form.Region.Trim();
        plan.Title = form.Title.Trim();
        plan.StartYear = form.StartYear;
        plan.EndYear = form.EndYear;
        plan.ReportingCadence = form.ReportingCadence;
        plan.GraceDays = form.GraceDays;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await Monitoring.PeriodSync.SyncPlanAsync(db, plan.Id, ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return EditResult<PlanForm>.Fail(EditOutcome.Conflict, Messages.Get("Plan.Conflict"), await LoadAsync(form.Id, ct));
        }

        return EditResult<PlanForm>.Ok((await LoadAsync(form.Id, ct))!);
    }

    /// <summary>
    /// The details a copy starts from: the source's municipality, oblast, reporting cadence and grace days,
    /// for the same number of years right after it, and a title still to write. Null if there is no such plan.
    /// </summary>
    public async Task<PlanForm?> CopyFormAsync(int sourcePlanId, CancellationToken ct = default)
    {
        if (await LoadAsync(sourcePlanId, ct) is not { } source)
        {
            return null;
        }

        var span = source.EndYear - source.StartYear + 1;
        return new PlanForm
        {
            Municipality = source.Municipality, Region = source.Region, Title = "",
            StartYear = source.EndYear + 1, EndYear = source.EndYear + span,
            ReportingCadence = source.ReportingCadence, GraceDays = source.GraceDays,
        };
    }

    /// <summary>
    /// A new plan with the source's directions, measures, responsible bodies and indicators; funding
    /// lines are left empty for the new years and the old document's printed totals stay behind.
    /// </summary>
    public async Task<EditResult<PlanForm>> CopyAsync(ClaimsPrincipal user, int sourcePlanId, PlanForm details, CancellationToken ct = default)
    {
        Permissions.DemandEditPlan(user);
        var validation = await validator.ValidateAsync(details, ct);
        if (!validation.IsValid)
        {
            return EditResult<PlanForm>.Invalid(validation);
        }

        await using var db = await dbFactory.CreateForAsync(user, ct);
        var source = await db.Plans.AsNoTracking()
            .Include(p => p.Directions).ThenInclude(d => d.Measures).ThenInclude(m => m.ResponsibleBodies)
            .Include(p => p.Directions).ThenInclude(d => d.Measures).ThenInclude(m => m.Indicators)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == sourcePlanId, ct);
        if (source is null)
        {
            return EditResult<PlanForm>.Fail(EditOutcome.NotFound, Messages.Get("Plan.NotFound"));
        }

        var municipality = details.Municipality.Trim();
        var title = details.Title.Trim();
        if (await db.Plans.AnyAsync(p => p.CommunityId == source.CommunityId && p.Municipality == municipality && p.Title == title, ct))
        {
            return new(EditOutcome.Invalid, new Dictionary<string, string[]> { [nameof(PlanForm.Title)] = [Messages.Get("Plan.DuplicateTitle", title)] });
        }

        var copy = new Plan
        {
            CommunityId = source.CommunityId,
            Municipality = municipality,
            Region = string.IsNullOrWhiteSpace(details.Region) ? null : details.Region.Trim(),
            Title = title,
            StartYear = details.StartYear,
            EndYear = details.EndYear,
            ReportingCadence = details.ReportingCadence,
            GraceDays = details.GraceDays,
            Directions = source.Directions.OrderBy(d => d.Order).Select(d => new Direction
            {
                Number = d.Number,
                Title = d.Title,
                Order = d.Order,
                Measures = d.Measures.OrderBy(m => m.Number).Select(m => new Measure
                {
                    Number = m.Number,
                    Content = m.Content,
                    Term = new Term { Text = m.Term.Text, Kind = m.Term.Kind, Quarter = m.Term.Quarter, FirstMonth = m.Term.FirstMonth, LastMonth = m.Term.LastMonth },
                    FundingNote = m.FundingNote,
                    ResponsibleBodies = m.ResponsibleBodies.Select(r => new MeasureResponsibleBody
                    {
                        ResponsibleBodyId = r.ResponsibleBodyId, Position = r.Position, ByAgreement = r.ByAgreement,
                    }).ToList(),
                    Indicators = m.Indicators.Select(i => new Indicator
                    {
                        Text = i.Text, Position = i.Position, Kind = i.Kind, Disaggregations = [.. i.Disaggregations],
                    }).ToList(),
                }).ToList(),
            }).ToList(),
        };
        db.Plans.Add(copy);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await Monitoring.PeriodSync.SyncPlanAsync(db, copy.Id, ct);
        await tx.CommitAsync(ct);
        return EditResult<PlanForm>.Ok((await LoadAsync(copy.Id, ct))!);
    }
}
