using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Notifications;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Kreminna1325.Tests.Notifications;

/// <summary>A database with one person to write messages for; each test empties the outbox first (tests of a class run one by one).</summary>
public sealed class OutboxFixture : TestDatabase
{
    public string UserId { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await DbFactory.CreateDbContextAsync();
        var user = new AppUser { UserName = "outbox@test", Email = "outbox@test", FullName = "Оксана Тест" };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        UserId = user.Id;
    }

    /// <summary>Writes messages to the given addresses the way the app does (<see cref="Outbox.Add"/>), due at <paramref name="now"/>.</summary>
    public async Task<List<long>> WriteAsync(DateTimeOffset now, params string[] addresses)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        var written = addresses.Select((address, i) => Outbox.Add(
                db, new Recipient(UserId, address, "Оксана Тест", CultureInfo.GetCultureInfo("uk-UA"), false, false),
                NotificationKind.ReportReturned, $"/reports/{100 + i}", "Кремінська громада", Options, now,
                () => ($"Звіт повернуто №{i} — {address}", new MessageBody()
                    .Paragraph("Звіт повернуто на доопрацювання.")
                    .Quote("Додайте, будь ласка, <b>список</b> учасників & дати.")
                    .Link("Відкрити звіт", $"/reports/{100 + i}"))))
            .ToList();
        await db.SaveChangesAsync();
        return written.Select(n => n.Id).ToList();
    }

    public async Task<List<Notification>> RowsAsync(IEnumerable<long> ids)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id)).OrderBy(n => n.Id).ToListAsync();
    }

    public async Task EmptyOutboxAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        await db.Notifications.ExecuteDeleteAsync();
    }

    public NotificationOptions Options { get; } = new() { PublicBaseUrl = "https://1325.kreminna.example" };

    public OutboxSender Sender(FakeTimeProvider time, string host, int port, int batchSize = 20) => new(
        DbFactory,
        Microsoft.Extensions.Options.Options.Create(new MailOptions
        {
            Host = host, Port = port, Security = MailSecurity.None, From = "noreply@kreminna.example", FromName = "Кремінна 1325",
        }),
        time,
        NullLogger<OutboxSender>.Instance)
    {
        BatchSize = batchSize, SmtpTimeout = TimeSpan.FromSeconds(10),
    };
}

