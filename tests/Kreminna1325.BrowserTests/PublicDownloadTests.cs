using System.IO.Compression;
using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests;

/// <summary>A visitor with no account takes the council's documents from the public page, as a journalist or another council would.</summary>
public class PublicDownloadTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_anonymous_visitor_downloads_the_word_plan_from_the_public_page()
    {
        await using var context = await fixture.Browser.NewContextAsync(new() { AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/");

        var downloads = page.GetByRole(AriaRole.Navigation, new() { Name = "Завантажити план і відкриті дані" });
        var link = downloads.GetByRole(AriaRole.Link, new() { Name = "План — додаток до рішення ради (Word)" });
        // The link's line says what the file is and how big, before anyone clicks.
        await Assertions.Expect(downloads.Locator("li").First).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\(DOCX, \d+ КБ\)"));

        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());

        Assert.Equal("kreminna-plan-2020-2022.docx", download.SuggestedFilename);
        var path = await download.PathAsync();
        using var zip = ZipFile.OpenRead(path);
        Assert.NotNull(zip.GetEntry("word/document.xml"));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.Contains("ВСЬОГО ЗА ПІДСУМКОМ", xml);
    }
}
