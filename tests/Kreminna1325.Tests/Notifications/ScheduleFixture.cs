using Kreminna1325.Core;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Dashboard;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Notifications;
using Kreminna1325.Tests.Monitoring;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kreminna1325.Tests.Notifications;

/// <summary>
/// The reporting fixture's plan and officials as the schedules see them: the Gender Equality Centre's and the police's
/// officials and an executive, each an active account in their role. Each test runs the schedules on a clock of its own
/// (a fake clock only goes forward, and tests run in any order) after <see cref="ResetAsync"/>.
/// </summary>
public class ScheduleFixture : ReportingFixture
{
    public ScheduleFixture()
        : this(new DateTimeOffset(2021, 5, 20, 9, 0, 0, TimeSpan.Zero))
    {
    }

    protected ScheduleFixture(DateTimeOffset today)
        : base(today)
    {
    }

    public string CentreId => Permissions.UserId(CentreOfficial)!;

    public string PoliceId => Permissions.UserId(PoliceOfficial)!;

    public string ExecutiveId => Permissions.UserId(Executive)!;

    public NotificationOptions Options { get; } = new() { PublicBaseUrl = "https://1325.example.org" };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await DbFactory.CreateDbContextAsync();
        foreach (var role in Roles.All)
        {
            db.Roles.Add(new IdentityRole(role) { Id = role, NormalizedName = role.ToUpperInvariant() });
        }

        db.Users.Add(new AppUser { Id = ExecutiveId, UserName = "executive@kreminna.local", Email = "executive@kreminna.local", FullName = "Олена Керівна" });
        CommunityId = await db.Plans.Where(p => p.Id == PlanId).Select(p => p.CommunityId).SingleAsync();
        db.CommunityGrants.AddRange(
            new CommunityGrant { UserId = CentreId, Role = Roles.ResponsibleOfficial, CommunityId = CommunityId },
            new CommunityGrant { UserId = PoliceId, Role = Roles.ResponsibleOfficial, CommunityId = CommunityId },
            new CommunityGrant { UserId = ExecutiveId, Role = Roles.Executive, CommunityId = CommunityId });
        await db.SaveChangesAsync();
    }

    /// <summary>Kreminna, the community of the fixture's plan and people.</summary>
    public int CommunityId { get; private set; }

    /// <summary>A path as the scheduled messages link to it: opened in the fixture's community.</summary>
    public string InCommunity(string path, int? planId = null) => NotificationPaths.InCommunity(CommunityId, path, planId);

    /// <summary>An instant given as the Kyiv wall clock shows it.</summary>
    public static DateTimeOffset Kyiv(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, CommunityClock.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public Schedules SchedulesOn(TimeProvider clock)
    {
        var dashboard = new DashboardService(DbFactory, new BudgetReportService(DbFactory), new CommunityClock(clock));
        return new Schedules(DbFactory, clock, Microsoft.Extensions.Options.Options.Create(Options), new WeeklyDigest(dashboard));
    }

    /// <summary>Checks the schedules as the app does at an instant.</summary>
    public Task<ScheduleResult> RunAtAsync(FakeTimeProvider clock, DateTimeOffset at)
    {
        clock.SetUtcNow(at);
        return SchedulesOn(clock).RunDueAsync();
    }

    /// <summary>No messages, reminders or runs yet: each test starts from nothing sent.</summary>
    public async Task ResetAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync("DELETE FROM notifications; DELETE FROM reminder_marks; DELETE FROM schedule_runs;");
        await db.Users.ExecuteUpdateAsync(u => u.SetProperty(x => x.RemindersOff, false).SetProperty(x => x.DigestOff, false).SetProperty(x => x.Culture, (string?)null));
    }

    /// <summary>The person's scheduled messages: the workflow's own (entering the test reports writes some) are another test's.</summary>
    public async Task<List<Notification>> MessagesOfAsync(string userId)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId && (n.Kind == NotificationKind.Reminder || n.Kind == NotificationKind.Digest))
            .OrderBy(n => n.Id).ToListAsync();
    }

    public async Task<List<ScheduleRun>> RunsAsync(string job)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.ScheduleRuns.AsNoTracking().Where(r => r.Job == job).OrderBy(r => r.Day).ToListAsync();
    }

    public async Task SetUserAsync(string userId, bool? remindersOff = null, bool? digestOff = null, string? culture = null)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        user.RemindersOff = remindersOff ?? user.RemindersOff;
        user.DigestOff = digestOff ?? user.DigestOff;
        user.Culture = culture ?? user.Culture;
        await db.SaveChangesAsync();
    }

    /// <summary>Whether a message links to a period's report: the text part lists each period with its address on its own line.</summary>
    public bool Lists(Notification message, int periodId) => Lists(message.TextBody, periodId);

    public bool Lists(string text, int periodId) => Lists(text, CommunityId, periodId);

    /// <summary>Whether the text links to a period's report opened in a given community.</summary>
    public bool Lists(string text, int communityId, int periodId) =>
        text.Contains(Options.Absolute(NotificationPaths.InCommunity(communityId, NotificationPaths.Report(periodId))) + "\n", StringComparison.Ordinal);

    /// <summary>I.4's report for a period entered by the centre's official and taken as far as asked: draft, submitted or approved.</summary>
    public async Task EnterTrainingAsync(int periodId, ReportStatus upTo)
    {
        var form = (await Reports.LoadAsync(Staff, periodId))!.Form;
        ReportWorkflowTests.FillTraining(form);
        var saved = upTo == ReportStatus.Draft ? await Reports.SaveDraftAsync(CentreOfficial, form) : await Reports.SubmitAsync(CentreOfficial, form);
        Assert.True(saved.Saved, saved.Message);
        if (upTo == ReportStatus.Approved)
        {
            var approved = await Reports.ApproveAsync(Staff, saved.Current!.ReportId, saved.Current.Version);
            Assert.True(approved.Saved, approved.Message);
        }
        else if (upTo == ReportStatus.Returned)
        {
            var returned = await Reports.ReturnAsync(Staff, saved.Current!.ReportId, saved.Current.Version, "Уточніть кількість учасників.");
            Assert.True(returned.Saved, returned.Message);
        }
    }
}
