using Kreminna1325.Core.Notifications;
using Microsoft.Extensions.Options;

namespace Kreminna1325.Web.Notifications;

/// <summary>
/// Checks the schedules (<see cref="Schedules"/>) at start and then every minute on <see cref="TimeProvider"/>'s clock.
/// A failed check is logged and tried again the next minute; it never stops the app. Off where
/// Notifications:Schedules is false (any number of instances may run it: a slot runs once).
/// </summary>
internal sealed class ScheduleWorker(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<NotificationOptions> options, ILogger<ScheduleWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Schedules)
        {
            logger.LogInformation("Schedules are off on this instance (Notifications:Schedules=false): no reminders or digests start here");
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                await CheckAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }

    private async Task CheckAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<Schedules>().RunDueAsync(ct);
            if (result.Reminders is { } reminders)
            {
                logger.LogInformation("Daily reminders ran: {Messages} message(s)", reminders);
            }

            if (result.Digests is { } digests)
            {
                logger.LogInformation("Weekly digest ran: {Messages} message(s)", digests);
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogError(e, "Checking the notification schedules failed; trying again in a minute");
        }
    }
}
