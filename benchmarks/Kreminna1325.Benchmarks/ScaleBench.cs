using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Kreminna1325.Core;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Dashboard;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Amendments;
using Kreminna1325.Core.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

/// <summary>
/// The issue's scale measurement: Kreminna alone in a fresh database against Kreminna among N communities
/// (BENCH_COMMUNITIES, 1,500 by default), each with a copy of its plan and two years of reports. Pages are measured
/// as their Core calls, signed-in ones through a context scoped to the community as the web app's factory makes it.
/// </summary>
internal static class ScaleBench
{
    private static readonly DateTimeOffset Now = new(2022, 3, 15, 10, 0, 0, TimeSpan.Zero);
    private const int Year = 2021;

    public static async Task RunAsync(string server)
    {
        var communities = int.Parse(Environment.GetEnvironmentVariable("BENCH_COMMUNITIES") ?? "1500", CultureInfo.InvariantCulture);
        var rounds = int.Parse(Environment.GetEnvironmentVariable("BENCH_ROUNDS") ?? "20", CultureInfo.InvariantCulture);
        var keep = Environment.GetEnvironmentVariable("BENCH_KEEP") == "1";
        if (Environment.GetEnvironmentVariable("BENCH_REUSE") == "1")
        {
            // The big database a run with BENCH_KEEP=1 left: its pages again, after an index or a query changed.
            var kept = new NpgsqlConnectionStringBuilder(server) { Database = "k1325_scale_big", CommandTimeout = 600 }.ConnectionString;
            int kreminnaPlan;
            await using (var connection = new NpgsqlConnection(kept))
            {
                await connection.OpenAsync();
                kreminnaPlan = (int)(await ScaleGenerator.ScalarAsync(connection, "SELECT min(id) FROM plans WHERE community_id = 1"))!;
            }

            var figures = await MeasureAllAsync(kept, kreminnaPlan, int.Parse(Environment.GetEnvironmentVariable("BENCH_ROUNDS") ?? "20", CultureInfo.InvariantCulture));
            foreach (var name in figures.Medians.Keys)
            {
                Console.WriteLine($"| {name} | {figures.Medians[name]:0.0} | {figures.P95s[name]:0.0} |");
            }

            return;
        }

        var single = await CreateAsync(server, "k1325_scale_single");
        var big = await CreateAsync(server, "k1325_scale_big");
        try
        {
            var sw = Stopwatch.StartNew();
            var planId = await PrepareAsync(single, 0);
            Console.WriteLine($"One community: {sw.Elapsed.TotalSeconds:0.0} s");
            sw.Restart();
            if (await PrepareAsync(big, communities - 1) != planId)
            {
                throw new InvalidOperationException("Kreminna's plan has another id in the big database: the two would not be the same community.");
            }

            Console.WriteLine($"{communities:N0} communities: {sw.Elapsed.TotalSeconds:0.0} s");
            await using (var connection = new NpgsqlConnection(big))
            {
                await connection.OpenAsync();
                foreach (var table in new[] { "communities", "responsible_bodies", "measures", "reporting_periods", "reports", "indicator_values", "value_breakdowns", "report_spending" })
                {
                    Console.Write($"{table} {await ScaleGenerator.ScalarAsync(connection, $"SELECT count(*) FROM {table}"):N0}; ");
                }

                Console.WriteLine();
            }

            var startup = await StartupAsync(big);
            var a = await MeasureAllAsync(single, planId, rounds);
            var b = await MeasureAllAsync(big, planId, rounds);
            Print(communities, a, b, startup);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await DropAsync(server, "k1325_scale_single");
            if (!keep)
            {
                await DropAsync(server, "k1325_scale_big");
            }
            else
            {
                Console.WriteLine("BENCH_KEEP=1: the database k1325_scale_big is left for EXPLAIN ANALYZE.");
            }
        }
    }

    private static async Task<int> PrepareAsync(string connectionString, int copies)
    {
        var factory = Factory(connectionString, null);
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        var planId = await new PlanLoader(factory, NullLogger<PlanLoader>.Instance).LoadIfEmptyAsync(BuiltInPlan.Read())
            ?? throw new InvalidOperationException("The built-in plan did not load.");
        await using (var db = await factory.CreateDbContextAsync())
        {
            // The official of "My reports": Kreminna's centre for gender equality, as in the demo.
            db.Users.Add(new AppUser { Id = "bench-official", UserName = "official@bench.local", Email = "official@bench.local", FullName = "Посадова особа" });
            await db.SaveChangesAsync();
            var body = await db.ResponsibleBodies.Where(r => r.Name == "Центр гендерної рівності").Select(r => r.Id).SingleAsync();
            db.UserResponsibleBodies.Add(new UserResponsibleBody { UserId = "bench-official", ResponsibleBodyId = body });
            await db.SaveChangesAsync();
        }

        if (copies > 0)
        {
            await ScaleGenerator.CopyCommunitiesAsync(connectionString, copies);
        }

        await ScaleGenerator.ReportsAsync(connectionString);
        return planId;
    }

