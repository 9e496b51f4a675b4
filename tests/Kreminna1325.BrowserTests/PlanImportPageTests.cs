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
        var export = await page.APIRequest.GetAsync($"{fixture.BaseUrl}/api/plans/{fixture.PlanId}/export.xlsx");
        Assert.True(export.Ok);
        var file = Path.Combine(Path.GetTempPath(), $"kreminna-plan-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, await export.BodyAsync());
        try
        {
            await fixture.OpenAsync(page, "/plans");
            await page.Locator("[data-action='import-plan']").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync($"{fixture.BaseUrl}/plans/import", new() { Timeout = Timeout });
            await BrowserFixture.InteractiveAsync(page);

            await page.GetByLabel("Громада").FillAsync("Кремінська громада (копія)");
            await page.GetByLabel("Назва плану").FillAsync("План Кремінної з Excel");
            await page.GetByLabel("Перший рік").FillAsync("2020");
            await page.GetByLabel("Останній рік").FillAsync("2022");
            await page.Locator("input[type='file']").SetInputFilesAsync(file);
            await Assertions.Expect(page.Locator("[data-role='import-file-name']")).ToContainTextAsync("kreminna-plan-", new() { Timeout = Timeout });

            await page.Locator("[data-action='import-preview']").ClickAsync();
            var preview = page.Locator("[data-role='import-preview']");
            await Assertions.Expect(preview).ToBeVisibleAsync(new() { Timeout = Timeout });
            await Assertions.Expect(preview.Locator("[data-count='measures']")).ToHaveTextAsync("28");
            await Assertions.Expect(preview.Locator("[data-count='new-bodies']")).ToHaveTextAsync("0");
            await Assertions.Expect(page.Locator("[data-role='import-status']")).ToContainTextAsync("Проблем немає");

            await page.Locator("[data-action='import-confirm']").ClickAsync();
            var open = page.Locator("[data-action='open-imported-plan']");
            await Assertions.Expect(open).ToBeVisibleAsync(new() { Timeout = Timeout });
            var href = await open.GetAttributeAsync("href");
            Assert.NotEqual($"/plans/{fixture.PlanId}", href);

            // The public pages, anonymous: every grand total of the new plan reads as Kreminna's.
            await using var anonymous = await fixture.Browser.NewContextAsync();
            var original = await anonymous.NewPageAsync();
            await original.GotoAsync($"{fixture.BaseUrl}/plans/{fixture.PlanId}");
            var imported = await anonymous.NewPageAsync();
            await imported.GotoAsync(fixture.BaseUrl + href);
            await Assertions.Expect(imported.Locator("h1")).ToContainTextAsync("План Кремінної з Excel");
            foreach (var source in new[] { "local", "other", "all" })
            {
                var expected = await original.Locator($"tr.grand-total[data-source='{source}'] td").AllInnerTextsAsync();
                Assert.NotEmpty(expected);
                Assert.Equal(expected, await imported.Locator($"tr.grand-total[data-source='{source}'] td").AllInnerTextsAsync());
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
