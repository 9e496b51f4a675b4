using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Kreminna1325.Tests.Api;

namespace Kreminna1325.Tests.Exchange;

/// <summary>The public page's downloads as a visitor sees them: every file linked, with its format and the size it really has.</summary>
public partial class PlanDownloadsTests(OpenDataApiFixture fixture) : IClassFixture<OpenDataApiFixture>
{
    private readonly HttpClient client = fixture.Factory.CreateClient();

    private sealed record Link(string Url, string Label, string Format, string Size);

    private async Task<List<Link>> LinksAsync()
    {
        var html = await client.GetStringAsync("/");
        return [.. LinkPattern().Matches(html).Select(m => new Link(
            WebUtility.HtmlDecode(m.Groups["url"].Value), WebUtility.HtmlDecode(m.Groups["label"].Value), m.Groups["format"].Value, m.Groups["size"].Value))];
    }

    [Fact]
    public async Task The_public_page_links_the_word_plan_the_workbook_every_open_data_file_and_the_template()
    {
        var links = await LinksAsync();

        var api = $"/api/plans/{fixture.PlanId}";
        Assert.Equal(
            [$"{api}/export.docx", $"{api}/export.xlsx", $"{api}/open-data.zip", $"{api}/open-data/measures.csv", $"{api}/open-data/indicators.csv",
                $"{api}/open-data/funding.csv", $"{api}/open-data/results.csv", "/api/plans/template.xlsx"],
            links.Select(l => l.Url));
        Assert.Equal(["DOCX", "XLSX", "ZIP", "CSV", "CSV", "CSV", "CSV", "XLSX"], links.Select(l => l.Format));
        Assert.All(links, l => Assert.False(string.IsNullOrWhiteSpace(l.Label)));
    }

    [Fact]
    public async Task Each_size_shown_is_the_size_of_the_file_sent()
    {
        foreach (var link in await LinksAsync())
        {
            using var response = await client.GetAsync(link.Url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = (await response.Content.ReadAsByteArrayAsync()).LongLength;

            // Kilobytes rounded up, written the Ukrainian way.
            var expected = bytes < 1024 * 1024
                ? $"{Math.Ceiling(bytes / 1024.0).ToString(CultureInfo.GetCultureInfo("uk-UA"))} КБ"
                : $"{(bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.GetCultureInfo("uk-UA"))} МБ";
            Assert.True(expected == link.Size, $"{link.Url}: the page says {link.Size}, the file is {bytes} bytes ({expected})");
        }
    }

    [Fact]
    public async Task Files_are_named_by_one_rule_for_the_community_and_the_years()
    {
        var names = new List<string?>();
        foreach (var link in await LinksAsync())
        {
            using var response = await client.GetAsync(link.Url);
            names.Add(response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        }

        Assert.Equal(
            ["kreminna-plan-2020-2022.docx", "kreminna-plan-2020-2022.xlsx", "kreminna-open-data-2020-2022.zip", "kreminna-open-data-2020-2022-measures.csv",
                "kreminna-open-data-2020-2022-indicators.csv", "kreminna-open-data-2020-2022-funding.csv", "kreminna-open-data-2020-2022-results.csv",
                "kreminna-plan-template.xlsx"],
            names);
    }

    [Fact]
    public async Task A_visitor_reading_in_english_gets_the_labels_and_sizes_in_english()
    {
        var english = fixture.Factory.CreateClient();
        english.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        var html = await english.GetStringAsync("/");

        var links = LinkPattern().Matches(html).Select(m => (Label: WebUtility.HtmlDecode(m.Groups["label"].Value), Size: m.Groups["size"].Value)).ToList();

        Assert.Equal(8, links.Count);
        Assert.Contains(links, l => l.Label == "Dataset \"Plan measures\"");
        Assert.All(links, l => Assert.Matches(@"^\d+ KB$|^\d+\.\d MB$", l.Size));
    }

    [GeneratedRegex("""<a href="(?<url>/api/plans/[^"]+)" download[^>]*>(?<label>[^<]+)</a>\s*<span class="muted">\((?<format>[A-Z]+), (?<size>[^)]+)\)</span>""")]
    private static partial Regex LinkPattern();
}
