using Kreminna1325.Core.Data;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kreminna1325.Core.Notifications;

/// <summary>What one run of the sender did.</summary>
public sealed record DeliveryRun(int Sent, int Retrying, int Failed)
{
    public static readonly DeliveryRun None = new(0, 0, 0);

    public DeliveryRun Add(DeliveryRun other) => new(Sent + other.Sent, Retrying + other.Retrying, Failed + other.Failed);
}

/// <summary>
/// Delivers the outbox through SMTP. A batch of due rows is claimed with <c>FOR UPDATE SKIP LOCKED</c> in a
/// transaction that stays open until every row of it is marked: another instance skips them meanwhile, and a row is
/// marked Sent in the same transaction that held it, so no two senders send one message.
/// </summary>
public sealed class OutboxSender(
    IDbContextFactory<AppDbContext> dbFactory, IOptions<MailOptions> mailOptions, TimeProvider time, ILogger<OutboxSender> logger)
{
    /// <summary>How many rows one transaction and one SMTP connection carry.</summary>
    public int BatchSize { get; init; } = 20;

    /// <summary>How long one SMTP command may take before the connection counts as lost.</summary>
    public TimeSpan SmtpTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Sends what is due now, batch after batch, until nothing due is left or the server cannot be reached.</summary>
    public async Task<DeliveryRun> DeliverDueAsync(CancellationToken ct)
    {
        var mail = mailOptions.Value;
        if (!mail.IsOn)
        {
            return DeliveryRun.None;
        }

        var total = DeliveryRun.None;
        while (true)
        {
            var (run, claimed, reachable) = await DeliverBatchAsync(mail, ct);
            total = total.Add(run);
            if (claimed < BatchSize || !reachable)
            {
                return total;
            }
        }
    }

    private async Task<(DeliveryRun Run, int Claimed, bool Reachable)> DeliverBatchAsync(MailOptions mail, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var batch = await db.Notifications
            .FromSql($"""
                SELECT * FROM notifications
                WHERE delivery = 'Pending' AND next_attempt_at <= {now}
                ORDER BY next_attempt_at, id
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        if (batch.Count == 0)
        {
            return (DeliveryRun.None, 0, true);
        }

        var run = DeliveryRun.None;
        var reachable = true;
        using (var client = new SmtpClient { Timeout = (int)SmtpTimeout.TotalMilliseconds })
        {
            try
            {
                await client.ConnectAsync(mail.Host!, mail.Port, OutboxMail.SocketOptions(mail.Security), ct);
                if (!string.IsNullOrEmpty(mail.User))
                {
                    await client.AuthenticateAsync(mail.User, mail.Password ?? "", ct);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Nothing of this batch reached the server: all of it waits, and so does everything after it.
                logger.LogWarning("Mail: the SMTP server {Host}:{Port} cannot be reached ({Reason}); {Count} message(s) wait",
                    mail.Host, mail.Port, OutboxMail.Describe(error), batch.Count);
                foreach (var notification in batch)
                {
                    Retry(notification, error, now);
                }

                run = new DeliveryRun(0, batch.Count, 0);
                reachable = false;
            }

            if (reachable)
            {
                run = await SendAllAsync(client, batch, mail, now, ct);
                reachable = client.IsConnected;
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true, CancellationToken.None);
                }
            }
        }

        // Recorded whatever the token says: what went out must be marked, or the next run would send it again.
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return (run, batch.Count, reachable);
    }

    private async Task<DeliveryRun> SendAllAsync(
        SmtpClient client, List<Notification> batch, MailOptions mail, DateTimeOffset now, CancellationToken ct)
    {
        int sent = 0, retrying = 0, failed = 0;
        foreach (var notification in batch)
        {
            if (!client.IsConnected || ct.IsCancellationRequested)
            {
                // The connection broke or the app is stopping: the rest are released as they were, due now.
                continue;
            }

            try
            {
                await client.SendAsync(OutboxMail.Compose(notification, mail, now), ct);
                notification.Delivery = DeliveryState.Sent;
                notification.SentAt = time.GetUtcNow();
                notification.Attempts++;
                notification.LastError = null;
                sent++;
            }
            catch (OperationCanceledException)
            {
                // Stopped in the middle of a message: whether it went out is unknown; its id lets a receiver drop a copy.
            }
            catch (Exception error) when (OutboxMail.IsPermanent(error))
            {
                notification.Delivery = DeliveryState.Failed;
                notification.Attempts++;
                notification.LastError = OutboxMail.Describe(error);
                logger.LogWarning("Mail: notification {Id} refused for good: {Reason}", notification.Id, notification.LastError);
                failed++;
            }
            catch (Exception error)
            {
                Retry(notification, error, now);
                logger.LogWarning("Mail: notification {Id} waits for another attempt: {Reason}", notification.Id, notification.LastError);
                retrying++;
            }
        }

        return new DeliveryRun(sent, retrying, failed);
    }

    private static void Retry(Notification notification, Exception error, DateTimeOffset now)
    {
        notification.Attempts++;
        notification.LastError = OutboxMail.Describe(error);
        notification.NextAttemptAt = now + OutboxMail.BackOff(notification.Attempts);
    }
}
