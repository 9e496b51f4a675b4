using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Notifications;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Notifications;

public class OutboxQueriesTests(OutboxFixture f) : IClassFixture<OutboxFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);

    public Task InitializeAsync() => f.EmptyOutboxAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Staff_see_what_waits_what_failed_and_why_and_when_the_last_one_went_out()
    {
        var ids = await f.WriteAsync(Now, "waits@example.org", "retries@example.org", "failed@example.org", "sent@example.org", "sent-earlier@example.org");
        await using (var db = await f.DbFactory.CreateDbContextAsync())
        {
            await db.Notifications.Where(n => n.Id == ids[1]).ExecuteUpdateAsync(s => s
                .SetProperty(n => n.Attempts, 2).SetProperty(n => n.LastError, "SocketException: Connection refused")
                .SetProperty(n => n.NextAttemptAt, Now.AddMinutes(2)));
            await db.Notifications.Where(n => n.Id == ids[2]).ExecuteUpdateAsync(s => s
                .SetProperty(n => n.Delivery, DeliveryState.Failed).SetProperty(n => n.Attempts, 1)
                .SetProperty(n => n.LastError, "550 Recipient rejected"));
            await db.Notifications.Where(n => n.Id == ids[3]).ExecuteUpdateAsync(s => s
                .SetProperty(n => n.Delivery, DeliveryState.Sent).SetProperty(n => n.SentAt, Now.AddMinutes(5)));
            await db.Notifications.Where(n => n.Id == ids[4]).ExecuteUpdateAsync(s => s
                .SetProperty(n => n.Delivery, DeliveryState.Sent).SetProperty(n => n.SentAt, Now.AddMinutes(1)));
        }

        var summary = await new OutboxQueries(f.DbFactory).SummaryAsync(TestUsers.Staff);

        Assert.Equal((2, 1, Now), (summary.Waiting, summary.WaitingAfterError, summary.OldestWaiting));
        Assert.Equal(1, summary.Failed);
        Assert.Equal(Now.AddMinutes(5), summary.LastSentAt);
        Assert.Equal(
            [("failed@example.org", DeliveryState.Failed, "550 Recipient rejected"), ("retries@example.org", DeliveryState.Pending, "SocketException: Connection refused")],
            summary.Problems.Select(p => (p.ToAddress, p.Delivery, p.Reason)).ToArray());
    }

    [Fact]
    public async Task An_empty_outbox_says_nothing_waits_and_nothing_was_sent()
    {
        var summary = await new OutboxQueries(f.DbFactory).SummaryAsync(TestUsers.InRole(Roles.Administrator));

        Assert.Equal((0, 0, (DateTimeOffset?)null, 0, (DateTimeOffset?)null), (summary.Waiting, summary.WaitingAfterError, summary.OldestWaiting, summary.Failed, summary.LastSentAt));
        Assert.Empty(summary.Problems);
    }

    [Theory]
    [InlineData(Roles.ResponsibleOfficial)]
    [InlineData(Roles.Executive)]
    public async Task Officials_and_executives_are_refused(string role) =>
        await Assert.ThrowsAsync<ForbiddenException>(() => new OutboxQueries(f.DbFactory).SummaryAsync(TestUsers.InRole(role)));
}
