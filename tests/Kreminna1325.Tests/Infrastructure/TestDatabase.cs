using System.Text.RegularExpressions;
using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kreminna1325.Tests.Infrastructure;

/// <summary>A fresh, migrated database for one test class; dropped when the class is done.</summary>
public class TestDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";
    public IDbContextFactory<AppDbContext> DbFactory { get; private set; } = null!;

    /// <summary>Who the audit says is acting in this class's direct service calls; the system unless a test says otherwise.</summary>
    public TestActor Actor { get; } = new();

    public virtual async Task InitializeAsync()
    {
        var prefix = Regex.Replace(GetType().Name.ToLowerInvariant(), "[^a-z0-9]", "");
        ConnectionString = await TestPostgres.CreateDatabaseAsync($"k1325_{prefix}");
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseKreminnaDatabase(ConnectionString).AddInterceptors(new AuditInterceptor(Actor, TimeProvider.System));
        DbFactory = new PooledDbContextFactory<AppDbContext>(options.Options);
        await using var db = await DbFactory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }

    public virtual Task DisposeAsync() => TestPostgres.DropDatabaseAsync(ConnectionString);

    public PlanLoader CreateLoader() => new(DbFactory, TimeProvider.System, NullLogger<PlanLoader>.Instance);
}

/// <summary>A fresh database holding the built-in Kreminna plan.</summary>
public class SeededDatabase : TestDatabase
{
    public int PlanId { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        PlanId = await CreateLoader().LoadIfEmptyAsync(BuiltInPlan.Read())
            ?? throw new InvalidOperationException("The built-in plan did not load into an empty database.");
    }
}

public sealed class TestActor : ICurrentActor
{
    public Actor Current { get; set; } = Actor.System;

    public ValueTask<Actor> GetAsync(CancellationToken ct = default) => ValueTask.FromResult(Current);

    public void ActAs(System.Security.Claims.ClaimsPrincipal user) => Current = Actor.Of(user);
}
