using System.Diagnostics;
using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Exchange;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>The generated plan's workbook imported as a new plan: the dry run and the confirmed import, each with its peak memory.</summary>
internal static class ImportBench
{
    // The Web fills these from its resources; the benchmark needs words the export and the import share.
    private static readonly PlanSheetText Text = new(
        ExportBench.Text,
        new PlanSheetHeadings("Напрям", "Назва напряму", "№ заходу", "№ показника", "Рік", "Рівень", "У документі", "Обчислено", "Різниця",
            "Показник", "Вид показника", "Розбивка", "Назва виконавця", "Коротка назва", "Вид виконавця", "Інші написання", "Вид терміну", "Як написати"),
        s => s.ToString(), k => k.ToString(), k => k.ToString(), k => k.ToString(), k => k.ToString(),
        new PlanSheetExample("Приклад", "I", "Напрям", "Захід", "Виконавець", "Вик.", "Вик-ць", "Щорічно", "Кількість"),
        []);

    private static readonly ClaimsPrincipal Staff =
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "bench"), new Claim(ClaimTypes.Role, Roles.CouncilStaff)], "bench"));

    public static async Task<byte[]> PlanXlsxAsync(IDbContextFactory<AppDbContext> factory, int planId)
    {
        var plans = new PlanQueries(factory);
        var plan = (await plans.GetAsync(planId))!;
        var budget = (await new BudgetReportService(factory).GetAsync(planId))!;
        var named = plan.Directions.SelectMany(d => d.Measures).SelectMany(m => m.ResponsibleBodies).Select(b => b.Id).ToHashSet();
        var bodies = (await plans.ListBodiesAsync()).Where(b => named.Contains(b.Id)).ToList();
        using var stream = new MemoryStream();
        PlanXlsx.Write(stream, plan, budget, bodies, Text);
        return stream.ToArray();
    }

    /// <summary>Times one import and samples the process's working set while it runs, for its peak above the start.</summary>
    public static async Task RunAsync(IDbContextFactory<AppDbContext> factory, int planId)
    {
        var file = await PlanXlsxAsync(factory, planId);
        var importer = new PlanImporter(factory, new PlanFormValidator(), NullLogger<PlanImporter>.Instance);
        Console.WriteLine($"\nPlan as XLSX: {file.Length / 1024.0:0} KB");
        var n = 0;
        foreach (var confirm in new[] { false, false, true, true })
        {
            n++;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var process = Process.GetCurrentProcess();
            var start = process.WorkingSet64;
            var peak = start;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    process.Refresh();
                    peak = Math.Max(peak, process.WorkingSet64);
                    await Task.Delay(5);
                }
            });
            var allocated = GC.GetTotalAllocatedBytes(true);
            var sw = Stopwatch.StartNew();
            var result = await importer.ImportAsync(Staff, new MemoryStream(file), new PlanImportRequest($"Імпорт {n}", "Велика громада", 2021, 2025), Text, confirm);
            var elapsed = sw.Elapsed.TotalMilliseconds;
            await sampling.CancelAsync();
            await sampler;
            if (result.Preview is not { CanImport: true } preview || confirm != result.PlanId.HasValue)
            {
                throw new InvalidOperationException("The generated plan's workbook did not import: "
                    + string.Join("; ", result.Preview?.Problems.Take(5).Select(p => p.Message) ?? []));
            }

            Console.WriteLine($"XLSX import {(confirm ? "confirmed" : "dry run")} ({preview.Measures} measures): {elapsed:0} ms, "
                + $"allocated {(GC.GetTotalAllocatedBytes(true) - allocated) / 1024.0 / 1024.0:0} MB, working set +{(peak - start) / 1024.0 / 1024.0:0} MB at its peak");
        }
    }
}
