using Kreminna1325.Core;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kreminna1325.Tests.Notifications;

/// <summary>Who is reminded of what, on which Kyiv day: the built-in plan's quarterly periods are due on the 10th after the quarter.</summary>
public class ReminderSelectionTests(ScheduleFixture f) : IClassFixture<ScheduleFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => f.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_period_is_reminded_of_7_days_before_the_day_before_the_day_after_and_a_week_after_and_on_no_other_day()
    {
        // I.4's first quarter of 2021 is due on 10 April 2021.
        var period = await f.PeriodAsync("I", 4, 2021, 1);
        await using (var db = await f.DbFactory.CreateDbContextAsync())
        {
            Assert.Equal(new DateOnly(2021, 4, 10), await db.ReportingPeriods.Where(p => p.Id == period).Select(p => p.Due).SingleAsync());
        }

        var clock = new FakeTimeProvider(ScheduleFixture.Kyiv(2021, 4, 1, 12));
        var remindedOn = new List<DateOnly>();
        for (var day = new DateOnly(2021, 4, 2); day <= new DateOnly(2021, 4, 19); day = day.AddDays(1))
        {
            var before = (await f.MessagesOfAsync(f.CentreId)).Count;
            await f.RunAtAsync(clock, ScheduleFixture.Kyiv(day.Year, day.Month, day.Day, 9));
            var written = (await f.MessagesOfAsync(f.CentreId)).Skip(before).ToList();
            Assert.True(written.Count <= 1, $"{written.Count} messages to one person on {day}");
            if (written.Any(m => f.Lists(m, period)))
            {
                remindedOn.Add(day);
            }
        }

        Assert.Equal([new DateOnly(2021, 4, 3), new DateOnly(2021, 4, 9), new DateOnly(2021, 4, 11), new DateOnly(2021, 4, 18)], remindedOn);
        await using var check = await f.DbFactory.CreateDbContextAsync();
        var marks = await check.ReminderMarks.Where(m => m.UserId == f.CentreId && m.PeriodId == period).Select(m => new { m.Stage, m.Day }).ToListAsync();
        Assert.Equal(
            [(ReminderStage.WeekBefore, new DateOnly(2021, 4, 3)), (ReminderStage.DayBefore, new DateOnly(2021, 4, 9)), (ReminderStage.Overdue, new DateOnly(2021, 4, 18))],
            marks.Select(m => (m.Stage, m.Day)).OrderBy(m => m.Stage));
    }

    [Fact]
    public async Task One_message_per_person_lists_all_their_periods_overdue_first_with_due_dates_and_links()
    {
        var weekBefore = await f.PeriodAsync("I", 4, 2021, 1);
        var overdue = await f.PeriodAsync("I", 8, 2020, 2);
        await f.SetUserAsync(f.PoliceId, culture: "en-US");

        var result = await f.RunAtAsync(new FakeTimeProvider(ScheduleFixture.Kyiv(2021, 4, 3, 9, 1)), ScheduleFixture.Kyiv(2021, 4, 3, 9, 1));

        Assert.Equal(2, result.Reminders);
        var centre = Assert.Single(await f.MessagesOfAsync(f.CentreId));
        Assert.Equal(NotificationKind.Reminder, centre.Kind);
        Assert.Equal("centre@kreminna.local", centre.ToAddress);
        Assert.Equal(DeliveryState.Pending, centre.Delivery);
        Assert.True(f.Lists(centre, weekBefore) && f.Lists(centre, overdue));
        Assert.StartsWith("Нагадування: звітів до подання — ", centre.Subject);
        var overdueHeading = centre.TextBody.IndexOf("Прострочені — строк подання минув", StringComparison.Ordinal);
        var weekHeading = centre.TextBody.IndexOf("Строк подання — протягом тижня (", StringComparison.Ordinal);
        Assert.True(overdueHeading > 0 && weekHeading > overdueHeading, centre.TextBody);
        Assert.True(centre.TextBody.IndexOf(f.Options.Absolute(f.InCommunity(NotificationPaths.Report(overdue))), StringComparison.Ordinal) < weekHeading);
        Assert.Contains("Захід I.4, I квартал 2021, строк — 10.04.2021: ", centre.TextBody);
        Assert.Contains($"<a href=\"https://1325.example.org/preferences?community={f.CommunityId}&amp;returnUrl=%2Freports%2F{weekBefore}\">Захід I.4, I квартал 2021, строк — 10.04.2021: ", centre.HtmlBody);
        Assert.Equal(f.InCommunity(NotificationPaths.MyReports), centre.Link);
        // One community's official: the message speaks for that community.
        Assert.StartsWith("Кремінська міська територіальна громада\n", centre.TextBody);

        // The police's official chose English: their own periods, in English.
        var police = Assert.Single(await f.MessagesOfAsync(f.PoliceId));
        Assert.StartsWith("Reminder: ", police.Subject);
        Assert.Contains("Overdue — the due date has passed", police.TextBody);
        Assert.False(f.Lists(police, weekBefore));
        Assert.DoesNotContain(await f.MessagesOfAsync(f.ExecutiveId), m => m.Kind == NotificationKind.Reminder);
    }

    [Fact]
    public async Task Nothing_for_a_submitted_approved_or_returned_report_a_draft_is_still_owed()
    {
        var draft = await f.PeriodAsync("I", 4, 2020, 1);
        var submitted = await f.PeriodAsync("I", 4, 2020, 2);
        var approved = await f.PeriodAsync("I", 4, 2020, 3);
        var returned = await f.PeriodAsync("I", 4, 2020, 4);
        await f.EnterTrainingAsync(draft, ReportStatus.Draft);
        await f.EnterTrainingAsync(submitted, ReportStatus.Submitted);
        await f.EnterTrainingAsync(approved, ReportStatus.Approved);
        await f.EnterTrainingAsync(returned, ReportStatus.Returned);

        // 1 September 2021: all four are past their due dates.
        await f.RunAtAsync(new FakeTimeProvider(ScheduleFixture.Kyiv(2021, 9, 1, 9)), ScheduleFixture.Kyiv(2021, 9, 1, 9));

        var message = Assert.Single(await f.MessagesOfAsync(f.CentreId));
        Assert.True(f.Lists(message, draft));
        Assert.False(f.Lists(message, submitted));
        Assert.False(f.Lists(message, approved));
        Assert.False(f.Lists(message, returned));
        Assert.True(f.Lists(message, await f.PeriodAsync("I", 8, 2020, 1)));
    }

    [Fact]
    public async Task Reminders_switched_off_send_nothing_and_mark_nothing()
    {
        await f.SetUserAsync(f.CentreId, remindersOff: true);

        var result = await f.RunAtAsync(new FakeTimeProvider(ScheduleFixture.Kyiv(2021, 4, 3, 10)), ScheduleFixture.Kyiv(2021, 4, 3, 10));

        Assert.Equal(1, result.Reminders);
        Assert.Empty(await f.MessagesOfAsync(f.CentreId));
        Assert.Single(await f.MessagesOfAsync(f.PoliceId));
        await using var db = await f.DbFactory.CreateDbContextAsync();
        Assert.False(await db.ReminderMarks.AnyAsync(m => m.UserId == f.CentreId));
    }

    [Fact]
    public void Stages_follow_the_due_date()
    {
        var due = new DateOnly(2021, 4, 10);
        ReminderStage? At(int daysBefore) => Reminders.StageOf(false, due, due.AddDays(-daysBefore));
        Assert.Null(At(8));
        Assert.Equal(ReminderStage.WeekBefore, At(7));
        Assert.Equal(ReminderStage.WeekBefore, At(2));
        Assert.Equal(ReminderStage.DayBefore, At(1));
        Assert.Equal(ReminderStage.DayBefore, At(0));
        Assert.Equal(ReminderStage.Overdue, Reminders.StageOf(true, due, due.AddDays(1)));
        Assert.True(Reminders.IsDue(ReminderStage.Overdue, due.AddDays(1), due.AddDays(8)));
        Assert.False(Reminders.IsDue(ReminderStage.Overdue, due.AddDays(1), due.AddDays(7)));
        Assert.False(Reminders.IsDue(ReminderStage.DayBefore, due.AddDays(-1), due.AddDays(20)));
    }
}
