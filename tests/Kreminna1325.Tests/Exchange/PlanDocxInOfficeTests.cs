using System.Text.RegularExpressions;
using Kreminna1325.Tests.Api;
using Kreminna1325.Tests.Infrastructure;

namespace Kreminna1325.Tests.Exchange;

/// <summary>The Word plan as a clerk sees it after opening it in LibreOffice and printing it: the council's table, page after page.</summary>
public partial class PlanDocxInOfficeTests(OpenDataApiFixture fixture) : IClassFixture<OpenDataApiFixture>
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

    [GeneratedRegex("ВСЬОГО ЗА НАПРЯМОМ")]
    private static partial Regex DirectionTotal();

    [GeneratedRegex("ВСЬОГО ЗА ПІДСУМКОМ")]
    private static partial Regex GrandTotal();
}
