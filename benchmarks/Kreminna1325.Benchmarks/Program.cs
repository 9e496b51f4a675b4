using System.Diagnostics;
using System.Security.Claims;
using Kreminna1325.Core;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Dashboard;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Exchange;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

// Measures the queries people wait for on a plan far larger than Kreminna's: many directions,
// a thousand measures, reports for most due periods. Run by scripts/bench.sh; not part of the tests.
var server = Environment.GetEnvironmentVariable("KREMINNA_BENCH_DB")
    ?? throw new InvalidOperationException("Set KREMINNA_BENCH_DB (scripts/bench.sh does).");
if (args.FirstOrDefault() == "scale")
{
    await ScaleBench.RunAsync(server);
    return;
}

var directionsCount = int.Parse(Environment.GetEnvironmentVariable("BENCH_DIRECTIONS") ?? "10");
var measuresPerDirection = int.Parse(Environment.GetEnvironmentVariable("BENCH_MEASURES") ?? "100");
var rounds = int.Parse(Environment.GetEnvironmentVariable("BENCH_ROUNDS") ?? "30");

var database = $"k1325_bench_{Guid.NewGuid():N}"[..30];
await using (var connection = new NpgsqlConnection(server))
{
    await connection.OpenAsync();
    await new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection).ExecuteNonQueryAsync();
}

var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
var options = new DbContextOptionsBuilder<AppDbContext>();
options.UseKreminnaDatabase(connectionString).AddInterceptors(new AuditInterceptor(new SystemActor(), TimeProvider.System));
if (Environment.GetEnvironmentVariable("BENCH_LOG") == "1")
{
    // Each SQL command with its duration, to see which query of an operation costs what.
    options.LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted], Microsoft.Extensions.Logging.LogLevel.Information);
}

var factory = new PooledDbContextFactory<AppDbContext>(options.Options);
try
{
    var sw = Stopwatch.StartNew();
    await using (var db = await factory.CreateDbContextAsync())
    {
        await db.Database.MigrateAsync();
    }

    var planId = await GenerateAsync(factory, directionsCount, measuresPerDirection);
    Console.WriteLine($"Generated {directionsCount} directions × {measuresPerDirection} measures with reports in {sw.Elapsed.TotalSeconds:0.0} s");

    var clock = new FixedClock(new DateTimeOffset(2025, 7, 15, 12, 0, 0, TimeSpan.Zero));
    var budgets = new BudgetReportService(factory);
    var search = new MeasureSearch(factory);
    var anyone = new ClaimsPrincipal(); // the grid's public filters need nobody in particular
    var access = new MeasureAccess(factory);
    var dashboard = new DashboardService(factory, budgets, new CommunityClock(clock));
    var queries = new ReportQueries(factory, access, new CommunityClock(clock));
    var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "bench"), new Claim(ClaimTypes.Role, Roles.Administrator)], "bench"));

    Console.WriteLine();
    Console.WriteLine("| operation | median ms | p95 ms | max ms |");
    Console.WriteLine("|---|---:|---:|---:|");
    if (Environment.GetEnvironmentVariable("BENCH_LOG") == "1")
    {
        await dashboard.GetAsync(admin, new DashboardFilter(planId, 2025));
        return;
    }

    await MeasureAsync("budget report", () => budgets.GetAsync(planId));
    await MeasureAsync("measures grid, page 1 of 50", () => search.FindAsync(anyone, new MeasureQuery(planId, PageSize: 50)));
    await MeasureAsync("measures grid, search 'жінок'", () => search.FindAsync(anyone, new MeasureQuery(planId, Search: "жінок", PageSize: 50)));
    await MeasureAsync("measures grid, page 15, sorted by content", () => search.FindAsync(anyone, new MeasureQuery(planId, Sort: MeasureSort.Content, Page: 15, PageSize: 50)));
    await MeasureAsync("dashboard figures for a year", () => dashboard.GetAsync(admin, new DashboardFilter(planId, 2025)));
    await MeasureAsync("reports behind a figure (overdue)", () => queries.FindAsync(admin, new ReportFilter(planId, 2025, State: ReportListState.Overdue)));
    await MeasureAsync("review queue", () => queries.ReviewQueueAsync(admin, planId));
    await MeasureAsync("plan as DOCX (read, build, write)", () => ExportBench.PlanDocxAsync(new PlanQueries(factory), budgets, planId));
    await MeasureAsync("plan as XLSX (read, build, write)", () => ExportBench.PlanXlsxAsync(new PlanQueries(factory), budgets, planId));
    Console.WriteLine();
    await ExportBench.ReportAsync("Plan as XLSX", () => ExportBench.PlanXlsxAsync(new PlanQueries(factory), budgets, planId));
    var allocated = GC.GetTotalAllocatedBytes(true);
    var docxBytes = await ExportBench.PlanDocxAsync(new PlanQueries(factory), budgets, planId);
    Console.WriteLine($"\nPlan as DOCX: {docxBytes / 1024.0 / 1024.0:0.0} MB; one export allocated {(GC.GetTotalAllocatedBytes(true) - allocated) / 1024.0 / 1024.0:0} MB; the process's peak working set {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:0} MB");

    // The year's annual report (2024: every quarter due), after everything above, so its peak working set includes theirs.
    var annual = new AnnualReportService(factory, new PlanQueries(factory), dashboard);
    await MeasureAsync("annual report 2024 gathered (no document)", () => annual.GetAsync(admin, planId, 2024));
    await MeasureAsync("annual report 2024 as DOCX (gather, build, write)", () => AnnualReportBench.DocxAsync(annual, admin, planId, 2024));
    allocated = GC.GetTotalAllocatedBytes(true);
    var annualBytes = await AnnualReportBench.DocxAsync(annual, admin, planId, 2024);
    Console.WriteLine($"Annual report 2024 as DOCX: {annualBytes / 1024.0 / 1024.0:0.0} MB; one report allocated {(GC.GetTotalAllocatedBytes(true) - allocated) / 1024.0 / 1024.0:0} MB; the process's peak working set {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:0} MB");
    await ImportBench.RunAsync(factory, planId);
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await using var connection = new NpgsqlConnection(server);
    await connection.OpenAsync();
    await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection).ExecuteNonQueryAsync();
}

