using Npgsql;
using Testcontainers.PostgreSql;

namespace Kreminna1325.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests run against: KREMINNA_TEST_DB (set by scripts/test.sh) first,
/// a Testcontainers container second. Started once per test run; each test class makes its own
/// database on it.
/// </summary>
public static class TestPostgres
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? serverConnectionString;
    private static PostgreSqlContainer? container;

    public static async Task<string> GetServerConnectionStringAsync()
    {
        if (serverConnectionString is not null)
        {
            return serverConnectionString;
        }

        await Gate.WaitAsync();
        try
        {
            serverConnectionString ??= Environment.GetEnvironmentVariable("KREMINNA_TEST_DB") is { Length: > 0 } fromEnv
                ? fromEnv
                : await StartContainerAsync();
            return serverConnectionString;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> StartContainerAsync()
    {
        try
        {
            container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await container.StartAsync(timeout.Token);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return container.GetConnectionString();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException(
                "No PostgreSQL for the tests: KREMINNA_TEST_DB is not set and Testcontainers could not start a container "
                + $"({ex.GetType().Name}: {ex.Message}). Run the tests with scripts/test.sh, which starts a throwaway cluster.",
                ex);
        }
    }

    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var server = await GetServerConnectionStringAsync();
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(await GetServerConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
