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

/// <summary>
/// The Monday digest for executives (digest not switched off): per plan, overdue and returned reports by responsible
/// body, the reports approved in the Kyiv week (Monday to Sunday) before the run, and the year's budget execution —
/// the dashboard's figures (<see cref="DashboardService"/>) for the day, with links to the dashboard and its lists.
/// The plans are those whose years include the day's year; when none does (the plan has ended and no new one is
/// entered yet) the newest plan, at the year its dashboard opens on (its last).
/// </summary>
public sealed class WeeklyDigest(DashboardService dashboard, PlanQueries plans)
{
    /// <summary>The digest's sections for a run on a day of the week beginning <paramref name="monday"/>.</summary>
    public async Task<IReadOnlyList<DigestSection>> SectionsAsync(AppDbContext db, DateOnly monday, DateOnly today, CancellationToken ct)
    {
        var all = await plans.ListAsync(ct);
        var covering = all.Where(p => p.StartYear <= today.Year && today.Year <= p.EndYear).ToList();
        var sections = new List<DigestSection>();
        foreach (var plan in covering.Count > 0 ? covering : all.Take(1))
        {
            if (await dashboard.FiguresAsync(new DashboardFilter(plan.Id), today, ct) is { } figures)
            {
                sections.Add(new DigestSection(plan, figures, await ApprovedAsync(db, plan.Id, monday, ct)));
            }
        }

        return sections;
    }

    /// <summary>Adds the digest for each executive in the caller's transaction; returns how many messages.</summary>
    public async Task<int> WriteAsync(AppDbContext db, DateOnly monday, DateOnly today, DateTimeOffset now, NotificationOptions options, CancellationToken ct)
    {
        var executives = (await Recipients.InRoleAnywhereAsync(db, Roles.Executive, ct)).Where(r => !r.DigestOff).ToList();
        if (executives.Count == 0)
        {
            return 0;
        }

        var sections = await SectionsAsync(db, monday, today, ct);
        if (sections.Count == 0)
        {
            return 0;
        }

        var link = DashboardLinks.Dashboard(sections[0].Figures.Year, null, null);
        foreach (var person in executives)
        {
            Outbox.Add(db, person, NotificationKind.Digest, link, sections[0].Plan.Municipality, options, now, () => Compose(sections, monday, today));
        }

        return executives.Count;
    }

    /// <summary>Approved in the Kyiv week before the Monday (by when the review approved it), the plan's orphaned periods included as the dashboard counts them.</summary>
    private static async Task<IReadOnlyList<DigestApproval>> ApprovedAsync(AppDbContext db, int planId, DateOnly monday, CancellationToken ct)
    {
        var from = CommunityClock.StartOf(monday.AddDays(-7));
        var to = CommunityClock.StartOf(monday);
        return await PeriodStates.Scope(db, planId, null, null, null)
            .Where(p => p.Report != null && p.Report.Status == ReportStatus.Approved && p.Report.ReviewedAt >= from && p.Report.ReviewedAt < to)
            .OrderBy(p => p.Measure.Direction.Order).ThenBy(p => p.Measure.Number).ThenBy(p => p.Due).ThenBy(p => p.Id)
            .Select(p => new DigestApproval(p.Id, p.Measure.Direction.Number + "." + p.Measure.Number, p.Measure.Content, p.Kind, p.Sequence, p.Year, p.Start, p.End))
            .ToListAsync(ct);
    }

    private static (string Subject, MessageBody Body) Compose(IReadOnlyList<DigestSection> sections, DateOnly monday, DateOnly today)
    {
        string Date(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var body = new MessageBody().Paragraph(Messages.Get("Notify.Digest.Intro", Date(today)));
        foreach (var (plan, figures, approved) in sections)
        {
            var links = new DashboardLinks(figures.Year, null, null);
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
                    (string?)NotificationPaths.Report(a.PeriodId))));
            }

            body.Heading(Messages.Get("Notify.Digest.Budget", figures.Year))
                .Paragraph(Messages.Get("Notify.Digest.BudgetText",
                    NumberText.Amount(figures.Planned), NumberText.Amount(figures.Spent), NumberText.Percent(figures.Execution)))
                .Link(Messages.Get("Notify.Digest.Spent"), links.Reports(ReportListState.Reported))
                .Link(Messages.Get("Notify.Digest.Dashboard"), DashboardLinks.Dashboard(figures.Year, null, null));
        }

        return (Messages.Get("Notify.Digest.Subject", Date(monday)), body);
    }
}
