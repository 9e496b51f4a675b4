using System.Security.Claims;
using FluentValidation;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Notifications;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Editing;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Monitoring;

public sealed record PeriodInfo(int Id, int MeasureId, int Year, int Sequence, PeriodKind Kind, DateOnly Start, DateOnly End, DateOnly Due, bool IsOrphaned);

public sealed record EvidenceInfo(int Id, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt, string UploadedBy);

public sealed record ReportEventInfo(DateTimeOffset At, string UserName, ReportStatus From, ReportStatus To, string? Comment);

/// <summary>Everything the report page shows: the form, the period, the review's history and the evidence.</summary>
public sealed record ReportView(
    ReportForm Form, PeriodInfo Period, string MeasureLabel, string MeasureContent, string? ReviewComment,
    IReadOnlyList<ReportEventInfo> History, IReadOnlyList<EvidenceInfo> Evidence, bool IsDemo);

/// <summary>
/// The reporting workflow: Draft → Submitted (an official of a responsible body) → Approved, or
/// Returned with a comment (council staff); staff may reopen an approved report with a reason.
/// Every write is one transaction, conditioned on the version the person started from; the notifications a step
/// causes (<see cref="WorkflowNotices"/>) are written in it, so a step that fails tells nobody.
/// </summary>
public sealed class ReportService(
    IDbContextFactory<AppDbContext> dbFactory, IValidator<ReportForm> validator, MeasureAccess access, TimeProvider clock, ReportChanges changes,
    WorkflowNotices notices)
{
    /// <summary>The report page's content, for those who may read the measure's reports; null when there is no such period.</summary>
    public async Task<ReportView?> LoadAsync(ClaimsPrincipal user, int periodId, CancellationToken ct = default)
    {
        // Checked before anything of the report is read: the period says whose measure it is.
        MeasureAccess.DemandReadsSomeReports(user);
        await using (var db = await dbFactory.CreateForAsync(user, ct))
        {
            var measureId = await db.ReportingPeriods.Where(p => p.Id == periodId).Select(p => (int?)p.MeasureId).SingleOrDefaultAsync(ct);
            if (measureId is not { } measure)
            {
                return null;
            }

            await access.DemandReadReportsAsync(user, measure, ct);
        }

        return await LoadAsync(periodId, ct);
    }

    /// <summary>Unchecked: for the writes, whose callers have been checked already.</summary>
    private async Task<ReportView?> LoadAsync(int periodId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await db.ReportingPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null)
        {
            return null;
        }

        var measure = await db.Measures.AsNoTracking()
            .Where(m => m.Id == period.MeasureId)
            .Select(m => new { m.Id, Direction = m.Direction.Number, m.Number, m.Content })
            .SingleAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.MeasureId == measure.Id).OrderBy(i => i.Position).ToListAsync(ct);
        var planned = await db.FundingLines.AsNoTracking()
            .Where(f => f.MeasureId == measure.Id && f.Year == period.Year)
            .GroupBy(f => f.Source).Select(g => new { Source = g.Key, Amount = g.Sum(f => f.Amount) })
            .ToListAsync(ct);
        var report = await db.Reports.AsNoTracking()
            .Include(r => r.Values).ThenInclude(v => v.Breakdown)
            .Include(r => r.Spending)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.PeriodId == periodId, ct);

        var form = new ReportForm
        {
            ReportId = report?.Id ?? 0,
            PeriodId = period.Id,
            MeasureId = measure.Id,
            Status = report?.Status ?? ReportStatus.Draft,
            Implementation = report?.Implementation,
            NotDoneReason = report?.NotDoneReason,
            Narrative = report?.Narrative,
            Version = report?.Version ?? 0,
            Values = indicators.Select(i => ValueForm.Of(i, report?.Values.FirstOrDefault(v => v.IndicatorId == i.Id))).ToList(),
            Spending = Enum.GetValues<FundingSource>()
                .Where(s => planned.Any(p => p.Source == s) || report?.Spending.Any(x => x.Source == s) == true)
                .Select(s => new SpendingForm
                {
                    Source = s,
                    Planned = planned.FirstOrDefault(p => p.Source == s)?.Amount ?? 0m,
                    Amount = report?.Spending.FirstOrDefault(x => x.Source == s)?.Amount,
                }).ToList(),
        };

        var events = report is null ? [] : await db.ReportEvents.AsNoTracking().Where(e => e.ReportId == report.Id)
            .OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        var evidence = report is null ? [] : await db.Evidence.AsNoTracking().Where(e => e.ReportId == report.Id)
            .OrderBy(e => e.UploadedAt)
            .Select(e => new EvidenceInfo(e.Id, e.FileName, e.ContentType, e.Size, e.Sha256, e.UploadedAt, e.UploadedBy)).ToListAsync(ct);

        // People by name, not by the e-mail the records keep.
        var names = await PersonNames.LoadAsync(db, events.Select(e => e.UserName).Concat(evidence.Select(e => e.UploadedBy)), events.Select(e => e.UserId), ct);
        var history = events.Select(e => new ReportEventInfo(e.At, names.Of(e.UserName, e.UserId), e.From, e.To, e.Comment)).ToList();
        evidence = evidence.Select(e => e with { UploadedBy = names.Of(e.UploadedBy) }).ToList();

        return new ReportView(form, ToInfo(period), $"{measure.Direction}.{measure.Number}", measure.Content,
            report?.ReviewComment, history, evidence, report?.IsDemo ?? false);
    }

    /// <summary>Saves what the official has entered so far; the report stays a draft (or returned).</summary>
    public Task<EditResult<ReportForm>> SaveDraftAsync(ClaimsPrincipal user, ReportForm form, CancellationToken ct = default) =>
        WriteAsync(user, form, submit: false, ct);

    /// <summary>Saves and submits in one transaction: whole, or not at all.</summary>
    public Task<EditResult<ReportForm>> SubmitAsync(ClaimsPrincipal user, ReportForm form, CancellationToken ct = default) =>
        WriteAsync(user, form, submit: true, ct);

    public Task<EditResult<ReportForm>> ApproveAsync(ClaimsPrincipal user, int reportId, uint version, CancellationToken ct = default) =>
        ReviewAsync(user, reportId, version, (report, by, at) => report.Approve(by, at), ct);

    public Task<EditResult<ReportForm>> ReturnAsync(ClaimsPrincipal user, int reportId, uint version, string? comment, CancellationToken ct = default) =>
        ReportFormValidator.CommentProblem(comment, "Report.CommentRequired") is { } problem
            ? Task.FromResult(new EditResult<ReportForm>(EditOutcome.Invalid, new Dictionary<string, string[]> { ["Comment"] = [problem] }))
            : ReviewAsync(user, reportId, version, (report, by, at) => report.Return(by, at, comment!), ct);

    /// <summary>An approved report goes back to the body, with the reason, so it can be corrected and resubmitted.</summary>
    public Task<EditResult<ReportForm>> ReopenAsync(ClaimsPrincipal user, int reportId, uint version, string? reason, CancellationToken ct = default) =>
        ReportFormValidator.CommentProblem(reason, "Report.ReasonRequired") is { } problem
            ? Task.FromResult(new EditResult<ReportForm>(EditOutcome.Invalid, new Dictionary<string, string[]> { ["Comment"] = [problem] }))
            : ReviewAsync(user, reportId, version, (report, by, at) => report.Reopen(by, at, reason!), ct);

    private async Task<EditResult<ReportForm>> WriteAsync(ClaimsPrincipal user, ReportForm form, bool submit, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateForAsync(user, ct);
        var period = await db.ReportingPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == form.PeriodId, ct);
        if (period is null)
        {
            return EditResult<ReportForm>.Fail(EditOutcome.NotFound, Messages.Get("Report.NotFound"));
        }

        if (!await access.CanReportForMeasureAsync(user, period.MeasureId, ct))
        {
            throw new ForbiddenException("Only officials of the measure's responsible bodies report on it.");
        }

        if (submit && period.IsOrphaned)
        {
            return EditResult<ReportForm>.Fail(EditOutcome.Invalid, Messages.Get("Report.OrphanedPeriod"));
        }

        // The indicators are the measure's own, whatever the client sent.
        var indicators = await db.Indicators.Where(i => i.MeasureId == period.MeasureId).ToDictionaryAsync(i => i.Id, ct);
        form.MeasureId = period.MeasureId;
        form.Values = form.Values.Where(v => indicators.ContainsKey(v.IndicatorId)).ToList();
        foreach (var v in form.Values)
        {
            v.Kind = indicators[v.IndicatorId].Kind;
            v.Requested = [.. Breakdowns.Known(indicators[v.IndicatorId].Disaggregations)];
        }

        var validation = await validator.ValidateAsync(form, options =>
        {
            if (submit)
            {
                options.IncludeRuleSets(ReportFormValidator.Submit).IncludeRulesNotInRuleSet();
            }
        }, ct);
        if (!validation.IsValid)
        {
            return EditResult<ReportForm>.Invalid(validation);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var report = await db.Reports
            .Include(r => r.Values).ThenInclude(v => v.Breakdown)
            .Include(r => r.Spending)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.PeriodId == period.Id, ct);
        if (report is null)
        {
            if (form.ReportId != 0)
            {
                return await ConflictAsync(period.Id, ct);
            }

            report = new Report { PeriodId = period.Id, MeasureId = period.MeasureId };
            db.Reports.Add(report);
        }
        else
        {
            if (report.Version != form.Version || form.ReportId != report.Id)
            {
                return await ConflictAsync(period.Id, ct);
            }

            if (report.EditRefusal is { } refusal)
            {
                return EditResult<ReportForm>.Fail(EditOutcome.Invalid, refusal);
            }

            db.Entry(report).Property(r => r.Version).OriginalValue = form.Version;
            db.Entry(report).Property(r => r.Narrative).IsModified = true;
        }

        ReportApply.Apply(form, report);
        if (submit)
        {
            report.Submit(Actor.Of(user), clock.GetUtcNow());
            await notices.AddAsync(db, report, report.Events[^1], ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueIndexes.Violated<Report>(db, e, nameof(Report.PeriodId)))
        {
            // Someone else saved first (or created this period's report first): theirs is the one to merge with.
            await tx.RollbackAsync(ct);
            return await ConflictAsync(period.Id, ct);
        }

        changes.Raise(new ReportChange(period.MeasureId));
        return EditResult<ReportForm>.Ok((await LoadAsync(period.Id, ct))!.Form);
    }

    private async Task<EditResult<ReportForm>> ReviewAsync(
        ClaimsPrincipal user, int reportId, uint version, Action<Report, Actor, DateTimeOffset> transition, CancellationToken ct)
    {
        if (!Permissions.CanReview(user))
        {
            throw new ForbiddenException("Only council staff and administrators review reports.");
        }

        await using var db = await dbFactory.CreateForAsync(user, ct);
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return EditResult<ReportForm>.Fail(EditOutcome.NotFound, Messages.Get("Report.NotFound"));
        }

        if (report.Version != version)
        {
            return await ConflictAsync(report.PeriodId, ct);
        }

        try
        {
            transition(report, Actor.Of(user), clock.GetUtcNow());
        }
        catch (ReportTransitionRefused refused)
        {
            return EditResult<ReportForm>.Fail(EditOutcome.Invalid, refused.Message);
        }

        db.Entry(report).Property(r => r.Version).OriginalValue = version;
        await notices.AddAsync(db, report, report.Events[^1], ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(report.PeriodId, ct);
        }

        changes.Raise(new ReportChange(report.MeasureId));
        return EditResult<ReportForm>.Ok((await LoadAsync(report.PeriodId, ct))!.Form);
    }

    private async Task<EditResult<ReportForm>> ConflictAsync(int periodId, CancellationToken ct) =>
        EditResult<ReportForm>.Fail(EditOutcome.Conflict, Messages.Get("Report.Conflict"), (await LoadAsync(periodId, ct))?.Form);

    internal static PeriodInfo ToInfo(ReportingPeriod p) =>
        new(p.Id, p.MeasureId, p.Year, p.Sequence, p.Kind, p.Start, p.End, p.Due, p.IsOrphaned);
}
