using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kreminna1325.Web.Data;

/// <summary>
/// Data Protection keys in PostgreSQL, so a restart or a second instance keeps people signed in.
/// A context of the web app's own, so the Core library stays free of ASP.NET.
/// </summary>
public sealed class KeysDbContext(DbContextOptions<KeysDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}

internal sealed class KeysDbContextDesignFactory : IDesignTimeDbContextFactory<KeysDbContext>
{
    public KeysDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<KeysDbContext>()
            .UseNpgsql("Host=localhost;Database=kreminna1325_design;Username=postgres",
                npgsql => npgsql.MigrationsHistoryTable("__ef_keys_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .Options);
}
