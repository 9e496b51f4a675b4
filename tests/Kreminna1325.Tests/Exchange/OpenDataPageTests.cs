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
                // Codes in a description ("`local` — місцевий бюджет") are shown as code, the rest as text.
                var described = Regex.Escape(field.MarkedDescription(Messages.Ukrainian)).Replace("`", "\u0001", StringComparison.Ordinal);
                described = Regex.Replace(described, "\u0001([^\u0001]*)\u0001", "<code>$1</code>");
                Assert.Matches($"<th scope=\"row\"><code>{Regex.Escape(field.Name)}</code></th>\\s*<td>.+?</td>\\s*<td>{described}</td>", html);
            }
        }

        Assert.Contains($"/api/plans/{fixture.PlanId}/open-data.zip", html);
        Assert.Contains("href=\"/openapi/v1.json\"", html);
    }

    [Fact]
    public async Task The_api_is_described_for_people_with_parameters_answers_and_examples_that_answer()
    {
        var client = fixture.Factory.CreateClient();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/open-data"));

        string[] endpoints =
        [
            "/api/plans", "/api/plans/{id}", "/api/plans/{id}/budget", "/api/responsible-bodies", "/api/plans/{id}/open-data/{dataset}.csv",
            "/api/plans/{id}/open-data.zip", "/api/plans/{id}/export.docx", "/api/plans/{id}/export.xlsx",
        ];
        Assert.All(endpoints, e => Assert.Contains($"<code>GET {e}</code>", html));
        Assert.Contains("<code>id</code> — номер плану", html);
        Assert.Contains("<code>dataset</code> — назва набору", html);
        Assert.Contains("[{id, municipality, title, startYear, endYear}]", html);
        Assert.Contains("application/problem+json", html);

        var examples = Regex.Matches(html, "<dt>Приклад</dt>\\s*<dd><a href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(endpoints.Length, examples.Count);
        foreach (var example in examples)
        {
            using var response = await client.GetAsync(example);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{example} answered {(int)response.StatusCode}");
        }
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
