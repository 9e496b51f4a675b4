using Kreminna1325.Core.Data;
using Kreminna1325.Core.Notifications;
using Kreminna1325.Tests.Infrastructure;
using Kreminna1325.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kreminna1325.Tests.Notifications;

/// <summary>The background service that runs the sender in the app: off without a host, on a timer with one, never down on an error.</summary>
public class OutboxDeliveryTests(OutboxFixture f) : IClassFixture<OutboxFixture>, IAsyncLifetime
{
    private static readonly IOptions<NotificationOptions> Links = Options.Create(new NotificationOptions());

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => f.EmptyOutboxAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Without_a_mail_host_it_says_once_that_mail_is_off_and_leaves_the_outbox_alone()
    {
        var ids = await f.WriteAsync(time.GetUtcNow(), TestSmtp.NewAddress("off"));
        var options = Options.Create(new MailOptions());
        var log = new Journal();
        using var delivery = new OutboxDelivery(Scopes(new OutboxSender(f.DbFactory, options, time, NullLogger<OutboxSender>.Instance)), options, Links, time, log);

        await delivery.StartAsync(CancellationToken.None);
        await delivery.ExecuteTask!;
        time.Advance(TimeSpan.FromMinutes(5));
        await delivery.StopAsync(CancellationToken.None);

        var said = Assert.Single(log.Lines);
        Assert.Equal(LogLevel.Warning, said.Level);
        Assert.Contains("Mail is off", said.Text);
        var row = Assert.Single(await f.RowsAsync(ids));
        Assert.Equal((DeliveryState.Pending, 0), (row.Delivery, row.Attempts));
    }

    [Fact]
    public async Task With_a_host_it_sends_what_is_written_later_on_its_next_round()
    {
        var (host, port) = await TestSmtp.GetServerAsync();
        var options = Options.Create(new MailOptions { Host = host, Port = port, Security = MailSecurity.None, SendEverySeconds = 5 });
        using var delivery = new OutboxDelivery(Scopes(new OutboxSender(f.DbFactory, options, time, NullLogger<OutboxSender>.Instance)), options, Links, time, new Journal());
        await delivery.StartAsync(CancellationToken.None);
        try
        {
            // Written now but due in 3 s: the round at start leaves it, the next one, 5 s later on the app's clock, sends it.
            var to = TestSmtp.NewAddress("later");
            await f.WriteAsync(time.GetUtcNow().AddSeconds(3), to);

            await Task.Delay(300);
            Assert.Empty(await TestSmtp.MessagesToAsync(to));
            time.Advance(TimeSpan.FromSeconds(5));

            Assert.Single(await TestSmtp.WaitForAsync(to));
        }
        finally
        {
            await delivery.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task An_error_is_logged_and_the_next_round_goes_on()
    {
        // A database that is not there: every round fails, none takes the service down.
        var broken = new DbContextOptionsBuilder<AppDbContext>();
        broken.UseKreminnaDatabase("Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=1");
        var factory = new PooledDbContextFactory<AppDbContext>(broken.Options);
        var options = Options.Create(new MailOptions { Host = "127.0.0.1", Port = 1, Security = MailSecurity.None, SendEverySeconds = 5 });
        var log = new Journal();
        using var delivery = new OutboxDelivery(Scopes(new OutboxSender(factory, options, time, NullLogger<OutboxSender>.Instance)), options, Links, time, log);

        await delivery.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => log.Errors >= 1);
        time.Advance(TimeSpan.FromSeconds(5));
        await WaitUntilAsync(() => log.Errors >= 2);

        Assert.False(delivery.ExecuteTask!.IsCompleted);
        await delivery.StopAsync(CancellationToken.None);
        Assert.True(delivery.ExecuteTask.IsCompletedSuccessfully);
    }

    private static IServiceScopeFactory Scopes(OutboxSender sender) =>
        new ServiceCollection().AddSingleton(sender).BuildServiceProvider().GetRequiredService<IServiceScopeFactory>();

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The service did not get there in time.");
            await Task.Delay(50);
        }
    }

    private sealed class Journal : ILogger<OutboxDelivery>
    {
        private readonly List<(LogLevel Level, string Text)> lines = [];

        public IReadOnlyList<(LogLevel Level, string Text)> Lines
        {
            get { lock (lines) { return [.. lines]; } }
        }

        public int Errors => Lines.Count(l => l.Level == LogLevel.Error);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (lines)
            {
                lines.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
