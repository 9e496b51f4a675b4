using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kreminna1325.Core.Notifications;

/// <summary>
/// Tells people of a step in a report's review: submitted → council staff, who review it; returned (with the comment),
/// approved, reopened (with the reason) → the officials of the measure's bodies, who wrote it. The messages go into the
/// context the step is saved through, so they exist only if the step commits.
/// </summary>
/// <remarks>
/// Administrators may review too, but reviewing is council staff's work; an administrator who reviews is given the
/// staff role as well, and then hears of submissions once. The person who took the step is not told of it.
/// </remarks>
public sealed class WorkflowNotices(IOptions<NotificationOptions> options)
{
    /// <summary>Adds, without saving, a message to everyone concerned by the step just taken on the report.</summary>
    public async Task AddAsync(AppDbContext db, Report report, ReportEvent step, CancellationToken ct)
    {
        var kind = KindOf(step);
        var recipients = kind == NotificationKind.ReportSubmitted
            ? await Recipients.InRoleAsync(db, Roles.CouncilStaff, await db.Measures.Where(m => m.Id == report.MeasureId).Select(m => m.CommunityId).SingleAsync(ct), ct)
            : await Recipients.OfficialsOfMeasureAsync(db, report.MeasureId, ct);
        recipients.RemoveAll(r => r.UserId == step.UserId);
        if (recipients.Count == 0)
        {
            return;
        }

        var about = await db.ReportingPeriods.AsNoTracking().Where(p => p.Id == report.PeriodId)
            .Select(p => new About(
                p.Kind, p.Sequence, p.Year, p.Start, p.End, p.Measure.Direction.Number, p.Measure.Number, p.Measure.Content,
                p.Measure.Direction.Plan.Municipality))
            .SingleAsync(ct);
        var names = await PersonNames.LoadAsync(db, [step.UserName], [step.UserId], ct);
        var link = NotificationPaths.Report(report.PeriodId);
        foreach (var to in recipients)
        {
            Outbox.Add(db, to, kind, link, about.Municipality, options.Value, step.At, () => Compose(kind, about, names, step, link));
        }
    }

    private static NotificationKind KindOf(ReportEvent step) => (step.From, step.To) switch
    {
        (_, ReportStatus.Submitted) => NotificationKind.ReportSubmitted,
        (ReportStatus.Approved, ReportStatus.Returned) => NotificationKind.ReportReopened,
        (_, ReportStatus.Returned) => NotificationKind.ReportReturned,
        (_, ReportStatus.Approved) => NotificationKind.ReportApproved,
        _ => throw new ArgumentException($"No one is told of a report going from {step.From} to {step.To}.", nameof(step)),
    };

    // Runs in the recipient's language: every label, the period's name and the person's (the system's) name in it.
    private static (string Subject, MessageBody Body) Compose(NotificationKind kind, About about, PersonNames names, ReportEvent step, string link)
    {
        var what = kind.ToString()["Report".Length..];
        var measure = $"{about.Direction}.{about.Number}";
        var period = AuditLabels.Period(about.Kind, about.Sequence, about.Year, about.Start, about.End);
        var body = new MessageBody()
            .Paragraph(Messages.Get($"Notify.{what}.What", measure, AuditLabels.Short(about.Content, 160), period))
            .Paragraph(Messages.Get($"Notify.{what}.By", names.Of(step.UserName, step.UserId), AuditLabels.DateTime(step.At)));
        if (step.Comment is { } comment)
        {
            body.Paragraph(Messages.Get(kind == NotificationKind.ReportReopened ? "Notify.Reason" : "Notify.Comment")).Quote(comment);
        }

        body.Paragraph(Messages.Get($"Notify.{what}.Next")).Link(Messages.Get("Notify.OpenReport"), link);
        return (Messages.Get($"Notify.{what}.Subject", measure, period), body);
    }

    private sealed record About(
        PeriodKind Kind, int Sequence, int Year, DateOnly Start, DateOnly End, string Direction, int Number, string Content, string Municipality);
}
