using System.Globalization;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Exchange;
using Kreminna1325.Core.Plans;

/// <summary>The exports people download, on the generated plan: read it, build the document, write it to a temporary file.</summary>
internal static class ExportBench
{
    // The Web fills these from its resources; the benchmark only needs words of a realistic length.
    internal static readonly PlanDocxText Text = new(
        "№", "Зміст заходу", "Відповідальний за виконання", "Термін виконання", "Показники виконання", "Джерела фінансування",
        "Прогнозний обсяг фінансування, тис. грн, у т.ч. за роками", "ВСЬОГО ЗА НАПРЯМОМ:", "ВСЬОГО ЗА ПІДСУМКОМ:", "Разом",
        "за згодою", "з розбивкою", "Підсумки обчислено з рядків фінансування заходів.",
        s => s == FundingSource.Local ? "Місцевий бюджет" : "Інші кошти", n => n.ToString(), d => d.ToString(),
        c => $"Підсумки, надруковані в документі, не збігаються з обчисленими ({c}):", m => $"{m.Direction}, {m.Source}, {m.Year}",
        a => a.ToString("#,##0.0#", CultureInfo.GetCultureInfo("uk-UA")));

    internal static readonly PlanSheetText SheetText = new(
        Text,
        new PlanSheetHeadings("Напрям", "Назва напряму", "№ заходу", "№ показника", "Рік", "Рівень", "У документі, тис. грн",
            "Обчислено, тис. грн", "Різниця, тис. грн", "Показник", "Вид показника", "Розбивка", "Назва виконавця", "Коротка назва",
            "Вид виконавця", "Інші написання (по одному в рядку)", "Вид терміну", "Як написати"),
        s => s.ToString(), k => k.ToString(), k => k.ToString(), k => k.ToString(), k => k.ToString(),
        new PlanSheetExample("План", "I", "Напрям", "Захід", "Виконавець", "Вик.", "Виконавець (інше написання)", "Щорічно", "Кількість"),
        ["Як заповнити план у цій книзі"]);

    /// <summary>Returns the document's size in bytes.</summary>
    public static async Task<long> PlanDocxAsync(PlanQueries plans, BudgetReportService budgets, int planId)
    {
        var plan = (await plans.GetAsync(planId))!;
        var budget = (await budgets.GetAsync(planId))!;
        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        PlanDocx.Write(file, plan, budget, Text);
        return file.Length;
    }

    /// <summary>The workbook as its endpoint makes it (the plan, its budget and the registry's bodies it names); returns its size in bytes.</summary>
    public static async Task<long> PlanXlsxAsync(PlanQueries plans, BudgetReportService budgets, int planId)
    {
        var plan = (await plans.GetAsync(planId))!;
        var budget = (await budgets.GetAsync(planId))!;
        var bodies = PlanXlsx.BodiesOf(plan, await plans.ListBodiesAsync());
        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        PlanXlsx.Write(file, plan, budget, bodies, SheetText);
        return file.Length;
    }

    /// <summary>One export's size, what it allocated and the process's peak working set while it ran.</summary>
    public static async Task ReportAsync(string name, Func<Task<long>> export)
    {
        var reset = ResetPeakWorkingSet();
        var before = System.Diagnostics.Process.GetCurrentProcess().WorkingSet64;
        var allocated = GC.GetTotalAllocatedBytes(true);
        var bytes = await export();
        Console.WriteLine($"{name}: {bytes / 1024.0 / 1024.0:0.0} MB; one export allocated {(GC.GetTotalAllocatedBytes(true) - allocated) / 1024.0 / 1024.0:0} MB; " +
            $"the process's peak working set {(reset ? "during it" : "(whole run)")} {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:0} MB " +
            $"({before / 1024.0 / 1024.0:0} MB before it)");
    }

    /// <summary>
    /// Starts the process's peak working set afresh (Linux: "5" to /proc/self/clear_refs), after a full collection, so the
    /// peak printed next is one export's and not the largest of all that ran before; false where it cannot be.
    /// </summary>
    internal static bool ResetPeakWorkingSet()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
