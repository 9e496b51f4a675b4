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

    /// <summary>
    /// Adds each official's reminder and records what it reminded of, in the caller's transaction; returns how many messages.
    /// The periods, officials and marks of every community are read in one query each; an official of two communities
    /// gets one message, grouped by community.
    /// </summary>
    public static async Task<int> WriteAsync(AppDbContext db, DateOnly today, DateTimeOffset now, NotificationOptions options, CancellationToken ct)
    {
        var officials = (await Recipients.InRoleByCommunityAsync(db, Roles.ResponsibleOfficial, ct)).Where(r => !r.Person.RemindersOff).ToList();
        var people = officials.Select(o => o.Person).DistinctBy(p => p.UserId).ToDictionary(p => p.UserId);
        if (people.Count == 0)
        {
            return 0;
        }

        var ids = people.Keys.ToList();
        // Whose measure is whose: the bodies a person is scoped to, in a community they are an official of.
        var theirs = db.UserResponsibleBodies.Where(u => ids.Contains(u.UserId))
            .Join(db.MeasureResponsibleBodies, u => u.ResponsibleBodyId, m => m.ResponsibleBodyId, (u, m) => new { u.UserId, m.MeasureId, m.Measure.CommunityId })
            .Where(x => db.CommunityGrants.Any(g => g.UserId == x.UserId && g.Role == Roles.ResponsibleOfficial && g.CommunityId == x.CommunityId))
            .Select(x => new { x.UserId, x.MeasureId })
            .Distinct();
        var owners = (await theirs.ToListAsync(ct)).ToLookup(x => x.MeasureId, x => x.UserId);

        var until = today.AddDays(WeekBeforeDays);
        var owed = await PeriodStates.Facts(db.ReportingPeriods.Where(p => theirs.Any(x => x.MeasureId == p.MeasureId) && p.Due <= until), today)
            .Where(f => f.Owed)
            // Joined, not a subquery per period: the community's name is read with the period.
            .Join(db.Communities, f => f.Period.CommunityId, c => c.Id, (f, c) => new
            {
                f.Period.Id, f.Period.MeasureId, f.Period.CommunityId, f.Overdue, f.Period.Due, f.Period.Kind, f.Period.Sequence, f.Period.Year,
                f.Period.Start, f.Period.End,
                Community = c.Name,
                Measure = f.Period.Measure.Direction.Number + "." + f.Period.Measure.Number, f.Period.Measure.Content,
                DirectionOrder = f.Period.Measure.Direction.Order, MeasureNumber = f.Period.Measure.Number,
            })
            .ToListAsync(ct);
        var periodIds = owed.Select(p => p.Id).ToList();
        var marks = (await db.ReminderMarks.Where(m => ids.Contains(m.UserId) && periodIds.Contains(m.PeriodId)).ToListAsync(ct))
            .ToDictionary(m => (m.UserId, m.PeriodId, m.Stage));

        var items = new Dictionary<string, List<Item>>();
        foreach (var p in owed.OrderBy(p => p.Community).ThenBy(p => p.CommunityId).ThenBy(p => p.Due).ThenBy(p => p.DirectionOrder).ThenBy(p => p.MeasureNumber).ThenBy(p => p.Id))
        {
            if (StageOf(p.Overdue, p.Due, today) is not { } stage)
            {
                continue;
            }

            foreach (var userId in owners[p.MeasureId])
            {
                var mark = marks.GetValueOrDefault((userId, p.Id, stage));
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

                var item = new Item(p.Id, p.CommunityId, p.Community, stage, p.Measure, p.Content, p.Kind, p.Sequence, p.Year, p.Start, p.End, p.Due);
                (items.TryGetValue(userId, out var list) ? list : items[userId] = []).Add(item);
            }
        }

        foreach (var (userId, mine) in items.OrderBy(i => people[i.Key].Email, StringComparer.Ordinal))
        {
            var communities = mine.Select(i => (i.CommunityId, i.Community)).Distinct().ToList();
            var link = communities.Count > 1 ? NotificationPaths.MyReports
                : NotificationPaths.InCommunity(communities[0].CommunityId, mine.Count == 1 ? NotificationPaths.Report(mine[0].PeriodId) : NotificationPaths.MyReports);
            Outbox.Add(db, people[userId], NotificationKind.Reminder, link, string.Join(", ", communities.Select(c => c.Community)), options, now, () => Compose(mine));
        }

        return items.Count;
    }

    /// <summary>A period to remind of, as the message names it.</summary>
    private sealed record Item(
        int PeriodId, int CommunityId, string Community, ReminderStage Stage, string Measure, string Content, PeriodKind Kind, int Sequence, int Year,
        DateOnly Start, DateOnly End, DateOnly Due);

    /// <summary>Overdue first, then due tomorrow, then due within the week; each period with its due date and a link to its report.</summary>
    private static (string Subject, MessageBody Body) Compose(IReadOnlyList<Item> items)
    {
        var body = new MessageBody().Paragraph(Messages.Get("Notify.Reminder.Intro"));
        var communities = items.Select(i => (i.CommunityId, i.Community)).Distinct().ToList();
        foreach (var (communityId, community) in communities)
        {
            // Someone reporting in two communities reads each one's periods under its name.
            if (communities.Count > 1)
            {
                body.Heading(community);
            }

            foreach (var stage in new[] { ReminderStage.Overdue, ReminderStage.DayBefore, ReminderStage.WeekBefore })
            {
                var ofStage = items.Where(i => i.CommunityId == communityId && i.Stage == stage).ToList();
                if (ofStage.Count == 0)
                {
                    continue;
                }

                body.Heading(Messages.Get($"Notify.Reminder.{stage}", ofStage.Count)).List(ofStage.Select(i => (
                    Messages.Get("Notify.Reminder.Item", i.Measure, AuditLabels.Period(i.Kind, i.Sequence, i.Year, i.Start, i.End),
                        i.Due.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), AuditLabels.Short(i.Content.ReplaceLineEndings(" "), 120)),
                    (string?)NotificationPaths.InCommunity(communityId, NotificationPaths.Report(i.PeriodId)))));
            }

            if (communities.Count > 1)
            {
                body.Link(Messages.Get("Notify.Reminder.MyReports"), NotificationPaths.InCommunity(communityId, NotificationPaths.MyReports));
            }
        }

        if (communities.Count == 1)
        {
            body.Link(Messages.Get("Notify.Reminder.MyReports"), NotificationPaths.InCommunity(communities[0].CommunityId, NotificationPaths.MyReports));
        }

        var overdue = items.Count(i => i.Stage == ReminderStage.Overdue);
        var subject = overdue > 0
            ? Messages.Get("Notify.Reminder.SubjectOverdue", items.Count, overdue)
            : Messages.Get("Notify.Reminder.Subject", items.Count);
        return (subject, body);
    }
}
