using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Notifications;
using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Infrastructure;
using Kreminna1325.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Tests.Deployment;

/// <summary>
/// Two instances of the app on one database, as behind a proxy that spreads people over them: each is what the other
/// is, a person signed in on one is signed in on the other, what one changes the other shows, and work on a schedule
/// happens once.
/// </summary>
public class TwoInstancesTests(TwoInstances f) : IClassFixture<TwoInstances>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Started_at_once_on_an_empty_database_they_migrate_and_seed_it_once()
    {
        f.EnsureStarted();
        await using var db = await f.DbFactory.CreateDbContextAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        // Each community's plans once (the built-in plan, and the demo's other communities when there are some).
        var plans = await db.Plans.Select(p => new { p.CommunityId, p.Title, p.StartYear }).ToListAsync();
        Assert.NotEmpty(plans);
        Assert.Equal(plans.Count, plans.Distinct().Count());
        var communities = await db.Communities.Select(c => c.Code).ToListAsync();
        Assert.NotEmpty(communities);
        Assert.Equal(communities.Count, communities.Distinct().Count());
        string[] demo = ["admin@kreminna.local", "staff@kreminna.local", "official@kreminna.local", "executive@kreminna.local"];
        Assert.Equal(demo.Order(), (await db.Users.Where(u => demo.Contains(u.Email!)).Select(u => u.Email!).ToListAsync()).Order());
        var roles = await db.Roles.Select(r => r.Name).ToListAsync();
        Assert.Equal(roles.Distinct().Count(), roles.Count);

        // The demo reports once: one start writes a report per period at most, and the demo's submissions told the staff once each.
        var reports = await db.Reports.Select(r => r.PeriodId).ToListAsync();
        Assert.NotEmpty(reports);
        Assert.Equal(reports.Count, reports.Distinct().Count());
        var periods = await db.ReportingPeriods.Select(p => new { p.MeasureId, p.Start, p.End }).ToListAsync();
        Assert.Equal(periods.Count, periods.Distinct().Count());
        var staffId = await db.Users.Where(u => u.Email == "staff@kreminna.local").Select(u => u.Id).SingleAsync();
        var submittedNotices = await db.Notifications.Where(n => n.UserId == staffId && n.Kind == NotificationKind.ReportSubmitted)
            .Select(n => n.Link).ToListAsync();
        Assert.NotEmpty(submittedNotices);
        Assert.Equal(submittedNotices.Count, submittedNotices.Distinct().Count());
    }

    [Fact]
    public async Task A_person_signed_in_through_one_instance_is_signed_in_on_the_other_with_the_same_cookie()
    {
        f.EnsureStarted();
        var jar = new CookieContainer();
        using var viaA = TwoInstances.Client(f.A, jar);
        using var viaB = TwoInstances.Client(f.B, jar);
        var measure = await MeasureIdAsync();

        // The form and its antiforgery token come from B, the post goes to A: A reads B's token and cookie.
        var token = await SignIn.FormTokenAsync(viaB, "/account/login");
        using (var signIn = await viaA.PostAsync("/account/login", LoginForm("staff@kreminna.local", token)))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        Assert.Contains(jar.GetCookies(f.A.ClientOptions.BaseAddress), c => c.Name == "kreminna1325.auth");
        using (var onB = await viaB.GetAsync($"/api/measures/{measure}/form"))
        {
            Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        }

        using (var staffPage = await viaB.GetAsync("/measures"))
        {
            Assert.Equal(HttpStatusCode.OK, staffPage.StatusCode);
        }

        // Without the cookie B does not know the person: it is the cookie, read with the keys both share.
        using var anonymous = TwoInstances.Client(f.B, new CookieContainer());
        using (var refused = await anonymous.GetAsync($"/api/measures/{measure}/form"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        await using var keys = await KeysAsync();
        Assert.NotEmpty(await keys.DataProtectionKeys.ToListAsync());
    }

    [Fact]
    public async Task A_change_through_one_instance_shows_on_the_other_and_its_public_copy_is_evicted_at_once()
    {
        f.EnsureStarted();
        var jar = new CookieContainer();
        using var viaA = TwoInstances.Client(f.A, jar);
        using var viaB = TwoInstances.Client(f.B, jar);
        using var visitorOfB = TwoInstances.Client(f.B, new CookieContainer());
        using (var signIn = await SignIn.PostLoginAsync(viaA, "staff@kreminna.local", SignIn.DemoPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        var measure = await MeasureIdAsync();
        var planId = await PlanIdAsync();
        // B keeps a copy of the open data for anonymous visitors (30 s); the change must reach it well before that.
        var before = await visitorOfB.GetStringAsync($"/api/plans/{planId}");
        var marker = $"two-instances-{Guid.NewGuid():N}";
        Assert.DoesNotContain(marker, before);

        var form = (await viaA.GetFromJsonAsync<JsonObject>($"/api/measures/{measure}/form"))!;
        form["content"] = $"{form["content"]!.GetValue<string>()} {marker}";
        using (var saved = await viaA.PutAsJsonAsync($"/api/measures/{measure}", form))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        var onB = (await viaB.GetFromJsonAsync<JsonObject>($"/api/measures/{measure}/form"))!;
        Assert.EndsWith(marker, onB["content"]!.GetValue<string>());

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        string after;
        while (!(after = await visitorOfB.GetStringAsync($"/api/plans/{planId}")).Contains(marker, StringComparison.Ordinal)
               && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Contains(marker, after);
    }

    [Fact]
    public async Task A_report_saved_through_one_instance_is_heard_by_the_other_and_each_hears_each_change_once()
    {
        f.EnsureStarted();
        var heardByA = new ConcurrentQueue<int>();
        var heardByB = new ConcurrentQueue<int>();
        using var listenA = f.A.Services.GetRequiredService<ReportChanges>().Subscribe(c => heardByA.Enqueue(c.MeasureId));
        using var listenB = f.B.Services.GetRequiredService<ReportChanges>().Subscribe(c => heardByB.Enqueue(c.MeasureId));
        var (first, second) = await TwoFreePeriodsAsync();

        await SaveDraftAsync(f.A, first.Period);
        await WaitUntilAsync(() => heardByB.Contains(first.Measure), "B to hear of the report saved through A");
        await SaveDraftAsync(f.B, second.Period);
        await WaitUntilAsync(() => heardByA.Contains(second.Measure), "A to hear of the report saved through B");

        // Each change once on each instance: its own at the save, the other's from the database, never back again.
        Assert.Equal([first.Measure, second.Measure], heardByA.ToArray());
        Assert.Equal([first.Measure, second.Measure], heardByB.ToArray());
    }

    [Fact]
    public async Task The_schedules_run_each_slot_once_however_many_instances_check_it()
    {
        f.EnsureStarted();
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var official = await db.Users.Where(u => u.Email == "official@kreminna.local").Select(u => u.Id).SingleAsync();
        // Both instances checked the schedules as they started; the day's reminders were written once.
        await WaitUntilAsync(() => db.Notifications.Any(n => n.UserId == official && n.Kind == NotificationKind.Reminder), "the start's reminders");
        Assert.Single(await db.Notifications.Where(n => n.UserId == official && n.Kind == NotificationKind.Reminder).ToListAsync());
        Assert.Single(await db.ScheduleRuns.Where(r => r.Job == Schedules.RemindersJob).ToListAsync());

        // The next slot, as both see it come at once: forget the run and what it reminded of, and let both check together.
        await db.ScheduleRuns.Where(r => r.Job == Schedules.RemindersJob).ExecuteDeleteAsync();
        await db.ReminderMarks.ExecuteDeleteAsync();
        await db.Notifications.Where(n => n.Kind == NotificationKind.Reminder).ExecuteDeleteAsync();
        var results = await Task.WhenAll(
            Task.Run(() => TwoInstances.InScopeAsync(f.A, s => s.GetRequiredService<Schedules>().RunDueAsync())),
            Task.Run(() => TwoInstances.InScopeAsync(f.B, s => s.GetRequiredService<Schedules>().RunDueAsync())));

        // The background checks race these two as well: whichever ran it, it ran once.
        Assert.True(results.Count(r => r.Reminders is not null) <= 1);
        Assert.Single(await db.Notifications.Where(n => n.UserId == official && n.Kind == NotificationKind.Reminder).ToListAsync());
        Assert.Single(await db.ScheduleRuns.Where(r => r.Job == Schedules.RemindersJob).ToListAsync());
    }

    [Fact]
    public async Task The_outbox_sent_by_both_instances_delivers_each_message_once()
    {
        f.EnsureStarted();
        var to = TestSmtp.NewAddress("two-instances");
        var ids = await WriteMessagesAsync(to, 40);

        // Both instances' background senders run every second; two more rounds, one on each, at the same moment.
        var runs = await Task.WhenAll(
            Task.Run(() => TwoInstances.InScopeAsync(f.A, s => s.GetRequiredService<OutboxSender>().DeliverDueAsync(CancellationToken.None))),
            Task.Run(() => TwoInstances.InScopeAsync(f.B, s => s.GetRequiredService<OutboxSender>().DeliverDueAsync(CancellationToken.None))));
        Assert.All(runs, run => Assert.Equal(0, run.Failed));

        await using var db = await f.DbFactory.CreateDbContextAsync();
        await WaitUntilAsync(() => db.Notifications.Count(n => ids.Contains(n.Id) && n.Delivery == DeliveryState.Sent) == ids.Count, "every message sent");
        var received = await TestSmtp.WaitForAsync(to, 40);
        await Task.Delay(500);
        received = await TestSmtp.MessagesToAsync(to);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"Обидва екземпляри №{i}").Order(), received.Select(m => m.Subject).Order());
        Assert.All(await db.Notifications.Where(n => ids.Contains(n.Id)).ToListAsync(), n => Assert.Equal(1, n.Attempts));
    }

    private static FormUrlEncodedContent LoginForm(string email, string token) => new(new Dictionary<string, string>
    {
        ["Input.Email"] = email,
        ["Input.Password"] = SignIn.DemoPassword,
        ["ReturnUrl"] = "",
        ["_handler"] = "login",
        ["__RequestVerificationToken"] = token,
    });

    private static IQueryable<Measure> KreminnasI4(AppDbContext db) => db.Measures.Where(m =>
        m.Direction.Number == "I" && m.Number == 4 && db.Communities.Any(c => c.Id == m.CommunityId && c.Code == KnownCommunities.Kreminna().Code));

    private async Task<int> MeasureIdAsync()
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        return await KreminnasI4(db).Select(m => m.Id).SingleAsync();
    }

    private async Task<int> PlanIdAsync()
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        return await KreminnasI4(db).Select(m => m.Direction.PlanId).SingleAsync();
    }

    private async Task<KeysDbContext> KeysAsync() => new(new DbContextOptionsBuilder<KeysDbContext>()
        .UseNpgsql(f.ConnectionString).UseSnakeCaseNamingConvention().Options);

    /// <summary>Two periods without a report, of two of the demo official's measures (the demo reports' I.4 and III.5).</summary>
    private async Task<((int Period, int Measure), (int Period, int Measure))> TwoFreePeriodsAsync()
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var kreminna = await db.Communities.Where(c => c.Code == KnownCommunities.Kreminna().Code).Select(c => c.Id).SingleAsync();
        var free = await db.ReportingPeriods
            .Where(p => p.CommunityId == kreminna
                && ((p.Measure.Direction.Number == "I" && p.Measure.Number == 4) || (p.Measure.Direction.Number == "III" && p.Measure.Number == 5))
                && !db.Reports.Any(r => r.PeriodId == p.Id))
            .OrderBy(p => p.MeasureId).ThenByDescending(p => p.Start).Select(p => new { p.Id, p.MeasureId }).ToListAsync();
        var byMeasure = free.GroupBy(p => p.MeasureId).Select(g => g.First()).ToList();
        return ((byMeasure[0].Id, byMeasure[0].MeasureId), (byMeasure[1].Id, byMeasure[1].MeasureId));
    }

    private static async Task SaveDraftAsync(KreminnaWebFactory instance, int period)
    {
        var official = await TwoInstances.PrincipalAsync(instance, "official@kreminna.local");
        var saved = await TwoInstances.InScopeAsync(instance, async services =>
        {
            var reports = services.GetRequiredService<ReportService>();
            var form = (await reports.LoadAsync(official, period))!.Form;
            form.Narrative = "Збережено через інший екземпляр.";
            return await reports.SaveDraftAsync(official, form);
        });
        Assert.True(saved.Saved, saved.Message);
    }

    private async Task<List<long>> WriteMessagesAsync(string to, int count)
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var official = await db.Users.Where(u => u.Email == "official@kreminna.local").Select(u => u.Id).SingleAsync();
        var options = new NotificationOptions { PublicBaseUrl = "https://1325.kreminna.example" };
        var now = DateTimeOffset.UtcNow;
        var written = Enumerable.Range(0, count).Select(i => Outbox.Add(
                db, new Recipient(official, to, "Оксана Демо", CultureInfo.GetCultureInfo("uk-UA"), false, false),
                NotificationKind.ReportReturned, $"/reports/{i}", "Кремінська громада", options, now,
                () => ($"Обидва екземпляри №{i}", new MessageBody().Paragraph("Повідомлення, яке надсилають два екземпляри."))))
            .ToList();
        await db.SaveChangesAsync();
        return written.Select(n => n.Id).ToList();
    }

    private static async Task WaitUntilAsync(Func<bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {Patience.TotalSeconds} s for {what}.");
            }

            await Task.Delay(100);
        }
    }
}
