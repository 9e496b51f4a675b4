using System.Text.RegularExpressions;
using Kreminna1325.Tests.Api;
using Kreminna1325.Tests.Infrastructure;

namespace Kreminna1325.Tests.Exchange;

/// <summary>The plan's Word and Excel files as a clerk sees them after opening them in LibreOffice and printing them: the council's table.</summary>
public partial class PlanInOfficeTests(OpenDataApiFixture fixture) : IClassFixture<OpenDataApiFixture>
{
    [Fact]
    public async Task Opened_in_a_word_processor_it_prints_the_councils_table_with_its_totals()
    {
        var client = fixture.Factory.CreateClient();
        var docx = await client.GetByteArrayAsync($"/api/plans/{fixture.PlanId}/export.docx");

        var text = await LibreOffice.PrintedTextAsync(docx, "docx");
        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("Міський план заходів", text);
        Assert.True(pages.Length > 1, "the plan fills more than one page");
        // The heading rows repeat on every page, so a page in the middle can be read on its own.
        Assert.All(pages, page => Assert.Contains("Зміст заходу", page));
        Assert.Equal(5, DirectionTotal().Matches(text).Count);
        var grand = Assert.Single(GrandTotal().Matches(text));
        // The plan's total over every source, year by year, as the budget report computes it.
        Assert.Matches(@"95,0\s+113,0\s+124,0", text[grand.Index..]);
    }

    [Fact]
    public async Task Opened_in_a_spreadsheet_it_prints_the_councils_table_the_budget_and_the_reconciliation()
    {
        var client = fixture.Factory.CreateClient();
        var xlsx = await client.GetByteArrayAsync($"/api/plans/{fixture.PlanId}/export.xlsx");

        var text = await LibreOffice.PrintedTextAsync(xlsx, "xlsx");

        Assert.Contains("Міський план заходів", text);
        Assert.Contains("Зміст заходу", text);
        Assert.Contains("Прогнозний обсяг фінансування", text);
        // The label stands on each row of a total block (two sources and all sources), so a filtered row still says what it is.
        Assert.Equal(5 * 3, DirectionTotal().Matches(text).Count);
        var grand = GrandTotal().Match(text);
        Assert.True(grand.Success, "the grand total block is printed");
        // Numbers, not text: the spreadsheet formats them, with the separator of the reader's locale.
        Assert.Matches(@"95[,.]0\s+113[,.]0\s+124[,.]0", text[grand.Index..]);
        // The reconciliation sheet: the plan's printed 92,0 against the computed 93,0.
        Assert.Matches(@"92[,.]0\s+93[,.]0", text);
    }

    [GeneratedRegex("ВСЬОГО ЗА НАПРЯМОМ")]
    private static partial Regex DirectionTotal();

    [GeneratedRegex("ВСЬОГО ЗА ПІДСУМКОМ")]
    private static partial Regex GrandTotal();
}
