using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Notifications;
using Kreminna1325.Tests.Monitoring;

namespace Kreminna1325.Tests.Notifications;

/// <summary>The bell's rules: a person sees and marks only their own notifications, newest first, with a count.</summary>
public sealed class InboxTests(ReportingFixture f) : IClassFixture<ReportingFixture>, IAsyncLifetime
{
    private Inbox Inbox => new(f.DbFactory, f.Clock);

    public Task InitializeAsync() => NotificationRows.ClearAsync(f.DbFactory);

    public Task DisposeAsync() => Task.CompletedTask;

    private string Centre => Permissions.UserId(f.CentreOfficial)!;

    private string Police => Permissions.UserId(f.PoliceOfficial)!;

    [Fact]
    public async Task Lists_the_persons_unread_newest_first_with_the_count_and_nobody_elses()
    {
        var now = f.Clock.GetUtcNow();
        var older = await NotificationRows.AddAsync(f.DbFactory, Centre, "Звіт повернуто: I.4", "/reports/1", now.AddHours(-3));
        var newer = await NotificationRows.AddAsync(f.DbFactory, Centre, "Звіт затверджено: I.5", "/reports/2", now.AddHours(-1));
        await NotificationRows.AddAsync(f.DbFactory, Centre, "Прочитане", "/reports/3", now.AddHours(-2), readAt: now);
        await NotificationRows.AddAsync(f.DbFactory, Police, "Чуже", "/reports/4", now);

        var bell = await Inbox.UnreadAsync(f.CentreOfficial);

        Assert.Equal(2, bell.Unread);
        Assert.Equal([newer, older], bell.Items.Select(i => i.Id));
        Assert.Equal(["Звіт затверджено: I.5", "Звіт повернуто: I.4"], bell.Items.Select(i => i.Subject));
        Assert.Equal(BellContents.Empty.Unread, (await Inbox.UnreadAsync(TestUsersWithoutId())).Unread);
    }

    [Fact]
    public async Task The_count_covers_more_than_the_list_shows()
    {
        var now = f.Clock.GetUtcNow();
        for (var i = 0; i < Inbox.Listed + 3; i++)
        {
            await NotificationRows.AddAsync(f.DbFactory, Centre, $"№{i}", "/my-reports", now.AddMinutes(i));
        }

        var bell = await Inbox.UnreadAsync(f.CentreOfficial);

        Assert.Equal(Inbox.Listed + 3, bell.Unread);
        Assert.Equal(Inbox.Listed, bell.Items.Count);
        Assert.Equal($"№{Inbox.Listed + 2}", bell.Items[0].Subject);
    }

    [Fact]
    public async Task Opening_marks_read_only_the_owners_notification_and_answers_its_link()
    {
        var mine = await NotificationRows.AddAsync(f.DbFactory, Centre, "Моє", "/reports/12", f.Clock.GetUtcNow());
        var theirs = await NotificationRows.AddAsync(f.DbFactory, Police, "Чуже", "/reports/13", f.Clock.GetUtcNow());

        Assert.Null(await Inbox.OpenAsync(f.CentreOfficial, theirs));
        Assert.Null(await NotificationRows.ReadAtAsync(f.DbFactory, theirs));
        Assert.Null(await Inbox.OpenAsync(f.CentreOfficial, 987654321));

        Assert.Equal("/reports/12", await Inbox.OpenAsync(f.CentreOfficial, mine));
        Assert.Equal(f.Clock.GetUtcNow(), await NotificationRows.ReadAtAsync(f.DbFactory, mine));
        Assert.Equal(0, (await Inbox.UnreadAsync(f.CentreOfficial)).Unread);
        Assert.Equal(1, (await Inbox.UnreadAsync(f.PoliceOfficial)).Unread);
    }

    [Fact]
    public async Task Mark_all_read_marks_only_the_persons_own()
    {
        var now = f.Clock.GetUtcNow();
        await NotificationRows.AddAsync(f.DbFactory, Centre, "1", "/reports/1", now);
        await NotificationRows.AddAsync(f.DbFactory, Centre, "2", "/reports/2", now);
        var theirs = await NotificationRows.AddAsync(f.DbFactory, Police, "3", "/reports/3", now);

        Assert.Equal(2, await Inbox.MarkAllReadAsync(f.CentreOfficial));

        Assert.Equal(0, (await Inbox.UnreadAsync(f.CentreOfficial)).Unread);
        Assert.Null(await NotificationRows.ReadAtAsync(f.DbFactory, theirs));
    }

    [Theory]
    [InlineData("/reports/12", "/reports/12")]
    [InlineData("/my-reports?state=Overdue", "/my-reports?state=Overdue")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("", "/")]
    public void The_bell_follows_only_links_inside_the_app(string stored, string followed) =>
        Assert.Equal(followed, Inbox.AppPath(stored));

    [Fact]
    public async Task A_stored_absolute_link_is_not_followed()
    {
        var id = await NotificationRows.AddAsync(f.DbFactory, Centre, "Підозріле", "https://evil.example/phish", f.Clock.GetUtcNow());

        Assert.Equal("/", await Inbox.OpenAsync(f.CentreOfficial, id));
    }

    private static System.Security.Claims.ClaimsPrincipal TestUsersWithoutId() => new(new System.Security.Claims.ClaimsIdentity());
}
