using System.Security.Claims;
using System.Security.Cryptography;
using FluentValidation;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans.Editing;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Plans.Amendments;

/// <summary>
/// Records a council decision and applies what it changes in one audited transaction: the decision, its scanned
/// copy, the new amounts of the funding lines and the printed totals it states. The first amendment of a plan first
/// keeps the plan's amounts as adopted (<see cref="VersionAmount"/> with no amendment), so that version stays readable.
/// </summary>
public sealed class AmendmentRecorder(
    IDbContextFactory<AppDbContext> dbFactory, IValidator<AmendmentForm> validator, CommunityClock clock, TimeProvider time)
{
    /// <summary>Decisions are scanned as PDF or pictures; an office document is not a copy of a signed decision.</summary>
    private static readonly string[] ScanTypes = [EvidenceFormats.Pdf, EvidenceFormats.Jpeg, EvidenceFormats.Png];

    public sealed record ScanUpload(string FileName, Stream Content);

    public async Task<EditResult<AmendmentView>> RecordAsync(
        ClaimsPrincipal user, AmendmentForm form, ScanUpload? scanUpload = null, CancellationToken ct = default)
    {
        Permissions.DemandEditPlan(user);
        await using var db = await dbFactory.CreateForAsync(user, ct);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == form.PlanId)
            .Select(p => new { p.StartYear, p.EndYear }).SingleOrDefaultAsync(ct);
        if (plan is null)
        {
            return EditResult<AmendmentView>.Fail(EditOutcome.NotFound, Messages.Get("Plan.NotFound"));
        }

        form.PlanStartYear = plan.StartYear;
        form.PlanEndYear = plan.EndYear;
        form.Today = clock.Today;
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            return EditResult<AmendmentView>.Invalid(validation);
        }

        AmendmentScan? scan = null;
        if (scanUpload is not null)
        {
            var (read, problem) = await ReadScanAsync(scanUpload, ct);
            if (problem is not null)
            {
                return new(EditOutcome.Invalid, new Dictionary<string, string[]> { ["Scan"] = [problem] });
            }

            scan = read;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);

        // Amendments of one plan are recorded one after another: the order they are recorded in is the order
        // their amounts apply in, and the adopted amounts are kept exactly once.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM plans WHERE id = {form.PlanId} FOR UPDATE", ct);
        var number = form.Number.Trim();
        if (await db.PlanAmendments.AnyAsync(a => a.PlanId == form.PlanId && a.Number == number && a.DecidedOn == form.DecidedOn, ct))
        {
            return new(EditOutcome.Invalid, new Dictionary<string, string[]>
            {
                [nameof(AmendmentForm.Number)] = [Messages.Get("Amendment.Duplicate", number, form.DecidedOn!.Value.ToString("dd.MM.yyyy"))],
            });
        }

        if (await ForeignReferencesAsync(db, form, ct) is { } refused)
        {
            return new(EditOutcome.Invalid, refused);
        }

        if (!await db.PlanAmendments.AnyAsync(a => a.PlanId == form.PlanId, ct))
        {
            // A copy of rows that are already audited as funding lines, written by the database in one statement.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO version_amounts (plan_id, amendment_id, measure_id, direction_id, source, year, amount)
                SELECT d.plan_id, NULL, f.measure_id, m.direction_id, f.source, f.year, f.amount
                FROM funding_lines f JOIN measures m ON m.id = f.measure_id JOIN directions d ON d.id = m.direction_id
                WHERE d.plan_id = {form.PlanId}
                """, ct);
        }

        var amendment = new PlanAmendment
        {
            PlanId = form.PlanId,
            Number = number,
            DecidedOn = form.DecidedOn!.Value,
            Title = form.Title.Trim(),
            RecordedAt = time.GetUtcNow(),
            RecordedBy = Audit.Actor.Of(user).Name,
            Scan = scan,
        };
        db.PlanAmendments.Add(amendment);
        await ApplyLinesAsync(db, form, amendment, ct);
        foreach (var t in form.PrintedTotals)
        {
            amendment.PrintedTotals.Add(new PrintedTotal { PlanId = form.PlanId, DirectionId = t.DirectionId, Source = t.Source, Year = t.Year, Amount = t.Amount });
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            return EditResult<AmendmentView>.Fail(EditOutcome.Conflict, Messages.Get("Amendment.Conflict"));
        }

        return EditResult<AmendmentView>.Ok(new AmendmentView(amendment.Id, amendment.Number, amendment.DecidedOn, amendment.Title,
            scan is null ? null : new AmendmentScanView(scan.FileName, scan.ContentType, scan.Size)));
    }

    /// <summary>The scanned copy; public like the decision. Null when the amendment has none.</summary>
    public async Task<EvidenceFiles.StoredFile?> GetScanAsync(int planId, int amendmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreatePublicAsync(ct);
        return await db.AmendmentScans.AsNoTracking()
            .Where(s => s.AmendmentId == amendmentId && db.PlanAmendments.Any(a => a.Id == amendmentId && a.PlanId == planId))
            .Select(s => new EvidenceFiles.StoredFile(s.FileName, s.ContentType, s.Content, s.Sha256))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// Sets each line the decision changes, adding it where the measure had none, and keeps the new amount as the
    /// amendment's. The measure's row is written too, so an editor open on it meanwhile meets a conflict to merge
    /// instead of saving the old amount over the decision's.
    /// </summary>
    private static async Task ApplyLinesAsync(AppDbContext db, AmendmentForm form, PlanAmendment amendment, CancellationToken ct)
    {
        var ids = form.Lines.Select(l => l.MeasureId).Distinct().ToList();
        var measures = await db.Measures.Include(m => m.FundingLines).Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        foreach (var change in form.Lines)
        {
            var measure = measures[change.MeasureId];
            var line = measure.FundingLines.FirstOrDefault(l => l.Source == change.Source && l.Year == change.Year);
            if (line is null)
            {
                measure.FundingLines.Add(new FundingLine { Source = change.Source, Year = change.Year, Amount = change.Amount });
            }
            else
            {
                line.Amount = change.Amount;
            }

            db.Entry(measure).Property(m => m.Content).IsModified = true;
            amendment.Amounts.Add(new VersionAmount
            {
                PlanId = form.PlanId, MeasureId = measure.Id, DirectionId = measure.DirectionId,
                Source = change.Source, Year = change.Year, Amount = change.Amount,
            });
        }
    }

    /// <summary>Every measure and direction the decision names must be this plan's; checked inside the transaction.</summary>
    private static async Task<Dictionary<string, string[]>?> ForeignReferencesAsync(AppDbContext db, AmendmentForm form, CancellationToken ct)
    {
        var measureIds = form.Lines.Select(l => l.MeasureId).Distinct().ToList();
        var known = await db.Measures.Where(m => measureIds.Contains(m.Id) && m.Direction.PlanId == form.PlanId).CountAsync(ct);
        if (known != measureIds.Count)
        {
            return new() { [nameof(AmendmentForm.Lines)] = [Messages.Get("Amendment.UnknownMeasure")] };
        }

        var directionIds = form.PrintedTotals.Where(t => t.DirectionId is not null).Select(t => t.DirectionId!.Value).Distinct().ToList();
        var directions = await db.Directions.Where(d => directionIds.Contains(d.Id) && d.PlanId == form.PlanId).CountAsync(ct);
        return directions == directionIds.Count
            ? null
            : new() { [nameof(AmendmentForm.PrintedTotals)] = [Messages.Get("Amendment.UnknownDirection")] };
    }

    /// <summary>The evidence rules (size read, not declared; structure checked), narrowed to PDF and pictures.</summary>
    private static async Task<(AmendmentScan? Scan, string? Problem)> ReadScanAsync(ScanUpload upload, CancellationToken ct)
    {
        var name = EvidenceNames.Clean(upload.FileName);
        var bytes = await EvidenceFiles.ReadAtMostAsync(upload.Content, Evidence.MaxBytes + 1, ct);
        if (bytes.Length > Evidence.MaxBytes)
        {
            return (null, Messages.Get("Evidence.TooLarge", name));
        }

        if (bytes.Length == 0)
        {
            return (null, Messages.Get("Evidence.Empty", name));
        }

        if (EvidenceFormats.Inspect(bytes).ContentType is not { } type || !ScanTypes.Contains(type))
        {
            return (null, Messages.Get("Amendment.ScanType", name));
        }

        return (new AmendmentScan
        {
            FileName = EvidenceNames.Stored(name, type),
            ContentType = type,
            Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Content = bytes,
        }, null);
    }
}
