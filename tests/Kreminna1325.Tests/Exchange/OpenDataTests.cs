using System.Globalization;
using System.Net;
using CsvHelper;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Exchange;
using Kreminna1325.Tests.Api;

namespace Kreminna1325.Tests.Exchange;

/// <summary>The plan's open data as a consumer reads it: each CSV parsed back by CsvHelper and held against its schema.</summary>
public class OpenDataTests(OpenDataApiFixture fixture) : IClassFixture<OpenDataApiFixture>
{
    private readonly HttpClient client = fixture.Factory.CreateClient();

    internal static (string[] Header, List<string[]> Rows) Parse(byte[] utf8)
    {
        using var reader = CsvReader.Create(utf8);
        reader.ReadHeader();
        var header = reader.Headers.ToArray();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            Assert.Equal(header.Length, reader.FieldCount);
            rows.Add([.. Enumerable.Range(0, header.Length).Select(reader.GetString)]);
        }

        return (header, rows);
    }

    private async Task<(string[] Header, List<string[]> Rows)> GetCsvAsync(string dataset)
    {
        using var response = await client.GetAsync($"/api/plans/{fixture.PlanId}/open-data/{dataset}.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.False(bytes is [0xEF, 0xBB, 0xBF, ..], "no byte order mark");
        _ = new System.Text.UTF8Encoding(false, true).GetString(bytes); // throws on anything that is not UTF-8
        return Parse(bytes);
    }

    private static string Cell(string[] header, string[] row, string field) => row[Array.IndexOf(header, field)];

    [Theory]
    [InlineData("measures")]
    [InlineData("indicators")]
    [InlineData("funding")]
    public async Task Every_csv_parses_back_with_the_header_of_its_schema(string dataset)
    {
        var (header, rows) = await GetCsvAsync(dataset);

        Assert.Equal(OpenDataService.Find(dataset)!.Fields.Select(f => f.Name), header);
        Assert.NotEmpty(rows);
        foreach (var field in OpenDataService.Find(dataset)!.Fields.Where(f => f.Type is "integer" or "number"))
        {
            Assert.All(rows, r => Assert.True(
                decimal.TryParse(Cell(header, r, field.Name), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _),
                $"{dataset}.{field.Name}: «{Cell(header, r, field.Name)}» is not a {field.Type}"));
        }
    }

    [Fact]
    public async Task Measures_has_the_built_in_plans_28_measures_with_their_wording()
    {
        var (header, rows) = await GetCsvAsync("measures");

        Assert.Equal(28, rows.Count);
        Assert.Equal(28, rows.Select(r => Cell(header, r, "measure_id")).Distinct().Count());
        Assert.Equal(["I", "II", "III", "IV", "V"], rows.Select(r => Cell(header, r, "direction_number")).Distinct());
        Assert.Contains(rows, r => Cell(header, r, "content").Contains("гендерно-зумовленого насильства", StringComparison.Ordinal));
        Assert.Contains(rows, r => Cell(header, r, "responsible_bodies").Contains("(за згодою)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Indicators_has_the_plans_75_indicators()
    {
        var (header, rows) = await GetCsvAsync("indicators");

        Assert.Equal(75, rows.Count);
        Assert.All(rows, r => Assert.Contains(Cell(header, r, "kind"), new[] { "count", "presence", "percentage", "list", "text" }));
    }

    [Fact]
    public async Task Funding_lines_add_up_to_the_budget_reports_totals()
    {
        var (header, rows) = await GetCsvAsync("funding");
        var budget = (await new BudgetReportService(fixture.DbFactory).GetAsync(fixture.PlanId))!;

        foreach (var year in budget.Years)
        {
            var sum = rows.Where(r => Cell(header, r, "year") == year.ToString(CultureInfo.InvariantCulture))
                .Sum(r => decimal.Parse(Cell(header, r, "amount"), CultureInfo.InvariantCulture));
            Assert.Equal(budget.GrandTotal(year), sum);
        }
    }

    [Theory]
    [InlineData("/api/plans/{0}/open-data/people.csv", HttpStatusCode.NotFound)]
    [InlineData("/api/plans/{0}/open-data/measures.xlsx", HttpStatusCode.NotFound)]
    [InlineData("/api/plans/{0}/open-data/.csv", HttpStatusCode.NotFound)]
    [InlineData("/api/plans/0/open-data/measures.csv", HttpStatusCode.NotFound)]
    [InlineData("/api/plans/999999/open-data/measures.csv", HttpStatusCode.NotFound)]
    [InlineData("/api/plans/abc/open-data/measures.csv", HttpStatusCode.BadRequest)]
    public async Task An_unknown_dataset_or_plan_answers_problem_json(string url, HttpStatusCode status)
    {
        using var response = await client.GetAsync(string.Format(CultureInfo.InvariantCulture, url, fixture.PlanId));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
