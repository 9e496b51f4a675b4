using System.Globalization;
using System.Threading.Channels;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Npgsql;

namespace Kreminna1325.Web.Data;

/// <summary>
/// Carries <see cref="ReportChanges"/> and <see cref="PlanChanges"/> between the instances that share one database, so a
/// count in the navigation of one follows a submission through another and a public copy kept by one goes when the
/// plan changes through another. A change committed here is sent with PostgreSQL's NOTIFY (after the commit, as the
/// events are raised); one connection LISTENs and raises what the others sent as if it had happened here. Best effort:
/// while the database is away nothing is heard, and the counts catch up on the next page, the copies on expiry.
/// </summary>
internal sealed class DatabaseChanges : BackgroundService
{
    public const string Channel = "kreminna1325_changes";
    private const string Report = "report";
    private const string Plan = "plan";

    // Tells this instance's own notifications, which come back to its listening connection too, from the others'.
    private readonly string instance = Guid.NewGuid().ToString("N");
    private readonly Channel<string> outgoing = System.Threading.Channels.Channel.CreateUnbounded<string>(new() { SingleReader = true });
    private readonly ReportChanges reports;
    private readonly PlanChanges plans;
    private readonly IConfiguration configuration;
    private readonly ILogger<DatabaseChanges> logger;

    public DatabaseChanges(ReportChanges reports, PlanChanges plans, IConfiguration configuration, ILogger<DatabaseChanges> logger)
    {
        this.reports = reports;
        this.plans = plans;
        this.configuration = configuration;
        this.logger = logger;
        reports.ForwardTo(change => outgoing.Writer.TryWrite(string.Create(CultureInfo.InvariantCulture, $"{instance} {Report} {change.MeasureId}")));
        plans.ForwardTo(() => outgoing.Writer.TryWrite($"{instance} {Plan}"));
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        configuration.GetConnectionString("Default") is { Length: > 0 } connectionString
            ? Task.WhenAll(ListenAsync(connectionString, stoppingToken), SendAsync(connectionString, stoppingToken))
            : Task.CompletedTask;

    private async Task ListenAsync(string connectionString, CancellationToken ct)
    {
        // Out of the pool, with keep-alives: an idle listener would otherwise not notice that the server went away.
        var listener = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;
        var reconnecting = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listener);
                await connection.OpenAsync(ct);
                connection.Notification += (_, e) => Heard(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }

                if (reconnecting)
                {
                    // The plan may have changed elsewhere while this was deaf; the copies are cheap to make again.
                    logger.LogInformation("Listening to the other instances' changes again");
                    Heard($"elsewhere {Plan}");
                }

                while (true)
                {
                    await connection.WaitAsync(ct);
                }
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(e, "Not hearing the other instances' changes; listening again in 5 s");
                reconnecting = true;
                await Task.Delay(TimeSpan.FromSeconds(5), ct).ContinueWith(_ => { }, CancellationToken.None);
            }
            catch (OperationCanceledException)
            {
                // The app is stopping.
            }
        }
    }

    private void Heard(string payload)
    {
        var parts = payload.Split(' ');
        if (parts.Length < 2 || parts[0] == instance)
        {
            return;
        }

        if (parts[1] == Report && parts.Length == 3 && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var measureId))
        {
            reports.RaiseFromElsewhere(new ReportChange(measureId));
        }
        else if (parts[1] == Plan)
        {
            _ = EvictAsync();
        }
    }

    private async Task EvictAsync()
    {
        try
        {
            await plans.RaiseFromElsewhereAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A plan change heard from another instance could not be passed on");
        }
    }

    private async Task SendAsync(string connectionString, CancellationToken ct)
    {
        try
        {
            while (await outgoing.Reader.WaitToReadAsync(ct))
            {
                try
                {
                    await using var connection = new NpgsqlConnection(connectionString);
                    await connection.OpenAsync(ct);
                    while (outgoing.Reader.TryRead(out var payload))
                    {
                        await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                        notify.Parameters.AddWithValue("channel", Channel);
                        notify.Parameters.AddWithValue("payload", payload);
                        await notify.ExecuteNonQueryAsync(ct);
                    }
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    // The change is committed; the others catch up on their next page or when their copies expire.
                    logger.LogWarning(e, "A change could not be told to the other instances");
                    while (outgoing.Reader.TryRead(out _))
                    {
                        // Dropped with it: the database is away, and trying each again would only repeat the error.
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }
}
