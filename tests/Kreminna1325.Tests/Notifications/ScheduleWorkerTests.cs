using Kreminna1325.Core.Notifications;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Notifications;

/// <summary>The app as run.sh starts it, schedules on: the demo official's reminder of the demo's overdue periods is written at start.</summary>
public class ScheduleWorkerTests : SeededDatabase
{
    [Fact]
    public async Task At_start_the_app_reminds_the_demo_official_of_the_overdue_periods_once()
    {
        await using var factory = new KreminnaWebFactory(ConnectionString, settings: new Dictionary<string, string?> { ["Notifications:Schedules"] = "true" });
        using var client = factory.NewClient();
        Assert.True((await client.GetAsync("/health")).IsSuccessStatusCode);

        await using var db = await DbFactory.CreateDbContextAsync();
        var official = await db.Users.Where(u => u.Email == "official@kreminna.local").Select(u => u.Id).SingleAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await db.Notifications.AnyAsync(n => n.UserId == official && n.Kind == NotificationKind.Reminder) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        // Today is years after the built-in plan's 2020–2022: everything the demo did not report is overdue, in one message
        // (the demo's reviewed reports told her of their steps too: those are the workflow's).
        var reminder = Assert.Single(await db.Notifications.Where(n => n.UserId == official && n.Kind == NotificationKind.Reminder).ToListAsync());
        Assert.Equal("official@kreminna.local", reminder.ToAddress);
        Assert.Contains("Прострочені — строк подання минув", reminder.TextBody);
        Assert.True(reminder.TextBody.Split('\n').Count(l => l.StartsWith("- Захід ", StringComparison.Ordinal)) > 10);
        Assert.Single(await db.ScheduleRuns.Where(r => r.Job == Schedules.RemindersJob).ToListAsync());
    }
}
