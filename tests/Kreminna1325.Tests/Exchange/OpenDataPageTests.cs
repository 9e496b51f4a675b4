using System.Net;
using System.Text.RegularExpressions;
using Kreminna1325.Core;
using Kreminna1325.Core.Exchange;
using Kreminna1325.Tests.Api;

namespace Kreminna1325.Tests.Exchange;

/// <summary>The open-data page as a journalist or a portal editor reads it: every dataset, its fields explained, the licence, the links.</summary>
public partial class OpenDataPageTests(OpenDataApiFixture fixture) : IClassFixture<OpenDataApiFixture>
{
    [Fact]
    public async Task Anyone_reads_every_dataset_and_each_field_explained_in_ukrainian()
    {
        var html = WebUtility.HtmlDecode(await fixture.Factory.CreateClient().GetStringAsync("/open-data"));

        Assert.Contains("Відкриті дані", html);
        Assert.Contains("CC BY 4.0", html);
        foreach (var table in OpenDataService.Tables)
        {
            Assert.Contains(table.Title(Messages.Ukrainian), html);
            Assert.Contains($"/api/plans/{fixture.PlanId}/open-data/{table.Name}.csv", html);
            foreach (var field in table.Fields)
            {
                Assert.Matches($"<th scope=\"row\"><code>{Regex.Escape(field.Name)}</code></th>\\s*<td>[^<]+</td>\\s*<td>{Regex.Escape(field.Description(Messages.Ukrainian))}</td>", html);
            }
        }

        Assert.Contains($"/api/plans/{fixture.PlanId}/open-data.zip", html);
        Assert.Contains("href=\"/openapi/v1.json\"", html);
    }

    [Fact]
    public async Task A_visitor_reading_in_english_gets_the_datasets_in_english()
    {
        var english = fixture.Factory.CreateClient();
        english.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");

        var html = WebUtility.HtmlDecode(await english.GetStringAsync("/open-data"));

        var en = System.Globalization.CultureInfo.GetCultureInfo("en-US");
        Assert.Contains("Datasets and their structure", html);
        Assert.All(OpenDataService.Tables, t => Assert.Contains(t.Title(en), html));
        Assert.Contains(OpenDataService.Tables[0].Fields[0].Description(en), html);
    }

    [Fact]
    public async Task The_menu_opens_the_page_for_people_not_the_raw_openapi_document()
    {
        var html = await fixture.Factory.CreateClient().GetStringAsync("/");

        Assert.Contains("href=\"/open-data\"", html);
        Assert.DoesNotContain("href=\"/openapi/v1.json\"", html);
    }
}
