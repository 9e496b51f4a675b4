using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests;

public class PublicPlanPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Shows_the_plan_with_its_grand_total_rows()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        // Statically rendered (so that it can be cached): there is no circuit to wait for.
        await page.GotoAsync(fixture.BaseUrl + "/");

        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Assertions.Expect(heading).ToContainTextAsync("Міський план заходів");

        // One row per source and one for all sources, with the recomputed figures.
        var grand = page.Locator("tr.grand-total");
        await Assertions.Expect(grand).ToHaveCountAsync(3);
        await Assertions.Expect(grand.First).ToContainTextAsync("ВСЬОГО ЗА ПІДСУМКОМ:");
        await Assertions.Expect(page.Locator("tr.grand-total[data-source='local'] td")).ToHaveTextAsync(
            ["57,0", "82,0", "93,0 у документі: 92,0"], new() { UseInnerText = true });
        await Assertions.Expect(page.Locator("tr.grand-total[data-source='other'] td")).ToHaveTextAsync(["38,0", "31,0", "31,0"]);
        await Assertions.Expect(page.Locator("tr.grand-total[data-source='all'] td")).ToHaveTextAsync(["95,0", "113,0", "124,0"]);

        // Five directions, each with its total block, and the plan's two printed-total mismatches flagged.
        await Assertions.Expect(page.Locator("tr.direction-row")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("tr.direction-total[data-source='all']")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("td.mismatch")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#reconciliation li")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task Reads_without_javascript()
    {
        await using var context = await fixture.Browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync(fixture.BaseUrl + "/");

        await Assertions.Expect(page.Locator("tr.measure-row")).ToHaveCountAsync(28);
        await Assertions.Expect(page.Locator("tr.grand-total[data-source='all'] td").Last).ToHaveTextAsync("124,0");
    }
}