public class OutboxSenderTests(OutboxFixture f) : IClassFixture<OutboxFixture>, IAsyncLifetime
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => f.EmptyOutboxAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_message_reaches_the_SMTP_server_with_its_subject_recipient_both_parts_and_absolute_links()
    {
        var (host, port) = await TestSmtp.GetServerAsync();
        var to = TestSmtp.NewAddress("official");
        var ids = await f.WriteAsync(time.GetUtcNow(), to);

        var run = await f.Sender(time, host, port).DeliverDueAsync(CancellationToken.None);

        Assert.Equal(new DeliveryRun(1, 0, 0), run);
        var listed = Assert.Single(await TestSmtp.WaitForAsync(to));
        var mail = await TestSmtp.LoadAsync(listed);
        Assert.Equal($"Звіт повернуто №0 — {to}", mail.Subject);
        Assert.Equal(to, Assert.Single(mail.To.Mailboxes).Address);
        var from = Assert.Single(mail.From.Mailboxes);
        Assert.Equal(("noreply@kreminna.example", "Кремінна 1325"), (from.Address, from.Name));
        Assert.Equal($"notification-{ids[0]}@kreminna.example", mail.MessageId);

        var alternative = Assert.IsType<MultipartAlternative>(mail.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType).ToArray());
        Assert.Contains("Звіт повернуто на доопрацювання.", mail.TextBody);
        Assert.Contains("https://1325.kreminna.example/reports/100", mail.TextBody);
        Assert.Contains("href=\"https://1325.kreminna.example/reports/100\"", mail.HtmlBody);
        Assert.Contains("&lt;b&gt;список&lt;/b&gt;", mail.HtmlBody);
        Assert.DoesNotContain("<b>список", mail.HtmlBody);

        var row = Assert.Single(await f.RowsAsync(ids));
        Assert.Equal(DeliveryState.Sent, row.Delivery);
        Assert.Equal(time.GetUtcNow(), row.SentAt);
        Assert.Null(row.LastError);
    }

    [Fact]
    public async Task While_the_server_is_away_messages_wait_with_the_reason_and_go_out_once_when_it_is_back_after_the_back_off()
    {
        var (host, port) = await TestSmtp.GetServerAsync();
        var to = TestSmtp.NewAddress("away");
        var ids = await f.WriteAsync(time.GetUtcNow(), to, to);
        var closedPort = ClosedPort();

        var away = await f.Sender(time, "127.0.0.1", closedPort).DeliverDueAsync(CancellationToken.None);

        Assert.Equal(new DeliveryRun(0, 2, 0), away);
        foreach (var row in await f.RowsAsync(ids))
        {
            Assert.Equal(DeliveryState.Pending, row.Delivery);
            Assert.Equal(1, row.Attempts);
            Assert.Equal(time.GetUtcNow() + TimeSpan.FromMinutes(1), row.NextAttemptAt);
            Assert.False(string.IsNullOrWhiteSpace(row.LastError));
            Assert.Null(row.SentAt);
        }

        // Away again a minute later: the second wait is twice as long.
        time.Advance(TimeSpan.FromMinutes(1));
        await f.Sender(time, "127.0.0.1", closedPort).DeliverDueAsync(CancellationToken.None);
        Assert.All(await f.RowsAsync(ids), row => Assert.Equal((2, time.GetUtcNow() + TimeSpan.FromMinutes(2)), (row.Attempts, row.NextAttemptAt)));

        // The server is back, but the wait is not over: nothing is sent early.
        time.Advance(TimeSpan.FromSeconds(119));
        var early = await f.Sender(time, host, port).DeliverDueAsync(CancellationToken.None);
        Assert.Equal(DeliveryRun.None, early);
        Assert.Empty(await TestSmtp.MessagesToAsync(to));

        time.Advance(TimeSpan.FromSeconds(1));
        var back = await f.Sender(time, host, port).DeliverDueAsync(CancellationToken.None);
        var again = await f.Sender(time, host, port).DeliverDueAsync(CancellationToken.None);

        Assert.Equal(new DeliveryRun(2, 0, 0), back);
        Assert.Equal(DeliveryRun.None, again);
        Assert.Equal(2, (await TestSmtp.WaitForAsync(to, 2)).Count);
        Assert.All(await f.RowsAsync(ids), row => Assert.Equal((DeliveryState.Sent, 3, (string?)null), (row.Delivery, row.Attempts, row.LastError)));
        await Task.Delay(500);
        Assert.Equal(2, (await TestSmtp.MessagesToAsync(to)).Count);
    }

    [Fact]
    public async Task Two_senders_at_once_deliver_each_message_exactly_once()
    {
        var (host, port) = await TestSmtp.GetServerAsync();
        var to = TestSmtp.NewAddress("twice");
        var ids = await f.WriteAsync(time.GetUtcNow(), Enumerable.Repeat(to, 40).ToArray());

        var runs = await Task.WhenAll(
            Task.Run(() => f.Sender(time, host, port, batchSize: 5).DeliverDueAsync(CancellationToken.None)),
            Task.Run(() => f.Sender(time, host, port, batchSize: 5).DeliverDueAsync(CancellationToken.None)));

        Assert.Equal(40, runs.Sum(r => r.Sent));
        var received = await TestSmtp.WaitForAsync(to, 40);
        await Task.Delay(500);
        received = await TestSmtp.MessagesToAsync(to);
        Assert.Equal(40, received.Count);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"Звіт повернуто №{i} — {to}").Order(), received.Select(m => m.Subject).Order());
        Assert.All(await f.RowsAsync(ids), row => Assert.Equal((DeliveryState.Sent, 1), (row.Delivery, row.Attempts)));
    }

    [Fact]
    public async Task Rows_another_sender_holds_are_skipped_not_waited_for_and_go_out_once_released()
    {
        var (host, port) = await TestSmtp.GetServerAsync();
        var to = TestSmtp.NewAddress("held");
        var ids = await f.WriteAsync(time.GetUtcNow(), Enumerable.Repeat(to, 6).ToArray());

        // Another instance in the middle of its batch: it holds the first two rows.
        await using (var other = await f.DbFactory.CreateDbContextAsync())
        await using (var held = await other.Database.BeginTransactionAsync())
        {
            var first = ids.Take(2).ToList();
            await other.Notifications.FromSql($"SELECT * FROM notifications WHERE id = ANY({first}) FOR UPDATE").ToListAsync();

            var run = await f.Sender(time, host, port).DeliverDueAsync(CancellationToken.None);

            Assert.Equal(new DeliveryRun(4, 0, 0), run);
            Assert.Equal(
                [DeliveryState.Pending, DeliveryState.Pending, DeliveryState.Sent, DeliveryState.Sent, DeliveryState.Sent, DeliveryState.Sent],
                (await f.RowsAsync(ids)).Select(r => r.Delivery).ToArray());
            await held.RollbackAsync();
        }

        Assert.Equal(new DeliveryRun(2, 0, 0), await f.Sender(time, host, port).DeliverDueAsync(CancellationToken.None));
        Assert.Equal(6, (await TestSmtp.WaitForAsync(to, 6)).Count);
        await Task.Delay(500);
        Assert.Equal(6, (await TestSmtp.MessagesToAsync(to)).Count);
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_for_good_is_marked_failed_and_the_rest_of_the_batch_goes_out()
    {
        var (host, port) = await TestSmtp.GetServerAsync();
        var refused = $"nobody-{Guid.NewGuid():N}@{TestSmtp.RefusedDomain}";
        var to = TestSmtp.NewAddress("after-refusal");
        var ids = await f.WriteAsync(time.GetUtcNow(), refused, to);

        var run = await f.Sender(time, host, port).DeliverDueAsync(CancellationToken.None);

        Assert.Equal(new DeliveryRun(1, 0, 1), run);
        var rows = await f.RowsAsync(ids);
        Assert.Equal(DeliveryState.Failed, rows[0].Delivery);
        Assert.StartsWith("550", rows[0].LastError);
        Assert.Equal(DeliveryState.Sent, rows[1].Delivery);
        Assert.Single(await TestSmtp.WaitForAsync(to));

        // Failed stays failed: a later run does not try it again.
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(DeliveryRun.None, await f.Sender(time, host, port).DeliverDueAsync(CancellationToken.None));
        Assert.Equal(1, (await f.RowsAsync(ids))[0].Attempts);
    }

    [Fact]
    public async Task An_address_that_is_no_address_is_marked_failed_without_holding_up_the_others()
    {
        var (host, port) = await TestSmtp.GetServerAsync();
        var to = TestSmtp.NewAddress("after-bad-address");
        var ids = await f.WriteAsync(time.GetUtcNow(), "not an address", to);

        var run = await f.Sender(time, host, port).DeliverDueAsync(CancellationToken.None);

        Assert.Equal(new DeliveryRun(1, 0, 1), run);
        Assert.Equal([DeliveryState.Failed, DeliveryState.Sent], (await f.RowsAsync(ids)).Select(r => r.Delivery).ToArray());
    }

    [Fact]
    public async Task A_sender_address_that_is_no_address_is_ours_to_fix_so_the_message_waits_instead_of_failing()
    {
        var (host, port) = await TestSmtp.GetServerAsync();
        var ids = await f.WriteAsync(time.GetUtcNow(), TestSmtp.NewAddress("bad-from"));
        var options = Options.Create(new MailOptions { Host = host, Port = port, Security = MailSecurity.None, From = "no address" });

        var run = await new OutboxSender(f.DbFactory, options, time, NullLogger<OutboxSender>.Instance).DeliverDueAsync(CancellationToken.None);

        Assert.Equal(new DeliveryRun(0, 1, 0), run);
        var row = Assert.Single(await f.RowsAsync(ids));
        Assert.Equal((DeliveryState.Pending, "Mail:From is not an e-mail address."), (row.Delivery, row.LastError));
    }

    [Fact]
    public async Task With_mail_off_nothing_is_claimed_and_the_outbox_keeps_every_message()
    {
        var ids = await f.WriteAsync(time.GetUtcNow(), TestSmtp.NewAddress("off"));
        var off = new OutboxSender(f.DbFactory, Options.Create(new MailOptions()), time, NullLogger<OutboxSender>.Instance);

        Assert.Equal(DeliveryRun.None, await off.DeliverDueAsync(CancellationToken.None));

        var row = Assert.Single(await f.RowsAsync(ids));
        Assert.Equal((DeliveryState.Pending, 0, (string?)null), (row.Delivery, row.Attempts, row.LastError));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 16)]
    [InlineData(6, 30)]
    [InlineData(40, 30)]
    public void The_wait_doubles_from_a_minute_up_to_half_an_hour(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), OutboxMail.BackOff(attempts));

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
