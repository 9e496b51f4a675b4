using System.Globalization;
using System.Security.Claims;
using Kreminna1325.Core.Exchange;
using Kreminna1325.Core.Plans;

/// <summary>The year's monitoring report as people download it: gather it (the dashboard's figures and every measure's approved reports), build the DOCX, write it to a temporary file.</summary>
internal static class AnnualReportBench
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("uk-UA");

    // The Web fills these from its resources; the benchmark only needs words of a realistic length.
    private static readonly AnnualReportText Text = new(
        y => $"Звіт про моніторинг виконання плану за {y} рік", d => $"Дата складання: {d:dd.MM.yyyy}",
        "Звіт складено лише з затверджених звітів виконавців.", y => $"Підсумки {y} року", "Заходи за станом виконання", "Усього заходів",
        "Кількість", s => s.ToString(), "Звітування", "Звітів до подання", "Подано", "Затверджено", "Прострочено", "Повернуто",
        "Заплановано й витрачено, тис. грн", "Джерело фінансування", "Заплановано", "Витрачено", "Виконання",
        s => s == FundingSource.Local ? "Місцевий бюджет" : "Інші кошти", "Разом", "Охоплення людей",
        "Сума осіб із затверджених показників-кількостей з розбивкою.", "жінки", "чоловіки", "Частка жінок", "Вразливі категорії",
        "Вразливі категорії перетинаються.", d => d.ToString(), c => c, "Виконання заходів за напрямами", "Стан виконання", "Що зроблено",
        "Опису не подано.", r => $"Причина невиконання: {r}", n => $"{n.Sequence} квартал {n.Year}", "Показники за рік", "Показник",
        "Значення за рік", "Кількості — сума за рік; інші — останнє значення.", "категорії перетинаються",
        i => i.Number?.ToString("#,##0.#", Uk) ?? "немає затвердженого значення", "Фінансування", "Не заплановано.", "Підтвердні файли",
        "Файлів не додано.", y => $"Додаток. Заходи без затвердженого звіту за {y} рік", y => $"Без затвердженого звіту за {y} рік:",
        y => $"Усі заходи мають звіт за {y} рік.", a => a.ToString("#,##0.0#", Uk), c => c.ToString("#,##0.#", Uk),
        p => p is { } v ? $"{v.ToString("#,##0.#", Uk)} %" : "—");

    /// <summary>Returns the document's size in bytes.</summary>
    public static async Task<long> DocxAsync(AnnualReportService reports, ClaimsPrincipal user, int planId, int year)
    {
        var report = (await reports.GetAsync(user, planId, year))!;
        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        AnnualReportDocx.Write(file, report, Text);
        return file.Length;
    }
}
