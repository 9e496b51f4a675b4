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

    /// <summary>Returns the document's size in bytes.</summary>
    public static async Task<long> PlanDocxAsync(PlanQueries plans, BudgetReportService budgets, int planId)
    {
        var plan = (await plans.GetAsync(planId))!;
        var budget = (await budgets.GetAsync(planId))!;
        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        PlanDocx.Write(file, plan, budget, Text);
        return file.Length;
    }
}
