using Kreminna1325.Core.Notifications;
using Microsoft.Extensions.Options;

namespace Kreminna1325.Web.Notifications;

/// <summary>
/// Runs the outbox sender every few seconds (Mail:SendEverySeconds). Without Mail:Host it says once that mail is off
/// and sends nothing: the outbox keeps every message for when mail is configured. An error is logged and the next
/// round tries again; it never takes the app down.
/// </summary>
public sealed class OutboxDelivery(
    IServiceScopeFactory scopes, IOptions<MailOptions> options, IOptions<NotificationOptions> links, TimeProvider time,
    ILogger<OutboxDelivery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var mail = options.Value;
        if (!mail.IsOn)
        {
            logger.LogWarning("Mail is off (no Mail:Host): e-mail notifications wait in the outbox until mail is configured");
            return;
        }

        logger.LogInformation("Mail is on: the outbox is sent through {Host}:{Port} ({Security}) from {From}; links lead to {PublicBaseUrl}",
            mail.Host, mail.Port, mail.Security, mail.From, links.Value.PublicBaseUrl);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, mail.SendEverySeconds)), time);
        try
        {
            do
            {
                await RoundAsync(mail, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping; a batch in hand was recorded before this.
        }
    }

    private async Task RoundAsync(MailOptions mail, CancellationToken stoppingToken)
    {
        try
        {
            // A scope per round: the sender's context factory is scoped.
            await using var scope = scopes.CreateAsyncScope();
            var run = await scope.ServiceProvider.GetRequiredService<OutboxSender>().DeliverDueAsync(stoppingToken);
            if (run != DeliveryRun.None)
            {
                logger.LogInformation("Mail: {Sent} sent, {Retrying} to be tried again, {Failed} refused for good",
                    run.Sent, run.Retrying, run.Failed);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The database away, say: the rows stay as they were and the next round claims them again.
            logger.LogError(error, "Mail: delivering the outbox failed; trying again in {Seconds} s", mail.SendEverySeconds);
        }
    }
}
