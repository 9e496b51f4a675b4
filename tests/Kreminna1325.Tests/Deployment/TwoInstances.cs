using System.Net;
using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Kreminna1325.Tests.Infrastructure;
using Kreminna1325.Web.Communities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Tests.Deployment;

/// <summary>
/// The app started twice, at the same moment, against one empty PostgreSQL database: both migrate and seed (as run.sh's
/// own cluster does, demo data included), both run the schedules and send the outbox through the test SMTP server.
/// Both are in Production behind TLS, as a real deployment's instances behind one proxy are.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";
    public KreminnaWebFactory A { get; private set; } = null!;
    public KreminnaWebFactory B { get; private set; } = null!;
    public IDbContextFactory<AppDbContext> DbFactory { get; private set; } = null!;

    /// <summary>What went wrong at start, if anything: kept for the test that says so, so the others fail with it too.</summary>
    public Exception? StartFailure { get; private set; }

    public async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync("k1325_twoinstances");
        var (host, port) = await TestSmtp.GetServerAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:Schedules"] = "true",
            ["Mail:Host"] = host,
            ["Mail:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Security"] = "None",
            ["Mail:SendEverySeconds"] = "1",
        };
        A = new KreminnaWebFactory(ConnectionString, settings: settings);
        B = new KreminnaWebFactory(ConnectionString, settings: settings);
        try
        {
            // Each start migrates and seeds before it serves; both begin before either has written anything.
            using var ready = new Barrier(2);
            await Task.WhenAll(
                Task.Run(() => { ready.SignalAndWait(); _ = A.Server; }),
                Task.Run(() => { ready.SignalAndWait(); _ = B.Server; }));
        }
        catch (Exception e)
        {
            StartFailure = e;
        }

        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseKreminnaDatabase(ConnectionString);
        DbFactory = new PooledDbContextFactory<AppDbContext>(options.Options);
    }

    public void EnsureStarted()
    {
        if (StartFailure is not null)
        {
            throw new InvalidOperationException("The two instances did not both start on the one database.", StartFailure);
        }
    }

    /// <summary>A browser's cookie jar: clients of both instances made with one jar carry the same cookies, as a proxy would send them.</summary>
    public static HttpClient Client(KreminnaWebFactory instance, CookieContainer jar) =>
        instance.CreateDefaultClient(instance.ClientOptions.BaseAddress, new CookieContainerHandler(jar));

    /// <summary>The person as the instance sees them in a request: signed in, acting in their first community.</summary>
    public static async Task<ClaimsPrincipal> PrincipalAsync(KreminnaWebFactory instance, string email)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}");
        var principal = await principals.CreateAsync(user);
        return CommunityRoles.InCommunity(principal, CommunityClaims.GrantedCommunities(principal) is [var first, ..] ? first : null);
    }

    public static async Task<T> InScopeAsync<T>(KreminnaWebFactory instance, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(ConnectionString);
    }
}
