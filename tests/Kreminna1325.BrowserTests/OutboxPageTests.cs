using Kreminna1325.BrowserTests.Accessibility;
using Kreminna1325.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests;

/// <summary>The outbox page as council staff read it: mail off, what waits, what failed and why; hostile text stays text.</summary>
public class OutboxPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const float Timeout = 15_000;
    private const string HostileSubject = "<img src=x onerror=\"document.body.dataset.pwned=1\"> Звіт повернуто";

    [Fact]
    public async Task Staff_see_that_mail_is_off_how_many_wait_and_which_failed_with_the_reason()
    {
        await using (var db = await fixture.DbFactory.CreateDbContextAsync())
        {
            var staff = await db.Users.Where(u => u.Email == "staff@kreminna.local").Select(u => u.Id).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            Notification Row(string to, DeliveryState delivery, int attempts, string? error) => new()
            {
                UserId = staff, Kind = NotificationKind.ReportReturned, Subject = HostileSubject, TextBody = "текст", HtmlBody = "<p>текст</p>",
                Link = "/review", CreatedAt = now, ReadAt = now, ToAddress = to, Delivery = delivery, Attempts = attempts,
                NextAttemptAt = now.AddMinutes(4), LastError = error,
            };
            db.Notifications.AddRange(
                Row("waits@example.org", DeliveryState.Pending, 0, null),
                Row("retries@example.org", DeliveryState.Pending, 3, "SocketException: Connection refused"),
                Row("nobody@refused.invalid", DeliveryState.Failed, 1, "550 Recipient rejected"));
            await db.SaveChangesAsync();
        }

        var (context, page) = await fixture.SignInAsync("staff@kreminna.local");
        await using var _ = context;
        await fixture.OpenAsync(page, "/admin/mail");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Пошта", Exact = true })).ToHaveAttributeAsync("href", "/admin/mail", new() { Timeout = Timeout });

        await Assertions.Expect(page.Locator("#outbox-mail")).ToContainTextAsync("Пошта вимкнена", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("[data-figure=waiting]")).ToContainTextAsync("2", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("[data-figure=waiting]")).ToContainTextAsync("з них після помилки: 1");
        await Assertions.Expect(page.Locator("[data-figure=failed]")).ToContainTextAsync("1");
        await Assertions.Expect(page.Locator("[data-figure=last-sent]")).ToContainTextAsync("ще жодного");

        var rows = page.Locator("tr[data-notification]");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        var failed = rows.Filter(new() { HasText = "nobody@refused.invalid" });
        await Assertions.Expect(failed).ToContainTextAsync("550 Recipient rejected");
        await Assertions.Expect(failed).ToContainTextAsync("не доставлено, більше не надсилатиметься");
        await Assertions.Expect(failed).ToContainTextAsync(HostileSubject);
        await Assertions.Expect(rows.Filter(new() { HasText = "retries@example.org" })).ToContainTextAsync("наступна спроба");

        // Again without the Content-Security-Policy, which would stop an injected script anyway, and which axe needs off.
        await using var open = await fixture.Browser.NewContextAsync(new() { StorageState = await context.StorageStateAsync(), BypassCSP = true });
        var bare = await open.NewPageAsync();
        await fixture.OpenAsync(bare, "/admin/mail");
        await Assertions.Expect(bare.Locator("tr[data-notification]")).ToHaveCountAsync(2, new() { Timeout = Timeout });
        await Assertions.Expect(bare.Locator("main img")).ToHaveCountAsync(0);
        Assert.Null(await bare.EvaluateAsync<string?>("() => document.body.dataset.pwned ?? null"));
        await Axe.SettleAsync(bare);
        var violations = await Axe.ViolationsAsync(bare);
        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }
}
