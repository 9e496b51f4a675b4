using System.Diagnostics;
using System.Security.Claims;
using Kreminna1325.Core;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Dashboard;
using Kreminna1325.Core.Notifications;
using Kreminna1325.Core.Rollups;
using Microsoft.EntityFrameworkCore;

/// <summary>
/// What reads across communities, on the big database: the oblast roll-up (Kreminna's oblast, about 80 communities at
/// 1,500), the national one and its workbook, each a p95 against the 1 s; and the Monday digest of every
/// community, whose time grows with the communities by design (it is read for every community with an executive).
/// </summary>
internal static class ScaleRollups
{
    public sealed record Timing(string Name, double Median, double P95, int Rounds, string Goal, bool Met);

    /// <summary>
    /// Each roll-up <paramref name="rounds"/> times after one warm-up; the digest once, of the first BENCH_DIGEST_COMMUNITIES
    /// (100): it reads one dashboard per community, scoped to it, so its time a community does not depend on how many
    /// there are, and all 1,500 would take most of an hour on a loaded 2-core machine.
    /// </summary>
    public static async Task<List<Timing>> MeasureAsync(string connectionString, int rounds)
    {
        var factory = ScaleBench.Factory(connectionString, null);
        string oblast;
        int communities, inOblast;
        List<int> ids;
        await using (var db = await factory.CreateDbContextAsync())
        {
            oblast = await db.Communities.Where(c => c.Id == 1).Select(c => c.OblastCode).SingleAsync();
            communities = await db.Communities.CountAsync();
            var sample = int.Parse(Environment.GetEnvironmentVariable("BENCH_DIGEST_COMMUNITIES") ?? "100", System.Globalization.CultureInfo.InvariantCulture);
            ids = await db.Communities.OrderBy(c => c.Id).Select(c => c.Id).Take(sample).ToListAsync();
            inOblast = await db.Communities.CountAsync(c => c.OblastCode == oblast);
        }

        var clock = new CommunityClock(new FixedClock(ScaleBench.Now));
        var service = new RollupService(factory, clock);
        var national = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "bench-national"), new Claim(ClaimTypes.Role, Roles.NationalCoordinator)], "bench"));
        var result = new List<Timing>();
        async Task Time(string name, Func<Task> work)
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
            var p95 = times[Math.Min(times.Count - 1, (int)(times.Count * 0.95))];
            result.Add(new Timing(name, times[times.Count / 2], p95, rounds, "p95 < 1 s", p95 < 1000));
        }

        await Time($"oblast roll-up, first page ({inOblast:N0} communities)", () => service.GetAsync(national, new RollupRequest(oblast)));
        await Time($"national roll-up, first page ({communities:N0} communities)", () => service.GetAsync(national, new RollupRequest(null)));
        await Time($"national roll-up workbook (XLSX, {communities:N0} rows)", async () =>
        {
            var rollup = (await service.GetAllAsync(national, null, null))!;
            using var stream = new MemoryStream();
            RollupXlsx.Write(stream, rollup, SheetText);
        });

        // The digest as Schedules runs it: one context, every community with an executive (here all of them).
        var digest = new WeeklyDigest(new DashboardService(factory, new BudgetReportService(factory), clock));
        var today = clock.Today;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        await using (var db = await factory.CreateDbContextAsync())
        {
            var sw = Stopwatch.StartNew();
            var digests = await digest.DigestsAsync(db, ids, monday, today, CancellationToken.None);
            var seconds = sw.Elapsed.TotalSeconds;
            result.Add(new Timing($"Monday digest of {ids.Count:N0} of the {communities:N0} communities ({digests.Sum(d => d.Sections.Count):N0} plan sections), s",
                seconds, seconds, 1, $"{1000 * seconds / ids.Count:0} ms a community (for information)", true));
        }
        return result;
    }

    private static readonly RollupSheetText SheetText = new(
        "Зведення", "Зведення", "Лише затверджені звіти", "Код", "Громада", "План", "Немає плану", "Заходи", s => s.ToString(),
        "Звітів", "Подано", "Частка поданих", "Затверджено", "Частка затверджених", "Прострочено", "Повернуто",
        s => $"Заплановано {s}", s => $"Витрачено {s}", "Жінки", "Чоловіки", "Частка жінок", "Разом");
}
