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
    private static readonly PlanSheetText Text = ExportBench.SheetText;

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

    /// <summary>Times each import, with what it allocated and the process's peak working set while it ran (reset before it).</summary>
    public static async Task RunAsync(IDbContextFactory<AppDbContext> factory, int planId)
    {
        var file = await PlanXlsxAsync(factory, planId);
        var importer = new PlanImporter(factory, new PlanFormValidator(), NullLogger<PlanImporter>.Instance);
        Console.WriteLine($"\nPlan as XLSX to import: {file.Length / 1024.0:0} KB");
        var n = 0;
        foreach (var confirm in new[] { false, false, true, true })
        {
            n++;
            var reset = ExportBench.ResetPeakWorkingSet();
            var before = Process.GetCurrentProcess().WorkingSet64;
            var allocated = GC.GetTotalAllocatedBytes(true);
            var sw = Stopwatch.StartNew();
            var result = await importer.ImportAsync(Staff, new MemoryStream(file), new PlanImportRequest($"Імпорт {n}", "Велика громада", 2021, 2025), Text, confirm);
            var elapsed = sw.Elapsed.TotalMilliseconds;
            if (result.Preview is not { CanImport: true } preview || confirm != result.PlanId.HasValue)
            {
                throw new InvalidOperationException("The generated plan's workbook did not import: "
                    + string.Join("; ", result.Preview?.Problems.Take(5).Select(p => p.Message) ?? []));
            }

            Console.WriteLine($"XLSX import {(confirm ? "confirmed" : "dry run")} ({preview.Measures} measures): {elapsed:0} ms; "
                + $"allocated {(GC.GetTotalAllocatedBytes(true) - allocated) / 1024.0 / 1024.0:0} MB; the process's peak working set "
                + $"{(reset ? "during it" : "(whole run)")} {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:0} MB ({before / 1024.0 / 1024.0:0} MB before it)");
        }
    }
}
