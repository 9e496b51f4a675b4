using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Monitoring;

/// <summary>Where a period stands for the person who must report on it.</summary>
public enum ReportState
{
    NotStarted,
    Draft,
    Submitted,
    Returned,
    Approved,
}

public sealed record ReportRow(
    PeriodInfo Period, string Measure, string MeasureContent, ReportState State, bool Overdue, int? ReportId, string? ReviewComment,
    DateTimeOffset? SubmittedAt, string? SubmittedBy);

/// <summary>The dashboard's drill-downs: which reports stand behind a figure. States count among periods already due.</summary>
public enum ReportListState
{
    Due,
    Overdue,
    Returned,
    Submitted,
    Approved,
}

public sealed record ReportFilter(int PlanId, int? Year = null, int? DirectionId = null, int? BodyId = null, ReportListState? State = null);

public sealed record MyReportCounts(int Overdue, int Due, int Returned, int Draft)
{
    public int Total => Overdue + Due + Returned + Draft;

    /// <summary>The counts of a list already read, so a page that shows the list does not read it twice.</summary>
    public static MyReportCounts Of(IReadOnlyList<ReportRow> rows) => new(
        rows.Count(r => r.Overdue && r.State is ReportState.NotStarted or ReportState.Draft),
        rows.Count(r => !r.Overdue && r.State is ReportState.NotStarted),
        rows.Count(r => r.State == ReportState.Returned),
        rows.Count(r => !r.Overdue && r.State == ReportState.Draft));
}

/// <summary>The lists of the reporting workflow: an official's own reports, the review queue, a measure's periods.</summary>
public sealed class ReportQueries(IDbContextFactory<AppDbContext> dbFactory, MeasureAccess access, CommunityClock clock)
{
    private DateOnly Today => clock.Today;

    /// <summary>Periods of the person's bodies' measures that are due, overdue, returned or in draft, soonest due first.</summary>
    public async Task<IReadOnlyList<ReportRow>> MineAsync(ClaimsPrincipal user, int? planId = null, CancellationToken ct = default)
    {
        Permissions.Demand(user, Permissions.CanReport, "Only officials and administrators have reports of their own.");
        var measureIds = user.IsInRole(Roles.Administrator) ? null : (await access.MeasuresOfAsync(user, ct)).ToList();
        if (measureIds is { Count: 0 })
        {
            return [];
        }

        var today = Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var periods = db.ReportingPeriods.AsNoTracking().Where(p => !p.IsOrphaned);
        if (measureIds is not null)
        {
            periods = periods.Where(p => measureIds.Contains(p.MeasureId));
        }

        if (planId is { } plan)
        {
            periods = periods.Where(p => p.Measure.Direction.PlanId == plan);
        }

        var rows = await Project(periods.Where(p =>
                (p.End < today && (p.Report == null || p.Report.Status == ReportStatus.Draft || p.Report.Status == ReportStatus.Returned))
                || (p.Report != null && (p.Report.Status == ReportStatus.Draft || p.Report.Status == ReportStatus.Returned)))
            .OrderBy(p => p.Due).ThenBy(p => p.Measure.Direction.Order).ThenBy(p => p.Measure.Number), today)
            .ToListAsync(ct);
        return rows;
    }

    public async Task<MyReportCounts> CountsAsync(ClaimsPrincipal user, int? planId = null, CancellationToken ct = default) =>
        MyReportCounts.Of(await MineAsync(user, planId, ct));

