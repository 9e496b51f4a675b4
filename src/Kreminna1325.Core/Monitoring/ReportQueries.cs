using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
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

    /// <summary>Approved reports of the year whether due or not: what the budget's "spent" and the reach add up.</summary>
    Reported,
}

public sealed record ReportFilter(int PlanId, int? Year = null, int? DirectionId = null, int? BodyId = null, ReportListState? State = null, int? Quarter = null);

/// <summary>The lists of the reporting workflow: the review queue, the dashboard's drill-downs, a measure's periods (an official's own: <see cref="Worklist"/>).</summary>
public sealed class ReportQueries(IDbContextFactory<AppDbContext> dbFactory, MeasureAccess access, CommunityClock clock)
{
    private DateOnly Today => clock.Today;

    /// <summary>Submitted reports waiting for council staff, oldest first.</summary>
    public async Task<IReadOnlyList<ReportRow>> ReviewQueueAsync(ClaimsPrincipal user, int? planId = null, CancellationToken ct = default)
    {
        Permissions.Demand(user, Permissions.CanReview, "Only council staff and administrators review reports.");
        await using var db = await dbFactory.CreateForAsync(user, ct);
        var periods = db.ReportingPeriods.AsNoTracking().Where(p => p.Report != null && p.Report.Status == Report.AwaitingReview);
        if (planId is { } plan)
        {
            periods = periods.Where(p => p.Measure.Direction.PlanId == plan);
        }

        var rows = await Project(PeriodStates.Facts(periods, Today).OrderBy(f => f.Period.Report!.SubmittedAt)).ToListAsync(ct);
        var names = await PersonNames.LoadAsync(db, rows.Select(r => r.SubmittedBy), ct: ct);
        return rows.Select(r => r with { SubmittedBy = r.SubmittedBy is null ? null : names.Of(r.SubmittedBy) }).ToList();
    }

    /// <summary>Periods behind a dashboard figure: the very facts the dashboard counts (<see cref="PeriodStates"/>).</summary>
    public async Task<IReadOnlyList<ReportRow>> FindAsync(ClaimsPrincipal user, ReportFilter filter, CancellationToken ct = default)
    {
        Permissions.Demand(user, Permissions.CanViewDashboard, "The reports behind the dashboard are for executives, staff and administrators.");
        await using var db = await dbFactory.CreateForAsync(user, ct);
        var facts = PeriodStates.Facts(
            PeriodStates.Scope(db, filter.PlanId, filter.Year, filter.DirectionId, filter.BodyId).AsNoTracking(), Today);
        // Without a state, the list is the plan's live periods; an orphaned one appears only under "reported".
        facts = filter.State is { } state ? facts.In(state) : facts.Where(f => !f.Period.IsOrphaned);

        if (filter.Quarter is { } quarter)
        {
            facts = facts.Where(f => f.Quarter == quarter);
        }

        return await Project(facts.OrderBy(f => f.Period.Due).ThenBy(f => f.Period.Measure.Direction.Order).ThenBy(f => f.Period.Measure.Number))
            .ToListAsync(ct);
    }

    /// <summary>All periods of a measure with their state; orphaned ones (kept for their reports) only when asked.</summary>
    public async Task<IReadOnlyList<ReportRow>> OfMeasureAsync(ClaimsPrincipal user, int measureId, bool includeOrphaned, CancellationToken ct = default)
    {
        await access.DemandReadReportsAsync(user, measureId, ct);
        await using var db = await dbFactory.CreateForAsync(user, ct);
        var periods = db.ReportingPeriods.AsNoTracking().Where(p => p.MeasureId == measureId && (includeOrphaned || !p.IsOrphaned));
        return await Project(PeriodStates.Facts(periods, Today).OrderBy(f => f.Period.Start)).ToListAsync(ct);
    }

    /// <summary>For each period of a measure that has a report: its values, one per indicator, and its evidence.</summary>
    public async Task<IReadOnlyDictionary<int, (IReadOnlyList<ValueForm> Values, IReadOnlyList<EvidenceInfo> Evidence)>> ContentOfMeasureAsync(
        ClaimsPrincipal user, int measureId, CancellationToken ct = default)
    {
        await access.DemandReadReportsAsync(user, measureId, ct);
        await using var db = await dbFactory.CreateForAsync(user, ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.MeasureId == measureId).OrderBy(i => i.Position).ToListAsync(ct);
        var reports = await db.Reports.AsNoTracking().Where(r => r.MeasureId == measureId)
            .Include(r => r.Values).ThenInclude(v => v.Breakdown)
            .AsSplitQuery()
            .ToListAsync(ct);
        var evidence = await db.Evidence.AsNoTracking().Where(e => e.MeasureId == measureId)
            .Select(e => new { e.ReportId, Info = new EvidenceInfo(e.Id, e.FileName, e.ContentType, e.Size, e.Sha256, e.UploadedAt, e.UploadedBy) })
            .ToListAsync(ct);
        var names = await PersonNames.LoadAsync(db, evidence.Select(e => e.Info.UploadedBy), ct: ct);
        evidence = evidence.Select(e => e with { Info = e.Info with { UploadedBy = names.Of(e.Info.UploadedBy) } }).ToList();
        return reports.ToDictionary(
            r => r.PeriodId,
            r => ((IReadOnlyList<ValueForm>)indicators.Select(i => ValueForm.Of(i, r.Values.FirstOrDefault(v => v.IndicatorId == i.Id))).ToList(),
                  (IReadOnlyList<EvidenceInfo>)evidence.Where(e => e.ReportId == r.Id).Select(e => e.Info).ToList()));
    }

    internal static IQueryable<ReportRow> Project(IQueryable<PeriodFacts> facts) =>
        facts.Select(f => new ReportRow(
            new PeriodInfo(f.Period.Id, f.Period.MeasureId, f.Period.Year, f.Period.Sequence, f.Period.Kind, f.Period.Start, f.Period.End, f.Period.Due, f.Period.IsOrphaned),
            f.Period.Measure.Direction.Number + "." + f.Period.Measure.Number,
            f.Period.Measure.Content,
            // The final projection may call .NET: the state is decided by the report's rule, after the query.
            Report.StateOf(f.Period.Report == null ? null : f.Period.Report.Status),
            f.Overdue,
            f.Period.Report == null ? null : f.Period.Report.Id,
            f.Period.Report == null ? null : f.Period.Report.ReviewComment,
            f.Period.Report == null ? null : f.Period.Report.SubmittedAt,
            f.Period.Report == null ? null : f.Period.Report.SubmittedBy));
}
