using Kreminna1325.Core.Data;
using Kreminna1325.Core.Seed;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Web.Data;

public static class DatabaseExtensions
{
    public static void AddDatabase(this WebApplicationBuilder builder)
    {
        // Read at resolve time, so hosts built by tests can supply their own database.
        builder.Services.AddDbContextFactory<AppDbContext>((services, options) =>
        {
            var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString("Default");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "ConnectionStrings:Default is not set. Start the app with scripts/run.sh, or set ConnectionStrings__Default.");
            }

            options.UseKreminnaDatabase(connectionString);
        });
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
    }

    public static void MapDatabaseHealth(this WebApplication app) =>
        app.MapHealthChecks("/health").DisableHttpMetrics().AllowAnonymous();

    /// <summary>Applies pending migrations, then loads the built-in plan into an empty database.</summary>
    public static async Task MigrateAndSeedAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            await db.Database.MigrateAsync(ct);
        }

        if (services.GetRequiredService<IConfiguration>().GetValue("Database:LoadBuiltInPlan", true))
        {
            await services.GetRequiredService<PlanLoader>().LoadIfEmptyAsync(BuiltInPlan.Read(), ct);
        }
    }
}
