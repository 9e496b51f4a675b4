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
    internal static readonly DateTimeOffset Now = new(2022, 3, 15, 10, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(string server)
    {
        var communities = int.Parse(Environment.GetEnvironmentVariable("BENCH_COMMUNITIES") ?? "1500", CultureInfo.InvariantCulture);
        var rounds = int.Parse(Environment.GetEnvironmentVariable("BENCH_ROUNDS") ?? "20", CultureInfo.InvariantCulture);
        var keep = Environment.GetEnvironmentVariable("BENCH_KEEP") == "1";
        if (Environment.GetEnvironmentVariable("BENCH_REUSE") == "1")
        {
            // The databases a run with BENCH_KEEP=1 (or an interrupted run) left: their pages again, after an index or a
            // query changed. Start-up is not measured again: it changes the big database.
            var (one, many) = (await KeptAsync(server, "k1325_scale_single"), await KeptAsync(server, "k1325_scale_big"));
            int kreminnaPlan, count;
            await using (var connection = new NpgsqlConnection(many))
            {
                await connection.OpenAsync();
                kreminnaPlan = (int)(await ScaleGenerator.ScalarAsync(connection, "SELECT min(id) FROM plans WHERE community_id = 1"))!;
                count = (int)(long)(await ScaleGenerator.ScalarAsync(connection, "SELECT count(*) FROM communities"))!;
            }

            var again = await MeasureAllAsync([one, many], kreminnaPlan, rounds);
            Print(count, again[0], again[1], null, (await ScaleRollups.MeasureAsync(one, rounds), await ScaleRollups.MeasureAsync(many, rounds)));
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
            var figures = await MeasureAllAsync([single, big], planId, rounds);
            var across = (await ScaleRollups.MeasureAsync(single, rounds), await ScaleRollups.MeasureAsync(big, rounds));
            Print(communities, figures[0], figures[1], startup, across);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (!keep)
            {
                await DropAsync(server, "k1325_scale_single");
                await DropAsync(server, "k1325_scale_big");
            }
            else
            {
                Console.WriteLine("BENCH_KEEP=1: the databases k1325_scale_single and k1325_scale_big are left for EXPLAIN ANALYZE and BENCH_REUSE=1.");
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

        var planId = await new PlanLoader(factory, TimeProvider.System, NullLogger<PlanLoader>.Instance).LoadIfEmptyAsync(BuiltInPlan.Read())
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

        await new PlanLoader(factory, TimeProvider.System, NullLogger<PlanLoader>.Instance).LoadIfEmptyAsync(BuiltInPlan.Read());
        return (await PeriodSync.SyncOutOfStepAsync(factory)).Count;
    }

    private sealed record Figures(Dictionary<string, double> Medians, Dictionary<string, double> P95s, double HeldMiB, double AllocatedMiB);

    /// <summary>
    /// Each operation on each database in turn, round after round, so a build starting beside the benchmark on a
    /// shared machine slows both sides alike rather than whichever was measured second.
    /// </summary>
    private static async Task<Figures[]> MeasureAllAsync(string[] connectionStrings, int planId, int rounds)
    {
        var pages = new List<ScalePages>();
        foreach (var connectionString in connectionStrings)
        {
            pages.Add(await ScalePages.CreateAsync(connectionString, planId));
        }

        var times = pages.Select(_ => pages[0].Operations.ToDictionary(o => o.Name, _ => new List<double>())).ToArray();
        for (var op = 0; op < pages[0].Operations.Length; op++)
        {
            foreach (var page in pages)
            {
                await page.Operations[op].Work();
            }

            for (var i = 0; i < rounds; i++)
            {
                for (var d = 0; d < pages.Count; d++)
                {
                    var (name, work) = pages[d].Operations[op];
                    var sw = Stopwatch.StartNew();
                    await work();
                    times[d][name].Add(sw.Elapsed.TotalMilliseconds);
                }
            }
        }

        var result = new Figures[pages.Count];
        for (var d = 0; d < pages.Count; d++)
        {
            var sorted = times[d].ToDictionary(t => t.Key, t => t.Value.Order().ToList());

            // What one open dashboard keeps: its results, measured as the managed heap with and without them.
            var before = GC.GetTotalMemory(true);
            var allocated = GC.GetTotalAllocatedBytes(true);
            var held = await pages[d].DashboardAsync();
            var allocatedMiB = (GC.GetTotalAllocatedBytes(true) - allocated) / 1048576.0;
            var heldMiB = (GC.GetTotalMemory(true) - before) / 1048576.0;
            GC.KeepAlive(held);
            result[d] = new Figures(
                sorted.ToDictionary(t => t.Key, t => t.Value[t.Value.Count / 2]),
                sorted.ToDictionary(t => t.Key, t => t.Value[Math.Min(t.Value.Count - 1, (int)(t.Value.Count * 0.95))]),
                heldMiB, allocatedMiB);
        }

        return result;
    }

    private static void Print(int communities, Figures one, Figures many, (double InStep, double AllOutOfStep, int Synced)? measuredStartup,
        (List<ScaleRollups.Timing> One, List<ScaleRollups.Timing> Many) across)
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
        if (measuredStartup is not { } startup)
        {
            Console.WriteLine("| start-up | | | | | not measured (BENCH_REUSE) |");
        }
        else
        {
            failed |= startup.InStep >= 60 || startup.AllOutOfStep >= 60;
            Console.WriteLine($"| start-up (migrate, seed, period check), periods in step, s | | {startup.InStep:0.0} | | | {(startup.InStep < 60 ? "met" : "MISSED")} (< 60 s) |");
            Console.WriteLine($"| start-up with one plan in a hundred out of step ({startup.Synced:N0} plans synced), s | | {startup.AllOutOfStep:0.0} | | | {(startup.AllOutOfStep < 60 ? "met" : "MISSED")} (< 60 s) |");
        }

        for (var i = 0; i < across.Many.Count; i++)
        {
            // Absolute goals: a roll-up of one community is no yardstick for one of eighty.
            var (o, m) = (across.One[i], across.Many[i]);
            failed |= !m.Met;
            Console.WriteLine($"| {m.Name}, {m.Rounds} runs | {o.Median:0.0} | {m.Median:0.0} | {m.P95:0.0} | {m.Median / o.Median:0.00}× | {(m.Goal.StartsWith('p') ? (m.Met ? "met" : "MISSED") + $" ({m.Goal})" : m.Goal)} |");
        }
        if (failed)
        {
            Console.WriteLine();
            Console.WriteLine("A goal was missed (see MISSED above).");
            Environment.ExitCode = 1;
        }
    }

    internal static ClaimsPrincipal Person(string id, int community, string role) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Role, role), new Claim(CommunityClaims.Community, community.ToString(CultureInfo.InvariantCulture))], "bench"));

    internal static IDbContextFactory<AppDbContext> Factory(string connectionString, int? community)
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

    /// <summary>A kept database, brought to this build's schema: the change being measured may be a new index or view.</summary>
    private static async Task<string> KeptAsync(string server, string name)
    {
        var kept = new NpgsqlConnectionStringBuilder(server) { Database = name, CommandTimeout = 600 }.ConnectionString;
        await using var db = await Factory(kept, null).CreateDbContextAsync();
        await db.Database.MigrateAsync();
        return kept;
    }

    private static async Task DropAsync(string server, string name)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await ScaleGenerator.ExecAsync(connection, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }
}
