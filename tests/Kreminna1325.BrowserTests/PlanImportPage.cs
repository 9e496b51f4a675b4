using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests;

/// <summary>
/// The plan-import page walked as staff walk it: Kreminna's own workbook (its public export) chosen as the file, the
/// plan described, the preview read, the import confirmed.
/// </summary>
public static class PlanImportPage
{
    /// <summary>What the form asks for, and the workbook's file name before its unique part.</summary>
    public sealed record Plan(string Community, string Title, string FilePrefix, string FirstYear = "2020", string LastYear = "2022");

    /// <summary>
    /// Imports the fixture's plan, as exported, under <paramref name="plan"/>'s name from the page signed in on
    /// <paramref name="page"/>. The preview counts the workbook's 28 measures (and <paramref name="newBodies"/> new bodies,
    /// when given) and finds no problem. Returns the imported plan's id, read from the link to its page.
    /// </summary>
    public static async Task<int> ImportAsync(BrowserFixture fixture, IPage page, Plan plan, float timeout, int? newBodies = null)
    {
        var export = await page.APIRequest.GetAsync($"{fixture.BaseUrl}/api/plans/{fixture.PlanId}/export.xlsx");
        Assert.True(export.Ok, $"the export answered {export.Status}");
        var file = Path.Combine(Path.GetTempPath(), $"{plan.FilePrefix}{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, await export.BodyAsync());
        try
        {
            await fixture.OpenAsync(page, "/plans");
            await page.Locator("[data-action='import-plan']").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync($"{fixture.BaseUrl}/plans/import", new() { Timeout = timeout });
            await BrowserFixture.InteractiveAsync(page);

            await page.GetByLabel("Громада").FillAsync(plan.Community);
            await page.GetByLabel("Назва плану").FillAsync(plan.Title);
            await page.GetByLabel("Перший рік").FillAsync(plan.FirstYear);
            await page.GetByLabel("Останній рік").FillAsync(plan.LastYear);
            await page.Locator("input[type='file']").SetInputFilesAsync(file);
            await Assertions.Expect(page.Locator("[data-role='import-file-name']")).ToContainTextAsync(plan.FilePrefix, new() { Timeout = timeout });

            await page.Locator("[data-action='import-preview']").ClickAsync();
            var preview = page.Locator("[data-role='import-preview']");
            await Assertions.Expect(preview).ToBeVisibleAsync(new() { Timeout = timeout });
            await Assertions.Expect(preview.Locator("[data-count='measures']")).ToHaveTextAsync("28");
            if (newBodies is { } bodies)
            {
                await Assertions.Expect(preview.Locator("[data-count='new-bodies']")).ToHaveTextAsync(bodies.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            await Assertions.Expect(page.Locator("[data-role='import-status']")).ToContainTextAsync("Проблем немає");

            await page.Locator("[data-action='import-confirm']").ClickAsync();
            var open = page.Locator("[data-action='open-imported-plan']");
            await Assertions.Expect(open).ToBeVisibleAsync(new() { Timeout = timeout });
            var href = await open.GetAttributeAsync("href") ?? "";
            Assert.Matches("^/plans/[0-9]+$", href);
            return int.Parse(href["/plans/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
