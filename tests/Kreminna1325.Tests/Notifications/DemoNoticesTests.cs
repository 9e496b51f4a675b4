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
        [Kreminna1325.Web.Accounts.DemoCommunities.SecondCommunityKey] = "true",
    };
}

/// <summary>
/// The demo reports are entered through the workflow, so they tell people as a person's would: the demo official finds
/// her reviewed reports in the bell (and local mail), the demo staff member the submissions, linked to the configured address.
/// </summary>
public class DemoNoticesTests(DemoNoticesFixture f) : IClassFixture<DemoNoticesFixture>
{
    [Theory]
    [InlineData("kreminna", "Оксана Демо", "Звіт III.5 за I квартал 2021 повернуто на доопрацювання")]
    [InlineData("rubizhne", "Марія Демо", "Звіт III.5 за I квартал 2022 повернуто на доопрацювання")]
    public async Task The_demo_reports_tell_the_demo_official_and_staff_member_as_the_workflow_does(string community, string reviewer, string subject)
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var communityId = await db.Communities.Where(c => c.Slug == community).Select(c => c.Id).SingleAsync();
        var (staff, official) = ($"staff@{community}.local", $"official@{community}.local");
        var notices = await db.Notifications.AsNoTracking().Include(n => n.User).ToListAsync();
        var demo = await db.Reports.AsNoTracking().Where(r => r.IsDemo && r.CommunityId == communityId)
            .Select(r => new { r.PeriodId, r.Status, r.ReviewComment }).ToListAsync();

        // Every demo report of the community except the draft was submitted once; five were approved, one returned —
        // each told to that community's people only.
        Assert.Equal(demo.Count - 1, notices.Count(n => n.Kind == NotificationKind.ReportSubmitted && n.ToAddress == staff));
        Assert.Equal(5, notices.Count(n => n.Kind == NotificationKind.ReportApproved && n.ToAddress == official));
        Assert.DoesNotContain(notices, n => n.ToAddress is "admin@kreminna.local" or "executive@kreminna.local" or "admin@rubizhne.local"
            or "executive@rubizhne.local" or "oblast@kreminna.local" or "system@kreminna.local");
        Assert.All(notices, n => Assert.Equal(n.User.Email, n.ToAddress));

        var returned = demo.Single(r => r.ReviewComment is not null);
        var notice = Assert.Single(notices, n => n.Kind == NotificationKind.ReportReturned && n.ToAddress == official);
        Assert.Equal(NotificationPaths.Report(returned.PeriodId), notice.Link);
        Assert.Equal(subject, notice.Subject);
        Assert.Contains("Хто повернув: " + reviewer, notice.TextBody);
        Assert.Contains("> " + returned.ReviewComment, notice.TextBody);
        Assert.Contains($"href=\"{DemoNoticesFixture.PublicBaseUrl}/reports/{returned.PeriodId}\"", notice.HtmlBody);
        Assert.Contains($"{DemoNoticesFixture.PublicBaseUrl}/account/notifications", notice.TextBody);
    }
}