    /// <summary>Submitted reports waiting for council staff, oldest first.</summary>
    public async Task<IReadOnlyList<ReportRow>> ReviewQueueAsync(ClaimsPrincipal user, int? planId = null, CancellationToken ct = default)
    {
        Permissions.Demand(user, Permissions.CanReview, "Only council staff and administrators review reports.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var periods = db.ReportingPeriods.AsNoTracking().Where(p => p.Report != null && p.Report.Status == ReportStatus.Submitted);
        if (planId is { } plan)
        {
            periods = periods.Where(p => p.Measure.Direction.PlanId == plan);
        }

        return await Project(periods.OrderBy(p => p.Report!.SubmittedAt), Today).ToListAsync(ct);
    }

    /// <summary>Periods behind a dashboard figure, with the same definitions the dashboard counts by.</summary>
    public async Task<IReadOnlyList<ReportRow>> FindAsync(ClaimsPrincipal user, ReportFilter filter, CancellationToken ct = default)
    {
        Permissions.Demand(user, Permissions.CanViewDashboard, "The reports behind the dashboard are for executives, staff and administrators.");
        var today = Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var periods = db.ReportingPeriods.AsNoTracking().Where(p => !p.IsOrphaned && p.Measure.Direction.PlanId == filter.PlanId);
        if (filter.Year is { } year)
        {
            periods = periods.Where(p => p.Year == year);
        }

        if (filter.DirectionId is { } direction)
        {
            periods = periods.Where(p => p.Measure.DirectionId == direction);
        }

        if (filter.BodyId is { } body)
        {
            periods = periods.Where(p => p.Measure.ResponsibleBodies.Any(r => r.ResponsibleBodyId == body));
        }

        if (filter.State is { } state)
        {
            periods = periods.Where(p => p.Due < today);
            periods = state switch
            {
                ReportListState.Overdue => periods.Where(p => p.Report == null || p.Report.Status == ReportStatus.Draft),
                ReportListState.Returned => periods.Where(p => p.Report != null && p.Report.Status == ReportStatus.Returned),
                ReportListState.Submitted => periods.Where(p => p.Report != null && (p.Report.Status == ReportStatus.Submitted || p.Report.Status == ReportStatus.Approved)),
                ReportListState.Approved => periods.Where(p => p.Report != null && p.Report.Status == ReportStatus.Approved),
                _ => periods,
            };
        }

        return await Project(periods.OrderBy(p => p.Due).ThenBy(p => p.Measure.Direction.Order).ThenBy(p => p.Measure.Number), today).ToListAsync(ct);
    }

    /// <summary>All periods of a measure with their state; orphaned ones (kept for their reports) only when asked.</summary>
    public async Task<IReadOnlyList<ReportRow>> OfMeasureAsync(ClaimsPrincipal user, int measureId, bool includeOrphaned, CancellationToken ct = default)
    {
        await access.DemandReadReportsAsync(user, measureId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var periods = db.ReportingPeriods.AsNoTracking().Where(p => p.MeasureId == measureId && (includeOrphaned || !p.IsOrphaned));
        return await Project(periods.OrderBy(p => p.Start), Today).ToListAsync(ct);
    }

    /// <summary>For each period of a measure that has a report: its values, one per indicator, and its evidence.</summary>
    public async Task<IReadOnlyDictionary<int, (IReadOnlyList<ValueForm> Values, IReadOnlyList<EvidenceInfo> Evidence)>> ContentOfMeasureAsync(
        ClaimsPrincipal user, int measureId, CancellationToken ct = default)
    {
        await access.DemandReadReportsAsync(user, measureId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.MeasureId == measureId).OrderBy(i => i.Position).ToListAsync(ct);
        var reports = await db.Reports.AsNoTracking().Where(r => r.MeasureId == measureId)
            .Include(r => r.Values).ThenInclude(v => v.Breakdown)
            .AsSplitQuery()
            .ToListAsync(ct);
        var evidence = await db.Evidence.AsNoTracking().Where(e => e.MeasureId == measureId)
            .Select(e => new { e.ReportId, Info = new EvidenceInfo(e.Id, e.FileName, e.ContentType, e.Size, e.Sha256, e.UploadedAt, e.UploadedBy) })
            .ToListAsync(ct);
        return reports.ToDictionary(
            r => r.PeriodId,
            r => ((IReadOnlyList<ValueForm>)indicators.Select(i => ReportService.ToValueForm(i, r.Values.FirstOrDefault(v => v.IndicatorId == i.Id))).ToList(),
                  (IReadOnlyList<EvidenceInfo>)evidence.Where(e => e.ReportId == r.Id).Select(e => e.Info).ToList()));
    }

    private static IQueryable<ReportRow> Project(IQueryable<ReportingPeriod> periods, DateOnly today) =>
        periods.Select(p => new ReportRow(
            new PeriodInfo(p.Id, p.MeasureId, p.Year, p.Sequence, p.Kind, p.Start, p.End, p.Due, p.IsOrphaned),
            p.Measure.Direction.Number + "." + p.Measure.Number,
            p.Measure.Content,
            p.Report == null ? ReportState.NotStarted
                : p.Report.Status == ReportStatus.Draft ? ReportState.Draft
                : p.Report.Status == ReportStatus.Submitted ? ReportState.Submitted
                : p.Report.Status == ReportStatus.Returned ? ReportState.Returned
                : ReportState.Approved,
            p.Due < today && (p.Report == null || p.Report.Status == ReportStatus.Draft),
            p.Report == null ? null : p.Report.Id,
            p.Report == null ? null : p.Report.ReviewComment,
            p.Report == null ? null : p.Report.SubmittedAt,
            p.Report == null ? null : p.Report.SubmittedBy));
}