async Task MeasureAsync<T>(string name, Func<Task<T>> work)
{
    await work(); // warm-up: plans and connections
    var times = new List<double>();
    for (var i = 0; i < rounds; i++)
    {
        var sw = Stopwatch.StartNew();
        await work();
        times.Add(sw.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine($"| {name} | {times[times.Count / 2]:0.0} | {times[(int)(times.Count * 0.95)]:0.0} | {times[^1]:0.0} |");
}

static async Task<int> GenerateAsync(IDbContextFactory<AppDbContext> factory, int directions, int measures)
{
    var random = new Random(1325);
    await using var db = await factory.CreateDbContextAsync();
    var bodies = Enumerable.Range(1, 40).Select(i => new ResponsibleBody { Name = $"Виконавець {i}", ShortName = $"В{i}", Kind = BodyKind.MunicipalInstitution }).ToList();
    db.ResponsibleBodies.AddRange(bodies);
    var plan = new Plan { Municipality = "Велика громада", Title = "План для вимірювань", StartYear = 2021, EndYear = 2025 };
    string[] words = ["жінок", "чоловіків", "безпеки", "навчання", "громади", "насильства", "ВПО", "миру", "моніторингу"];
    for (var d = 1; d <= directions; d++)
    {
        var direction = new Direction { Number = d.ToString(), Title = $"Напрям {d}", Order = d };
        for (var m = 1; m <= measures; m++)
        {
            var measure = new Measure
            {
                Number = m,
                Content = $"Захід {d}.{m}: {string.Join(' ', Enumerable.Range(0, 12).Select(_ => words[random.Next(words.Length)]))}",
                Term = TermParser.Parse(m % 5 == 0 ? "Щорічно" : "Щоквартально"),
            };
            measure.ResponsibleBodies.Add(new MeasureResponsibleBody { ResponsibleBody = bodies[random.Next(bodies.Count)], Position = 1 });
            measure.Indicators.Add(new Indicator { Text = "кількість заходів", Kind = IndicatorKind.Count, Position = 1 });
            measure.Indicators.Add(new Indicator { Text = "кількість учасників (жінок та чоловіків)", Kind = IndicatorKind.Count, Position = 2, Disaggregations = [Disaggregation.Sex] });
            foreach (var year in plan.Years)
            {
                measure.FundingLines.Add(new FundingLine { Source = FundingSource.Local, Year = year, Amount = random.Next(0, 100) });
            }

            direction.Measures.Add(measure);
        }

        plan.Directions.Add(direction);
    }

    db.Plans.Add(plan);
    await db.SaveChangesAsync();
    await PeriodSync.SyncPlanAsync(db, plan.Id);

    // Reports for about two thirds of the due periods, in every state, with a breakdown by sex.
    var today = new DateOnly(2025, 7, 15);
    var due = await db.ReportingPeriods.Where(p => p.Due < today).Select(p => new { p.Id, p.MeasureId }).ToListAsync();
    var indicators = await db.Indicators.Where(i => i.Position == 2).ToDictionaryAsync(i => i.MeasureId, i => i.Id);
    var bench = new Actor(null, "benchmark");
    foreach (var batch in due.Where(_ => random.Next(3) > 0).Chunk(2000))
    {
        await using var bulk = await factory.CreateDbContextAsync();
        foreach (var p in batch)
        {
            var status = (ReportStatus)random.Next(4);
            var women = random.Next(0, 40);
            var men = random.Next(0, 40);
            var value = new IndicatorValue { IndicatorId = indicators[p.MeasureId], MeasureId = p.MeasureId, Number = women + men };
            value.Breakdown.Add(new ValueBreakdown { Dimension = Disaggregation.Sex, Category = "women", Count = women, MeasureId = p.MeasureId });
            value.Breakdown.Add(new ValueBreakdown { Dimension = Disaggregation.Sex, Category = "men", Count = men, MeasureId = p.MeasureId });
            var report = new Report
            {
                PeriodId = p.Id, MeasureId = p.MeasureId, Implementation = (ImplementationStatus)random.Next(4), Narrative = "Виконано",
            };
            // Through the report's own transitions, as people move it.
            if (status != ReportStatus.Draft)
            {
                report.Submit(bench, DateTimeOffset.UtcNow);
            }

            if (status == ReportStatus.Approved)
            {
                report.Approve(bench, DateTimeOffset.UtcNow);
            }
            else if (status == ReportStatus.Returned)
            {
                report.Return(bench, DateTimeOffset.UtcNow, "Уточніть");
            }
            report.Values.Add(value);
            report.Spending.Add(new ReportSpending { Source = FundingSource.Local, Amount = random.Next(0, 20), MeasureId = p.MeasureId });
            bulk.Reports.Add(report);
        }

        await bulk.SaveChangesAsync();
    }

    return plan.Id;
}

internal sealed class SystemActor : ICurrentActor
{
    public ValueTask<Actor> GetAsync(CancellationToken ct = default) => ValueTask.FromResult(Actor.System);

    // The benchmark writes only its generated plan, always as the system.
    public void ActAs(ClaimsPrincipal user) => throw new NotSupportedException("The benchmark acts as the system only.");
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
