using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Data;

public static class DatabaseSetup
{
    /// <summary>The one place the provider is configured, shared by the app, tools and tests.</summary>
    public static DbContextOptionsBuilder UseKreminnaDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
}
