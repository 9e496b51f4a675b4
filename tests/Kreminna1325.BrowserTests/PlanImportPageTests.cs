using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests;

/// <summary>Staff bring a plan in from a spreadsheet: Kreminna's own export, previewed, confirmed, and public with the same totals.</summary>
public class PlanImportPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const float Timeout = 60_000;

    [Fact]
    public async Task Staff_import_the_exported_workbook_and_the_new_plan_has_kreminnas_totals()
    {
        var (context, page) = await fixture.SignInAsync("staff@kreminna.local");
        await using var _ = context;
        var planId = await PlanImportPage.ImportAsync(
            fixture, page, new("Кремінська громада (копія)", "План Кремінної з Excel", "kreminna-plan-"), Timeout, newBodies: 0);
        Assert.NotEqual(fixture.PlanId, planId);

        // The public pages, anonymous: every grand total of the new plan reads as Kreminna's.
        await using var anonymous = await fixture.Browser.NewContextAsync();
        var original = await anonymous.NewPageAsync();
        await original.GotoAsync($"{fixture.BaseUrl}/plans/{fixture.PlanId}");
        var imported = await anonymous.NewPageAsync();
        await imported.GotoAsync($"{fixture.BaseUrl}/plans/{planId}");
        await Assertions.Expect(imported.Locator("h1")).ToContainTextAsync("План Кремінної з Excel");
        foreach (var source in new[] { "local", "other", "all" })
        {
            var expected = await original.Locator($"tr.grand-total[data-source='{source}'] td").AllInnerTextsAsync();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, await imported.Locator($"tr.grand-total[data-source='{source}'] td").AllInnerTextsAsync());
        }
    }
}
