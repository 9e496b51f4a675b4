using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Seed;
using Kreminna1325.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Web.Data;

public static class DatabaseExtensions
{
    public static void AddDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentActor>();
        builder.Services.AddScoped<ICurrentActor>(services => services.GetRequiredService<CurrentActor>());

        builder.Services.AddScoped<Monitoring.DemoReports>();
        builder.Services.AddSingleton<PlanChanges>();
        builder.Services.AddSingleton<PlanChangeInterceptor>();
        builder.Services.AddHostedService<DatabaseChanges>();

        // Scoped, so each request or circuit gets contexts whose audit knows who is acting.
        builder.Services.AddDbContextFactory<AppDbContext>(
            (services, options) => options
                .UseKreminnaDatabase(ConnectionString(services))
                .AddInterceptors(
                    new AuditInterceptor(services.GetRequiredService<ICurrentActor>(), services.GetRequiredService<TimeProvider>()),
                    services.GetRequiredService<PlanChangeInterceptor>()),
            ServiceLifetime.Scoped);
        builder.Services.AddDbContext<KeysDbContext>(
            (services, options) => options.UseNpgsql(ConnectionString(services), npgsql => npgsql.MigrationsHistoryTable("__ef_keys_migrations_history"))
                .UseSnakeCaseNamingConvention());
        // The context itself is registered scoped by AddDbContextFactory; the check asks it whether PostgreSQL answers.
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
    }

    // Read at resolve time, so hosts built by tests can supply their own database.
    private static string ConnectionString(IServiceProvider services)
    {
        var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString("Default");
        return string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException(
                "ConnectionStrings:Default is not set. Start the app with scripts/run.sh, or set ConnectionStrings__Default.")
            : connectionString;
    }

    public static void MapDatabaseHealth(this WebApplication app) =>
        app.MapHealthChecks("/health").DisableHttpMetrics().AllowAnonymous();

    /// <summary>
    /// Applies pending migrations, creates the roles, loads the built-in plan into an empty
    /// database and, in run.sh's own cluster, the demo accounts and reports.
    /// </summary>
    public static async Task MigrateAndSeedAsync(this IServiceProvider rootServices, CancellationToken ct = default)
    {
        // Several instances may start at once on one database: one migrates and seeds, the others wait and find it done.
        var logger = rootServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartLock));
        await using var startLock = await StartLock.TakeAsync(ConnectionString(rootServices), logger, ct);
        await MigrateAndSeedOnceAsync(rootServices, ct);
    }

    private static async Task MigrateAndSeedOnceAsync(IServiceProvider rootServices, CancellationToken ct)
    {
        await using var scope = rootServices.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            await db.Database.MigrateAsync(ct);
        }

        await services.GetRequiredService<KeysDbContext>().Database.MigrateAsync(ct);
        await services.GetRequiredService<AccountSetup>().EnsureRolesAsync();

        var configuration = services.GetRequiredService<IConfiguration>();
        if (configuration.GetValue("Database:LoadBuiltInPlan", true))
        {
            await services.GetRequiredService<PlanLoader>().LoadIfEmptyAsync(BuiltInPlan.Read(), ct);
        }

        // Periods follow terms and plans (and the schedule's rules, which a release may change), so every start
        // makes sure; only plans out of step are written, each in its own context.
        await Kreminna1325.Core.Monitoring.PeriodSync.SyncOutOfStepAsync(factory, ct);

        if (Kreminna1325.Web.Deployment.DemoMode.IsOn(configuration))
        {
            // The second demo community (Kreminna's plan is the built-in one above): its plan first, then everyone's accounts.
            if (configuration.GetValue(DemoCommunities.SecondCommunityKey, true))
            {
                await services.GetRequiredService<PlanLoader>().LoadIfEmptyAsync(DemoCommunities.Rubizhne.Plan(), DemoCommunities.Rubizhne.Community, ct);
            }

            await services.GetRequiredService<AccountSetup>().EnsureDemoAccountsAsync();
            await services.GetRequiredService<Kreminna1325.Web.Monitoring.DemoReports>().SeedAsync(ct);
        }
    }
}
