using Kreminna1325.Core.Notifications;
using Kreminna1325.Tests.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Notifications;

/// <summary>The app as run.sh starts it, with its public address configured.</summary>
public class DemoNoticesFixture : WebFixture
{
    public const string PublicBaseUrl = "https://1325.kreminna.example";

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Notifications:PublicBaseUrl"] = PublicBaseUrl,
    };
}

/// <summary>
/// The demo reports are entered through the workflow, so they tell people as a person's would: the demo official finds
/// her reviewed reports in the bell (and local mail), the demo staff member the submissions, linked to the configured address.
/// </summary>
public class DemoNoticesTests(DemoNoticesFixture f) : IClassFixture<DemoNoticesFixture>
{
    [Fact]
    public async Task The_demo_reports_tell_the_demo_official_and_staff_member_as_the_workflow_does()
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var notices = await db.Notifications.AsNoTracking().Include(n => n.User).ToListAsync();
        var demo = await db.Reports.AsNoTracking().Where(r => r.IsDemo).Select(r => new { r.PeriodId, r.Status, r.ReviewComment }).ToListAsync();

        // Every demo report except the draft was submitted once; five were approved, one returned.
        Assert.Equal(demo.Count - 1, notices.Count(n => n.Kind == NotificationKind.ReportSubmitted && n.ToAddress == "staff@kreminna.local"));
        Assert.Equal(5, notices.Count(n => n.Kind == NotificationKind.ReportApproved && n.ToAddress == "official@kreminna.local"));
        Assert.DoesNotContain(notices, n => n.ToAddress is "admin@kreminna.local" or "executive@kreminna.local");
        Assert.All(notices, n => Assert.Equal(n.User.Email, n.ToAddress));

        var returned = demo.Single(r => r.ReviewComment is not null);
        var notice = Assert.Single(notices, n => n.Kind == NotificationKind.ReportReturned);
        Assert.Equal(("official@kreminna.local", NotificationPaths.Report(returned.PeriodId)), (notice.ToAddress, notice.Link));
        Assert.Equal("Звіт III.5 за I квартал 2021 повернуто на доопрацювання", notice.Subject);
        Assert.Contains("Хто повернув: Оксана Демо", notice.TextBody);
        Assert.Contains("> " + returned.ReviewComment, notice.TextBody);
        Assert.Contains($"href=\"{DemoNoticesFixture.PublicBaseUrl}/reports/{returned.PeriodId}\"", notice.HtmlBody);
        Assert.Contains($"{DemoNoticesFixture.PublicBaseUrl}/account/notifications", notice.TextBody);
    }
}
