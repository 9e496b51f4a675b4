using System.Net;
using System.Net.Sockets;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MimeKit;

namespace Kreminna1325.BrowserTests;

/// <summary>The app with mail on, delivering to the tests' SMTP server, its links made from the address it listens at.</summary>
public sealed class MailBrowserFixture : BrowserFixture
{
    protected override async Task<int> ConfigureAsync(Dictionary<string, string?> settings)
    {
        var (host, port) = await TestSmtp.GetServerAsync();
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var appPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        settings["Mail:Host"] = host;
        settings["Mail:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Mail:Security"] = "None";
        settings["Mail:SendEverySeconds"] = "1";
        settings["Notifications:PublicBaseUrl"] = $"http://127.0.0.1:{appPort}";
        return appPort;
    }
}

/// <summary>
/// The end-to-end path: council staff return a report with a comment, the official's e-mail arrives in the SMTP
/// server with that comment and a link that opens the report, and the official's bell shows it.
/// </summary>
public class NotificationMailTests(MailBrowserFixture fixture) : IClassFixture<MailBrowserFixture>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task Returning_a_report_mails_the_official_the_comment_and_a_link_that_opens_it_and_rings_the_bell()
    {
        // The demo's I.4 report for Q1 2021 waits for review.
        int periodId;
        await using (var db = await fixture.DbFactory.CreateDbContextAsync())
        {
            periodId = await db.ReportingPeriods
                .Where(p => p.Measure.Direction.Number == "I" && p.Measure.Number == 4 && p.Year == 2021 && p.Sequence == 1)
                .Select(p => p.Id).SingleAsync();
        }

        var comment = $"Додайте протокол тренінгу ({Guid.NewGuid():N}) <b>до звіту</b>.";
        var (staffContext, staff) = await fixture.SignInAsync("staff@kreminna.local");
        await using var _s = staffContext;
        await fixture.OpenAsync(staff, $"/reports/{periodId}");
        await staff.Locator("[data-field='review-comment'] textarea, textarea[data-field='review-comment']").First.FillAsync(comment);
        await staff.Locator("[data-action='return']").ClickAsync();
        await Assertions.Expect(staff.Locator(".mud-chip[data-state='Returned']").First).ToBeVisibleAsync(new() { Timeout = Timeout });

        // The e-mail: to the official, about the return, with the comment as typed and the report's address.
        var mail = await ReturnedMailAsync("official@kreminna.local", comment);
        Assert.Contains("I.4", mail.Subject);
        Assert.Contains("official@kreminna.local", mail.To.Mailboxes.Select(m => m.Address));
        Assert.Contains(comment, mail.TextBody);
        Assert.Contains(WebUtility.HtmlEncode(comment), mail.HtmlBody);
        var link = $"{fixture.BaseUrl}/reports/{periodId}";
        Assert.Contains(link, mail.TextBody);
        Assert.Contains($"href=\"{link}\"", mail.HtmlBody);

        // The official's bell shows it, and opening it there goes to the report, with the comment.
        var (officialContext, official) = await fixture.SignInAsync("official@kreminna.local");
        await using var _o = officialContext;
        await fixture.OpenAsync(official, "/my-reports");
        var bell = official.Locator(".notification-bell button[data-unread]").First;
        await Assertions.Expect(bell).Not.ToHaveAttributeAsync("data-unread", "0", new() { Timeout = Timeout });
        var unread = int.Parse((await bell.GetAttributeAsync("data-unread"))!, System.Globalization.CultureInfo.InvariantCulture);
        await bell.ClickAsync();
        var item = official.Locator(".notification-list [data-notification]").Filter(new() { HasText = mail.Subject });
        await Assertions.Expect(item).ToHaveCountAsync(1, new() { Timeout = Timeout });
        await item.ClickAsync();
        await Assertions.Expect(official).ToHaveURLAsync(link, new() { Timeout = Timeout });
        await BrowserFixture.InteractiveAsync(official);
        await Assertions.Expect(official.Locator("#review-comment")).ToContainTextAsync(comment, new() { Timeout = Timeout });
        await Assertions.Expect(official.Locator(".notification-bell button[data-unread]").First)
            .ToHaveAttributeAsync("data-unread", (unread - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = Timeout });

        // The e-mail's own link opens the same report for the signed-in official.
        await fixture.OpenAsync(official, "/my-reports");
        await official.GotoAsync(link);
        await BrowserFixture.InteractiveAsync(official);
        await Assertions.Expect(official.Locator("#review-comment")).ToContainTextAsync(comment, new() { Timeout = Timeout });
        await Assertions.Expect(official.Locator(".mud-chip[data-state='Returned']").First).ToBeVisibleAsync(new() { Timeout = Timeout });
    }

    private static async Task<MimeMessage> ReturnedMailAsync(string address, string comment)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            foreach (var message in await TestSmtp.MessagesToAsync(address))
            {
                var mail = await TestSmtp.LoadAsync(message);
                if (mail.TextBody?.Contains(comment, StringComparison.Ordinal) == true)
                {
                    return mail;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"No e-mail to {address} with the comment arrived within a minute.");
            await Task.Delay(500);
        }
    }
}
