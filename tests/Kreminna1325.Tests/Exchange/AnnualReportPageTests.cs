using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Kreminna1325.Core.Accounts;

namespace Kreminna1325.Tests.Exchange;

/// <summary>The annual report's page read without eyes: headings in order, every table cell labelled by its headers.</summary>
public class AnnualReportPageAccessibilityTests(AnnualReportApiFixture fixture) : IClassFixture<AnnualReportApiFixture>
{
    private async Task<IHtmlDocument> PageAsync()
    {
        var client = await fixture.ClientAsync(Roles.Executive);
        return new HtmlParser().ParseDocument(await client.GetStringAsync($"/plans/{fixture.PlanId}/annual-report/2021"));
    }

    [Fact]
    public async Task Headings_go_down_one_level_at_a_time_from_a_single_h1()
    {
        var document = await PageAsync();

        var levels = document.QuerySelectorAll("main h1, main h2, main h3, main h4, main h5, main h6").Select(h => h.LocalName[1] - '0').ToList();
        Assert.Equal(1, levels.Count(l => l == 1));
        Assert.Equal(1, levels[0]);
        for (var i = 1; i < levels.Count; i++)
        {
            Assert.True(levels[i] <= levels[i - 1] + 1, $"heading {i} jumps from h{levels[i - 1]} to h{levels[i]}");
        }

        Assert.Contains(4, levels); // the measures, under their directions (h3)
    }

    [Fact]
    public async Task Every_table_header_says_what_it_heads_and_every_row_has_its_header()
    {
        var document = await PageAsync();

        var tables = document.QuerySelectorAll("main table").ToList();
        Assert.NotEmpty(tables);
        Assert.All(document.QuerySelectorAll("main th"), th => Assert.Contains(th.GetAttribute("scope"), new[] { "col", "row" }));
        // A row of values is read with the name of what it measures: a row header, unless the table is one row under its column headers.
        foreach (var table in tables)
        {
            var rows = table.QuerySelectorAll("tbody tr").ToList();
            if (rows.Count > 1)
            {
                Assert.All(rows, row => Assert.NotNull(row.QuerySelector("th[scope=row]")));
            }
        }
    }
}
