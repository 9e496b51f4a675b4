using System.Globalization;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Dashboard;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Notifications;

/// <summary>A report approved in the digest's week, as the digest names it.</summary>
public sealed record DigestApproval(int PeriodId, string Measure, string Content, PeriodKind Kind, int Sequence, int Year, DateOnly Start, DateOnly End);

/// <summary>One plan's part of the digest: the dashboard's own figures for the day and the reports approved in the week before.</summary>
public sealed record DigestSection(PlanSummary Plan, DashboardFigures Figures, IReadOnlyList<DigestApproval> Approved);

/// <summary>One community's digest: its name (what the message speaks for) and its plans' sections.</summary>
public sealed record CommunityDigest(int CommunityId, string Community, IReadOnlyList<DigestSection> Sections);

/// <summary>
/// The Monday digest for each community's executives (digest not switched off): per plan of that community, overdue and
/// returned reports by responsible body, the reports approved in the Kyiv week (Monday to Sunday) before the run, and the
/// year's budget execution — the dashboard's figures (<see cref="DashboardService"/>) for the day, with links that open the
/// community's dashboard and lists. The plans are those of the community whose years include the day's year; when none does
/// (its plan has ended and no new one is entered yet) its newest plan, at the year its dashboard opens on (its last).
/// A person who is an executive in two communities gets two digests, each of one community.
/// </summary>
public sealed class WeeklyDigest(DashboardService dashboard)
{
    /// <summary>
    /// The digests of the given communities for a run on a day of the week beginning <paramref name="monday"/>: their names
    /// and plans in one query each, the week's approvals of all their plans in one; the figures are the dashboard's, read per
    /// plan by the dashboard itself (one rule for both), so only communities someone receives a digest of are read.
    /// </summary>
    public async Task<IReadOnlyList<CommunityDigest>> DigestsAsync(
        AppDbContext db, IReadOnlyCollection<int> communities, DateOnly monday, DateOnly today, CancellationToken ct)
    {
        var names = await db.Communities.Where(c => communities.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var chosen = await PlanQueries.OfYear(db.Plans.AsNoTracking().Where(p => communities.Contains(p.CommunityId)), today.Year)
            .Select(p => new { p.CommunityId, Plan = new PlanSummary(p.Id, p.Municipality, p.Title, p.StartYear, p.EndYear) })
            .ToListAsync(ct);
        var approved = await ApprovedAsync(db, chosen.Select(p => p.Plan.Id).ToList(), monday, ct);

        var digests = new List<CommunityDigest>();
        foreach (var community in chosen.GroupBy(p => p.CommunityId).OrderBy(g => g.Key))
        {
            var sections = new List<DigestSection>();
            foreach (var plan in community.Select(p => p.Plan))
            {
                if (await dashboard.FiguresAsync(new DashboardFilter(plan.Id), today, community.Key, ct) is { } figures)
                {
                    sections.Add(new DigestSection(plan, figures, approved.Where(a => a.PlanId == plan.Id).Select(a => a.Approval).ToList()));
                }
            }

            if (sections.Count > 0)
            {
                digests.Add(new CommunityDigest(community.Key, names.GetValueOrDefault(community.Key, ""), sections));
            }
        }

        return digests;
    }

    /// <summary>Adds each executive's digest of each of their communities in the caller's transaction; returns how many messages.</summary>
    public async Task<int> WriteAsync(AppDbContext db, DateOnly monday, DateOnly today, DateTimeOffset now, NotificationOptions options, CancellationToken ct)
    {
        var executives = (await Recipients.InRoleByCommunityAsync(db, Roles.Executive, ct)).Where(r => !r.Person.DigestOff).ToList();
        if (executives.Count == 0)
        {
            return 0;
        }

        var digests = (await DigestsAsync(db, executives.Select(e => e.CommunityId).Distinct().ToList(), monday, today, ct))
            .ToDictionary(d => d.CommunityId);
        var written = 0;
        foreach (var (communityId, person) in executives)
        {
            if (digests.GetValueOrDefault(communityId) is not { } digest)
            {
                continue;
            }

            var first = digest.Sections[0];
            var link = NotificationPaths.InCommunity(communityId, DashboardLinks.Dashboard(first.Figures.Year, null, null), first.Plan.Id);
            Outbox.Add(db, person, NotificationKind.Digest, link, digest.Community, options, now, () => Compose(digest, monday, today));
            written++;
        }

        return written;
    }

    /// <summary>Approved in the Kyiv week before the Monday (by when the review approved it), each plan's orphaned periods included as the dashboard counts them.</summary>
    private static async Task<List<(int PlanId, DigestApproval Approval)>> ApprovedAsync(AppDbContext db, List<int> planIds, DateOnly monday, CancellationToken ct)
    {
        var from = CommunityClock.StartOf(monday.AddDays(-7));
        var to = CommunityClock.StartOf(monday);
        var rows = await db.ReportingPeriods
            .Where(p => planIds.Contains(p.Measure.Direction.PlanId) && p.Report != null && p.Report.Status == ReportStatus.Approved
                && p.Report.ReviewedAt >= from && p.Report.ReviewedAt < to)
            .OrderBy(p => p.Measure.Direction.Order).ThenBy(p => p.Measure.Number).ThenBy(p => p.Due).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Measure.Direction.PlanId,
                Approval = new DigestApproval(p.Id, p.Measure.Direction.Number + "." + p.Measure.Number, p.Measure.Content, p.Kind, p.Sequence, p.Year, p.Start, p.End),
            })
            .ToListAsync(ct);
        return rows.Select(r => (r.PlanId, r.Approval)).ToList();
    }

    private static (string Subject, MessageBody Body) Compose(CommunityDigest digest, DateOnly monday, DateOnly today)
    {
        string Date(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var body = new MessageBody().Paragraph(Messages.Get("Notify.Digest.Intro", Date(today)));
        foreach (var (plan, figures, approved) in digest.Sections)
        {
            // Every link opens this community and plan, whichever the person last worked in.
            var dashboardLinks = new DashboardLinks(figures.Year, null, null);
            var links = new InPlan(digest.CommunityId, plan.Id, dashboardLinks);
            var reporting = figures.Reporting;
            body.Heading(Messages.Get("Notify.Digest.Plan", plan.Title, figures.Year))
                .List([
                    (Messages.Get("Notify.Digest.Due", reporting.Due), links.Reports(ReportListState.Due)),
                    (Messages.Get("Notify.Digest.Overdue", reporting.Overdue), links.Reports(ReportListState.Overdue)),
                    (Messages.Get("Notify.Digest.Returned", reporting.Returned), links.Reports(ReportListState.Returned)),
                    (Messages.Get("Notify.Digest.Approved", reporting.Approved), links.Reports(ReportListState.Approved)),
                ]);

            body.Heading(Messages.Get("Notify.Digest.ByBody"));
            if (figures.Discipline.Count == 0)
            {
                body.Paragraph(Messages.Get("Notify.Digest.ByBodyNone"));
            }
            else
            {
                body.List(figures.Discipline.Select(d => (
                    Messages.Get("Notify.Digest.BodyRow", d.Body, d.Overdue, d.Returned),
                    (string?)links.Reports(d.Overdue > 0 ? ReportListState.Overdue : ReportListState.Returned, body: d.BodyId))));
            }

            body.Heading(Messages.Get("Notify.Digest.LastWeek", Date(monday.AddDays(-7)), Date(monday.AddDays(-1)), approved.Count));
            if (approved.Count == 0)
            {
                body.Paragraph(Messages.Get("Notify.Digest.LastWeekNone"));
            }
            else
            {
                body.List(approved.Select(a => (
                    Messages.Get("Notify.Digest.ApprovedRow", a.Measure, AuditLabels.Period(a.Kind, a.Sequence, a.Year, a.Start, a.End), AuditLabels.Short(a.Content.ReplaceLineEndings(" "), 120)),
                    (string?)NotificationPaths.InCommunity(digest.CommunityId, NotificationPaths.Report(a.PeriodId)))));
            }

            body.Heading(Messages.Get("Notify.Digest.Budget", figures.Year))
                .Paragraph(Messages.Get("Notify.Digest.BudgetText",
                    NumberText.Amount(figures.Planned), NumberText.Amount(figures.Spent), NumberText.Percent(figures.Execution)))
                .Link(Messages.Get("Notify.Digest.Spent"), links.Reports(ReportListState.Reported))
                .Link(Messages.Get("Notify.Digest.Dashboard"), NotificationPaths.InCommunity(digest.CommunityId, DashboardLinks.Dashboard(figures.Year, null, null), plan.Id));
        }

        return (Messages.Get("Notify.Digest.Subject", Date(monday)), body);
    }

    /// <summary>The dashboard's list links, opened in one community's plan.</summary>
    private sealed record InPlan(int CommunityId, int PlanId, DashboardLinks Links)
    {
        public string Reports(ReportListState state, int? body = null) =>
            NotificationPaths.InCommunity(CommunityId, Links.Reports(state, body: body), PlanId);
    }
}