    /// <summary>
    /// What MigrateAndSeedAsync does on a start with nothing to change, then with one plan in a hundred out of step
    /// (its grace days changed behind the app's back: every due date of the plan moves).
    /// </summary>
    private static async Task<(double InStep, double AllOutOfStep, int Synced)> StartupAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var factory = Factory(connectionString, null);
        var sw = Stopwatch.StartNew();
        await StartAsync(factory);
        var inStep = sw.Elapsed.TotalSeconds;

        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Plans.Where(p => p.Id % 100 == 1).ExecuteUpdateAsync(s => s.SetProperty(p => p.GraceDays, p => p.GraceDays + 1));
        }

        sw.Restart();
        var synced = await StartAsync(factory);
        return (inStep, sw.Elapsed.TotalSeconds, synced);
    }

    private static async Task<int> StartAsync(IDbContextFactory<AppDbContext> factory)
    {
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        await new PlanLoader(factory, NullLogger<PlanLoader>.Instance).LoadIfEmptyAsync(BuiltInPlan.Read());
        return (await PeriodSync.SyncOutOfStepAsync(factory)).Count;
    }

    private sealed record Figures(Dictionary<string, double> Medians, Dictionary<string, double> P95s, double HeldMiB, double AllocatedMiB);

    private static async Task<Figures> MeasureAllAsync(string connectionString, int planId, int rounds)
    {
        NpgsqlConnection.ClearAllPools();
        var anonymous = Factory(connectionString, null);
        int community;
        await using (var db = await anonymous.CreateDbContextAsync())
        {
            community = await db.Plans.Where(p => p.Id == planId).Select(p => p.CommunityId).SingleAsync();
        }

        // Signed-in pages read through a context filtered to the person's community, as CommunityDbContextFactory makes it.
        var scoped = Factory(connectionString, community);
        var clock = new CommunityClock(new FixedClock(Now));
        var budgets = new BudgetReportService(anonymous);
        var publicPlans = new PlanQueries(anonymous);
        var versions = new PlanVersions(anonymous, publicPlans);
        var plans = new PlanQueries(scoped);
        var dashboard = new DashboardService(scoped, new BudgetReportService(scoped), clock);
        var search = new MeasureSearch(scoped);
        var access = new MeasureAccess(scoped);
        var worklist = new Worklist(scoped, clock);
        var executive = Person("bench-executive", community, Roles.Executive);
        var official = Person("bench-official", community, Roles.ResponsibleOfficial);

        var operations = new (string Name, Func<Task<object?>> Work)[]
        {
            ("budget report", async () => await budgets.GetAsync(planId)),
            ("public page's data", async () =>
            {
                var chosen = await publicPlans.ChooseAsync(planId);
                return (await versions.GetPlanAsync(chosen!.Id, PlanVersion.Current), await budgets.GetAsync(planId, PlanVersion.Current), await versions.ListAsync(planId));
            }),
            ("dashboard page's data", () => DashboardPageAsync(plans, dashboard, executive, planId)),
            ("measures grid page's data", async () =>
            {
                var chosen = await plans.ChooseAsync(planId);
                return (await plans.GetAsync(chosen!.Id), await plans.BodiesOfPlanAsync(planId), await search.FindAsync(executive, new MeasureQuery(planId, PageSize: 50)));
            }),
            ("my reports", async () =>
            {
                var chosen = await plans.ChooseAsync(planId);
                var filter = new WorklistFilter(chosen!.Id);
                return (await access.BodiesOfAsync(official), await plans.GetAsync(chosen.Id), await worklist.CountsAsync(official, filter), await worklist.PageAsync(official, filter));
            }),
            ("plan switcher (every page)", async () => await plans.ListAsync()),
        };

        var medians = new Dictionary<string, double>();
        var p95s = new Dictionary<string, double>();
        foreach (var (name, work) in operations)
        {
            await work();
            var times = new List<double>();
            for (var i = 0; i < rounds; i++)
            {
                var sw = Stopwatch.StartNew();
                await work();
                times.Add(sw.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            medians[name] = times[times.Count / 2];
            p95s[name] = times[Math.Min(times.Count - 1, (int)(times.Count * 0.95))];
        }

        // What one open dashboard keeps: its results, measured as the managed heap with and without them.
        var before = GC.GetTotalMemory(true);
        var allocated = GC.GetTotalAllocatedBytes(true);
        var held = await DashboardPageAsync(plans, dashboard, executive, planId);
        var allocatedMiB = (GC.GetTotalAllocatedBytes(true) - allocated) / 1048576.0;
        var heldMiB = (GC.GetTotalMemory(true) - before) / 1048576.0;
        GC.KeepAlive(held);
        return new Figures(medians, p95s, heldMiB, allocatedMiB);
    }

    /// <summary>What DashboardPage reads: the chosen plan, the figures, its directions and the bodies of its filter.</summary>
    private static async Task<object?> DashboardPageAsync(PlanQueries plans, DashboardService dashboard, ClaimsPrincipal user, int planId)
    {
        var chosen = await plans.ChooseAsync(planId);
        var figures = await dashboard.GetAsync(user, new DashboardFilter(chosen!.Id, Year));
        return (chosen, figures, await plans.BodiesOfPlanAsync(chosen.Id));
    }

    private static void Print(int communities, Figures one, Figures many, (double InStep, double AllOutOfStep, int Synced) startup)
    {
        var failed = false;
        Console.WriteLine();
        Console.WriteLine($"Kreminna alone against Kreminna among {communities:N0} communities (median of the rounds; goal: within 1.5×)");
        Console.WriteLine();
        Console.WriteLine($"| operation | 1 community, ms | {communities:N0} communities, ms | p95 at {communities:N0}, ms | ratio | goal |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        foreach (var name in one.Medians.Keys)
        {
            var ratio = many.Medians[name] / one.Medians[name];
            var ok = ratio <= 1.5;
            failed |= !ok;
            Console.WriteLine($"| {name} | {one.Medians[name]:0.0} | {many.Medians[name]:0.0} | {many.P95s[name]:0.0} | {ratio:0.00}× | {(ok ? "met" : "MISSED")} (≤ 1.5×) |");
        }

        var memory = many.HeldMiB / Math.Max(one.HeldMiB, 0.001);
        failed |= memory > 1.5;
        Console.WriteLine($"| managed memory held by one dashboard, MiB | {one.HeldMiB:0.00} | {many.HeldMiB:0.00} | | {memory:0.00}× | {(memory <= 1.5 ? "met" : "MISSED")} (≤ 1.5×) |");
        Console.WriteLine($"| managed memory allocated by one dashboard, MiB | {one.AllocatedMiB:0.0} | {many.AllocatedMiB:0.0} | | {many.AllocatedMiB / one.AllocatedMiB:0.00}× | (for information) |");
        failed |= startup.InStep >= 60 || startup.AllOutOfStep >= 60;
        Console.WriteLine($"| start-up (migrate, seed, period check), periods in step, s | | {startup.InStep:0.0} | | | {(startup.InStep < 60 ? "met" : "MISSED")} (< 60 s) |");
        Console.WriteLine($"| start-up with one plan in a hundred out of step ({startup.Synced:N0} plans synced), s | | {startup.AllOutOfStep:0.0} | | | {(startup.AllOutOfStep < 60 ? "met" : "MISSED")} (< 60 s) |");
        Console.WriteLine("| oblast and national roll-ups p95 | | | | | not yet: no roll-up service (Core/Rollups) on this branch |");
        if (failed)
        {
            Console.WriteLine();
            Console.WriteLine("A goal was missed (see MISSED above).");
            Environment.ExitCode = 1;
        }
    }

    private static ClaimsPrincipal Person(string id, int community, string role) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Role, role), new Claim(CommunityClaims.Community, community.ToString(CultureInfo.InvariantCulture))], "bench"));

    private static IDbContextFactory<AppDbContext> Factory(string connectionString, int? community)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseKreminnaDatabase(connectionString).AddInterceptors(new AuditInterceptor(new SystemActor(), TimeProvider.System));
        return new CommunityFactory(options.Options, community);
    }

    private sealed class CommunityFactory(DbContextOptions<AppDbContext> options, int? community) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => new(options) { CommunityId = community };
    }

    private static async Task<string> CreateAsync(string server, string name)
    {
        await DropAsync(server, name);
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await ScaleGenerator.ExecAsync(connection, $"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(server) { Database = name, CommandTimeout = 600 }.ConnectionString;
    }

    private static async Task DropAsync(string server, string name)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await ScaleGenerator.ExecAsync(connection, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }
}
