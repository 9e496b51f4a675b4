using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests;

public class AnnualReportTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task The_demo_executive_opens_the_2021_annual_report_from_the_dashboard_and_downloads_it()
    {
        var (context, page) = await fixture.SignInAsync("executive@kreminna.local");
        await using var _ = context;
        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseUrl + "/dashboard", new() { Timeout = Timeout });
        await BrowserFixture.InteractiveAsync(page);

        await page.Locator("a[data-action='annual-report']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/plans/{fixture.PlanId}/annual-report/\\d{{4}}$"), new() { Timeout = Timeout });
        await BrowserFixture.InteractiveAsync(page);
        // Not ChooseAsync: "Рік" as a label also matches the annex's heading ("… за 2022 рік"), so the select is found by its role.
        await Assertions.Expect(page.Locator("#annual-report-annex")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Рік", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "2021", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseUrl + $"/plans/{fixture.PlanId}/annual-report/2021", new() { Timeout = Timeout });

        // The demo official's 2021 reports wait for review or were returned: nothing approved, so every measure is in the annex.
        await Assertions.Expect(page.Locator("#approved-only")).ToContainTextAsync("лише з затверджених звітів", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#annual-report-annex li")).ToHaveCountAsync(28);
        await Assertions.Expect(page.Locator("td[data-approved]")).ToHaveTextAsync("0");

        var button = page.Locator("[data-action='download-annual-report']");
        // The address changes before the page has made the new year's report: wait until the link is 2021's.
        await Assertions.Expect(button).ToHaveAttributeAsync("href", new Regex(@"/annual-report/2021\.docx$"), new() { Timeout = Timeout });
        await Assertions.Expect(button).ToBeEnabledAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => button.ClickAsync(), new() { Timeout = Timeout });
        Assert.Equal("kreminna-annual-report-2021.docx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"annual-{Guid.NewGuid():N}.docx");
        try
        {
            await download.SaveAsAsync(path);
            using var document = WordprocessingDocument.Open(path, false);
            var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            Assert.Contains("Звіт про моніторинг виконання плану за 2021 рік", document.MainDocumentPart!.Document!.Body!.InnerText);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
