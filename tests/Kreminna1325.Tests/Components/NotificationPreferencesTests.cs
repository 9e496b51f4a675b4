using System.Security.Claims;
using Bunit;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Notifications;
using Kreminna1325.Tests.Monitoring;
using Kreminna1325.Web.Notifications;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Kreminna1325.Tests.Components;

/// <summary>The notifications page: the switches are saved on the person, and renewing the calendar address asks first and replaces it.</summary>
public sealed class NotificationPreferencesTests : IClassFixture<ReportingFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly ReportingFixture f;
    private readonly BunitContext context = new();
    private IRenderedComponent<MudDialogProvider> dialogs = null!;

    public NotificationPreferencesTests(ReportingFixture fixture)
    {
        f = fixture;
        BunitSetup.Prepare(context);
        context.Services.AddSingleton(new NotificationSettings(f.DbFactory));
        context.Services.AddSingleton(Options.Create(new NotificationOptions { PublicBaseUrl = "https://plan.example.org" }));
        context.Services.AddLogging();
        context.AddAuthorization().SetAuthorized("centre@kreminna.local").SetRoles(Roles.ResponsibleOfficial);
        context.Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(f.CentreOfficial));
        BunitSetup.Ready(context);
    }

    public Task InitializeAsync()
    {
        dialogs = context.Render<MudDialogProvider>();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => context.DisposeAsync().AsTask();

    private async Task<AppUser> PersonAsync()
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var id = Permissions.UserId(f.CentreOfficial);
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
    }

    [Fact]
    public async Task Saving_stores_the_language_and_the_reminders_switch_on_the_person()
    {
        var page = context.Render<NotificationPreferences>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-switch='reminders']")), Wait);
        // An official gets reminders; the weekly digest is for executives, so it is not offered.
        Assert.Empty(page.FindAll("[data-switch='digest']"));

        await page.Find("[data-switch='reminders']").ChangeAsync(new() { Value = false });
        await page.Find("[data-language='en']").ClickAsync(new());
        await page.Find("[data-action='save']").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Налаштування сповіщень збережено.", page.Find("#notify-prefs-result").TextContent.Trim()), Wait);
        var person = await PersonAsync();
        Assert.True(person.RemindersOff);
        Assert.False(person.DigestOff);
        Assert.Equal("en-US", person.Culture);
        Assert.Equal("en-US", Recipients.CultureOf(person.Culture).Name);

        // Back on: the page opens with what was stored.
        var again = context.Render<NotificationPreferences>();
        again.WaitForAssertion(() => Assert.Single(again.FindAll("[data-switch='reminders']")), Wait);
        Assert.False(again.Find("[data-switch='reminders']").HasAttribute("checked"));
        await again.Find("[data-switch='reminders']").ChangeAsync(new() { Value = true });
        await again.Find("[data-language='uk']").ClickAsync(new());
        await again.Find("[data-action='save']").ClickAsync(new());
        again.WaitForAssertion(() => Assert.Equal("Налаштування сповіщень збережено.", again.Find("#notify-prefs-result").TextContent.Trim()), Wait);
        person = await PersonAsync();
        Assert.False(person.RemindersOff);
        Assert.Equal("uk-UA", person.Culture);
    }

    [Fact]
    public async Task The_calendar_address_is_the_persons_own_and_renewing_it_asks_first_then_replaces_it()
    {
        var page = context.Render<NotificationPreferences>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-action='renew']")), Wait);
        var token = (await PersonAsync()).CalendarToken!;
        Assert.Equal($"https://plan.example.org/calendar/{token}.ics", page.Find("#calendar-address-input").GetAttribute("value"));

        // Cancelled: nothing changes.
        // The click's handler waits for the answer to the question, so the clicks are not awaited.
        page.Find("[data-action='renew']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Стара адреса перестане працювати", dialogs.Markup), Wait);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Скасувати").Click();
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Стара адреса перестане працювати", dialogs.Markup), Wait);
        Assert.Equal(token, (await PersonAsync()).CalendarToken);

        page.Find("[data-action='renew']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains(dialogs.FindAll("button"), b => b.TextContent.Trim() == "Оновити"), Wait);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Оновити").Click();

        page.WaitForAssertion(() => Assert.Equal("Адресу календаря оновлено: стара більше не працює.", page.Find("#notify-prefs-result").TextContent.Trim()), Wait);
        var renewed = (await PersonAsync()).CalendarToken!;
        Assert.NotEqual(token, renewed);
        Assert.Equal($"https://plan.example.org/calendar/{renewed}.ics", page.Find("#calendar-address-input").GetAttribute("value"));
    }

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
