using Npgsql;

namespace Kreminna1325.Web.Data;

/// <summary>
/// One instance at a time migrates and seeds a database: two instances started together (or `migrate` run twice)
/// would otherwise both find the roles, demo accounts, demo reports or a plan's periods missing and both write them.
/// The second waits for the first and then finds nothing to do. A session-level advisory lock on a connection of its
/// own, outside the pool: it ends with that session, so an instance that dies while holding it releases it.
/// </summary>
internal sealed class StartLock : IAsyncDisposable
{
    // PlanLoader's seed lock is 0x4B52_1325; this one encloses it.
    private const long Key = 0x4B52_1326;

    private readonly NpgsqlConnection connection;

    private StartLock(NpgsqlConnection connection) => this.connection = connection;

    public static async Task<StartLock> TakeAsync(string connectionString, ILogger logger, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            if (!await RunAsync(connection, $"SELECT pg_try_advisory_lock({Key})", ct))
            {
                logger.LogInformation("Another instance is migrating and seeding this database; waiting for it to finish");
                // No command time-out: the other instance may take minutes over a large database.
                await RunAsync(connection, $"SELECT pg_advisory_lock({Key}) IS NULL", ct);
            }

            return new StartLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private static async Task<bool> RunAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return await command.ExecuteScalarAsync(ct) is true;
    }
}
