namespace Kreminna1325.BrowserTests;

/// <summary>The scan itself: it sees English where a person or a screen reader would, and nothing else.</summary>
public class UiLanguageScanTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("Rows per page: 25", "Rows per page")]
    [InlineData("1-29 of 29", "of")]
    [InlineData("Файл (21 KB)", "KB")]
    [InlineData("Not a valid number", "Not a valid number")]
    [InlineData("No file chosen", "No file chosen")]
    [InlineData("Автор: system", "system")]
    public void English_words_are_found(string text, string english) =>
        Assert.Contains(english, UiLanguage.EnglishIn(text));

    [Theory]
    [InlineData("Резолюція UNSCR 1325, напрям IV")]
    [InlineData("(DOCX, 21 КБ) kreminna-plan-2020-2022.docx")]
    [InlineData("Пишіть на opendata@example.org або https://example.org/data?x=1")]
    [InlineData("Відкриті дані: /api/plans/{id}/budget")]
    [InlineData("Ліцензія CC BY 4.0, SHA-256, UTF-8, ZIP")]
    public void Codes_names_addresses_and_files_are_not_English(string text) =>
        Assert.Empty(UiLanguage.EnglishIn(text));

    [Fact]
    public async Task The_scan_reads_the_screen_and_the_accessible_names_but_not_code_or_text_marked_English()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/account/login");
        await page.EvaluateAsync("""
            () => document.querySelector('main').insertAdjacentHTML('beforeend',
              '<p>Рядків: Rows per page</p><button aria-label="Close">×</button><input placeholder="Search">' +
              '<input type="file" style="display:inline-block;width:200px;height:30px">' +
              '<p hidden>Hidden text</p><code>measures</code><span lang="en">English</span>')
            """);

        var findings = await UiLanguage.FindAsync(page, "test");
        void Found(string english, string where) =>
            Assert.True(findings.Any(f => f.Contains($"«{english}»", StringComparison.Ordinal) && f.Contains(where, StringComparison.Ordinal)),
                $"«{english}» {where} not found in:\n{string.Join('\n', findings)}");

        Found("Rows per page", "in text in p");
        Found("Close", "in aria-label of button");
        Found("Search", "in placeholder of input");
        Found("Choose File", "visible native file input");
        var all = string.Join('\n', findings);
        Assert.DoesNotContain("Hidden", all);
        Assert.DoesNotContain("measures", all);
        Assert.DoesNotContain("English", all);
    }
}
