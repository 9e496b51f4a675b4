using System.Security.Claims;
using Bunit;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Notifications;
using Kreminna1325.Tests.Monitoring;
using Kreminna1325.Tests.Notifications;
using Kreminna1325.Web.Notifications;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Kreminna1325.Tests.Components;

/// <summary>The bell in the app bar: its count in words, its list, opening one, and new ones arriving without a reload.</summary>
public sealed class NotificationBellTests : IClassFixture<ReportingFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly ReportingFixture f;
    private readonly BunitContext context = new();
    private IRenderedComponent<MudPopoverProvider> popovers = null!;

    public NotificationBellTests(ReportingFixture fixture)
    {
        f = fixture;
        BunitSetup.Prepare(context);
        context.Services.AddSingleton(new Inbox(f.DbFactory, f.Clock));
        context.Services.AddSingleton(f.Changes);
        context.Services.AddSingleton<TimeProvider>(f.Clock);
        context.Services.AddLogging();
        context.AddAuthorization().SetAuthorized("centre@kreminna.local").SetRoles(Roles.ResponsibleOfficial);
        context.Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(f.CentreOfficial));
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.SetRendererInfo(new RendererInfo("Server", true));
    }

    private string Centre => Permissions.UserId(f.CentreOfficial)!;

    public async Task InitializeAsync()
    {
        await NotificationRows.ClearAsync(f.DbFactory);
        popovers = context.Render<MudPopoverProvider>();
    }

    public Task DisposeAsync() => context.DisposeAsync().AsTask();

    private static string NameOf(IRenderedComponent<NotificationBell> bell) => bell.Find("button").GetAttribute("aria-label")!;

    [Fact]
    public async Task The_button_says_how_many_are_unread_and_the_list_shows_them_newest_first()
    {
        var now = new DateTimeOffset(2021, 5, 20, 9, 0, 0, TimeSpan.Zero);
        await NotificationRows.AddAsync(f.DbFactory, Centre, "Звіт повернуто: захід I.4", "/reports/1", now.AddHours(-2));
        await NotificationRows.AddAsync(f.DbFactory, Centre, "Звіт затверджено: захід I.5 <b>", "/reports/2", now.AddHours(-1));

        var bell = context.Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("Сповіщення, непрочитаних: 2", NameOf(bell)), Wait);
        Assert.Equal("2", bell.Find(".bell-count").TextContent.Trim());
        Assert.Equal("true", bell.Find(".bell-count").GetAttribute("aria-hidden"));
        Assert.Equal("false", bell.Find("button").GetAttribute("aria-expanded"));

        await bell.Find("button").ClickAsync(new());

        popovers.WaitForAssertion(() => Assert.Equal(2, popovers.FindAll("[data-notification]").Count), Wait);
        Assert.Equal("true", bell.Find("button").GetAttribute("aria-expanded"));
        var subjects = popovers.FindAll(".notification-subject").Select(s => s.TextContent).ToList();
        Assert.Equal(["Звіт затверджено: захід I.5 <b>", "Звіт повернуто: захід I.4"], subjects);
        Assert.Empty(popovers.FindAll(".notification-subject b"));
        // Kyiv time: 09:00 UTC on 20 May is 12:00 in Kyiv (summer time); the newer one is an hour earlier.
        Assert.Equal("20.05.2021 11:00", popovers.FindAll(".notification-when")[0].TextContent.Trim());
        Assert.Equal(NotificationPaths.Preferences, popovers.Find("[data-action='preferences']").GetAttribute("href"));
    }

    [Fact]
    public async Task Choosing_one_marks_it_read_and_opens_what_it_is_about()
    {
        var id = await NotificationRows.AddAsync(f.DbFactory, Centre, "Звіт повернуто", "/reports/12", f.Clock.GetUtcNow());
        var bell = context.Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("Сповіщення, непрочитаних: 1", NameOf(bell)), Wait);

        await bell.Find("button").ClickAsync(new());
        popovers.WaitForAssertion(() => Assert.Single(popovers.FindAll($"[data-notification='{id}']")), Wait);
        await popovers.Find($"[data-notification='{id}']").ClickAsync(new());

        var navigation = context.Services.GetRequiredService<NavigationManager>();
        bell.WaitForAssertion(() => Assert.EndsWith("/reports/12", navigation.Uri), Wait);
        Assert.NotNull(await NotificationRows.ReadAtAsync(f.DbFactory, id));
        bell.WaitForAssertion(() => Assert.Equal("Сповіщення: немає непрочитаних", NameOf(bell)), Wait);
        Assert.Empty(bell.FindAll(".bell-count"));
    }

    [Fact]
    public async Task Mark_all_read_empties_the_bell()
    {
        await NotificationRows.AddAsync(f.DbFactory, Centre, "1", "/reports/1", f.Clock.GetUtcNow());
        await NotificationRows.AddAsync(f.DbFactory, Centre, "2", "/reports/2", f.Clock.GetUtcNow());
        var bell = context.Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("Сповіщення, непрочитаних: 2", NameOf(bell)), Wait);

        await bell.Find("button").ClickAsync(new());
        popovers.WaitForAssertion(() => Assert.Single(popovers.FindAll("[data-action='mark-all-read']")), Wait);
        await popovers.Find("[data-action='mark-all-read']").ClickAsync(new());

        bell.WaitForAssertion(() => Assert.Equal("Сповіщення: немає непрочитаних", NameOf(bell)), Wait);
        Assert.Equal(0, (await new Inbox(f.DbFactory, f.Clock).UnreadAsync(f.CentreOfficial)).Unread);
    }

    [Fact]
    public async Task Escape_closes_the_list()
    {
        await NotificationRows.AddAsync(f.DbFactory, Centre, "1", "/reports/1", f.Clock.GetUtcNow());
        var bell = context.Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("Сповіщення, непрочитаних: 1", NameOf(bell)), Wait);

        await bell.Find("button").ClickAsync(new());
        popovers.WaitForAssertion(() => Assert.Single(popovers.FindAll("#notification-list")), Wait);
        Assert.Equal("true", bell.Find("button").GetAttribute("aria-expanded"));
        await popovers.Find("#notification-list").KeyDownAsync(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Escape" });

        bell.WaitForAssertion(() => Assert.Equal("false", bell.Find("button").GetAttribute("aria-expanded")), Wait);
        popovers.WaitForAssertion(() => Assert.Empty(popovers.FindAll("#notification-list")), Wait);
    }

    [Fact]
    public async Task A_notification_written_with_a_report_change_appears_without_a_reload()
    {
        var bell = context.Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("Сповіщення: немає непрочитаних", NameOf(bell)), Wait);

        // What the workflow does: the notification commits with the report, then ReportChanges is raised.
        await NotificationRows.AddAsync(f.DbFactory, Centre, "Звіт повернуто", "/reports/3", f.Clock.GetUtcNow());
        f.Changes.Raise(new ReportChange(1));

        bell.WaitForAssertion(() => Assert.Equal("Сповіщення, непрочитаних: 1", NameOf(bell)), Wait);
    }

    [Fact]
    public async Task A_scheduled_reminder_appears_within_a_minute_without_a_report_change()
    {
        var bell = context.Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("Сповіщення: немає непрочитаних", NameOf(bell)), Wait);

        await NotificationRows.AddAsync(f.DbFactory, Centre, "Нагадування", "/my-reports", f.Clock.GetUtcNow());
        f.Clock.Advance(NotificationBell.Refresh);

        bell.WaitForAssertion(() => Assert.Equal("Сповіщення, непрочитаних: 1", NameOf(bell)), Wait);
    }

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
