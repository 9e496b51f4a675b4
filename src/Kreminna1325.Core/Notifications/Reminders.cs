using System.Globalization;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Notifications;

/// <summary>
/// The daily reminders: each official (reminders not switched off) is told of the periods of their measures that are
/// still owed (<see cref="PeriodFacts.Owed"/>) — a week before the due date, the day before, and once overdue, on the
/// first run after and then weekly until something is submitted. One message per person per run, however many periods.
/// </summary>
public static class Reminders
{
    /// <summary>The week-before reminder goes when the due date is 2 to 7 days away.</summary>
    public const int WeekBeforeDays = 7;

    /// <summary>The day-before reminder goes when the due date is tomorrow (or today, if the day before was missed).</summary>
    public const int DayBeforeDays = 1;

    /// <summary>An overdue period is reminded of again once its last overdue reminder is this many days old.</summary>
    public const int OverdueRepeatDays = 7;

    /// <summary>Where an owed period stands on a Kyiv day, or null while its due date is more than a week away.</summary>
    public static ReminderStage? StageOf(bool overdue, DateOnly due, DateOnly today) =>
        overdue ? ReminderStage.Overdue
        : (due.DayNumber - today.DayNumber) switch
        {
            < 0 => null,
            <= DayBeforeDays => ReminderStage.DayBefore,
            <= WeekBeforeDays => ReminderStage.WeekBefore,
            _ => null,
        };

    /// <summary>Whether a stage is to be reminded of, given the day the person was last reminded of it (null: never).</summary>
    public static bool IsDue(ReminderStage stage, DateOnly? lastReminded, DateOnly today) =>
        lastReminded is not { } last || (stage == ReminderStage.Overdue && last <= today.AddDays(-OverdueRepeatDays));

    /// <summary>Adds each official's reminder and records what it reminded of, in the caller's transaction; returns how many messages.</summary>
    public static async Task<int> WriteAsync(
        AppDbContext db, DateOnly today, DateTimeOffset now, string community, NotificationOptions options, CancellationToken ct)
    {
        var written = 0;
        foreach (var person in (await Recipients.InRoleAnywhereAsync(db, Roles.ResponsibleOfficial, ct)).Where(r => !r.RemindersOff))
        {
            var items = await SelectAsync(db, person.UserId, today, ct);
            if (items.Count > 0)
            {
                Outbox.Add(db, person, NotificationKind.Reminder, items.Count == 1 ? NotificationPaths.Report(items[0].PeriodId) : NotificationPaths.MyReports,
                    community, options, now, () => Compose(items));
                written++;
            }
        }

        return written;
    }

    /// <summary>A period to remind of, as the message names it.</summary>
    private sealed record Item(
        int PeriodId, ReminderStage Stage, string Measure, string Content, PeriodKind Kind, int Sequence, int Year, DateOnly Start, DateOnly End, DateOnly Due);

    private static async Task<List<Item>> SelectAsync(AppDbContext db, string userId, DateOnly today, CancellationToken ct)
    {
        var mine = MeasureAccess.MeasuresOf(db, userId);
        var until = today.AddDays(WeekBeforeDays);
        var owed = await PeriodStates.Facts(db.ReportingPeriods.Where(p => mine.Contains(p.MeasureId) && p.Due <= until), today)
            .Where(f => f.Owed)
            .Select(f => new
            {
                f.Period.Id, f.Overdue, f.Period.Due, f.Period.Kind, f.Period.Sequence, f.Period.Year, f.Period.Start, f.Period.End,
                Measure = f.Period.Measure.Direction.Number + "." + f.Period.Measure.Number, f.Period.Measure.Content,
                DirectionOrder = f.Period.Measure.Direction.Order, MeasureNumber = f.Period.Measure.Number,
            })
            .ToListAsync(ct);
        var ids = owed.Select(p => p.Id).ToList();
        var marks = await db.ReminderMarks.Where(m => m.UserId == userId && ids.Contains(m.PeriodId)).ToListAsync(ct);

        var items = new List<Item>();
        foreach (var p in owed.OrderBy(p => p.Due).ThenBy(p => p.DirectionOrder).ThenBy(p => p.MeasureNumber).ThenBy(p => p.Id))
        {
            if (StageOf(p.Overdue, p.Due, today) is not { } stage)
            {
                continue;
            }

            var mark = marks.FirstOrDefault(m => m.PeriodId == p.Id && m.Stage == stage);
            if (!IsDue(stage, mark?.Day, today))
            {
                continue;
            }

            if (mark is null)
            {
                db.ReminderMarks.Add(new ReminderMark { UserId = userId, PeriodId = p.Id, Stage = stage, Day = today });
            }
            else
            {
                mark.Day = today;
            }

            items.Add(new Item(p.Id, stage, p.Measure, p.Content, p.Kind, p.Sequence, p.Year, p.Start, p.End, p.Due));
        }

        return items;
    }

    /// <summary>Overdue first, then due tomorrow, then due within the week; each period with its due date and a link to its report.</summary>
    private static (string Subject, MessageBody Body) Compose(IReadOnlyList<Item> items)
    {
        var body = new MessageBody().Paragraph(Messages.Get("Notify.Reminder.Intro"));
        foreach (var stage in new[] { ReminderStage.Overdue, ReminderStage.DayBefore, ReminderStage.WeekBefore })
        {
            var ofStage = items.Where(i => i.Stage == stage).ToList();
            if (ofStage.Count == 0)
            {
                continue;
            }

            body.Heading(Messages.Get($"Notify.Reminder.{stage}", ofStage.Count)).List(ofStage.Select(i => (
                Messages.Get("Notify.Reminder.Item", i.Measure, AuditLabels.Period(i.Kind, i.Sequence, i.Year, i.Start, i.End),
                    i.Due.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), AuditLabels.Short(i.Content.ReplaceLineEndings(" "), 120)),
                (string?)NotificationPaths.Report(i.PeriodId))));
        }

        body.Link(Messages.Get("Notify.Reminder.MyReports"), NotificationPaths.MyReports);
        var overdue = items.Count(i => i.Stage == ReminderStage.Overdue);
        var subject = overdue > 0
            ? Messages.Get("Notify.Reminder.SubjectOverdue", items.Count, overdue)
            : Messages.Get("Notify.Reminder.Subject", items.Count);
        return (subject, body);
    }
}
