using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
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

    [Fact]
    public async Task The_zip_holds_every_csv_and_a_datapackage_whose_schemas_match_them()
    {
        using var response = await client.GetAsync($"/api/plans/{fixture.PlanId}/open-data.zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".zip", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));

        using var package = JsonDocument.Parse(Entry(zip, "datapackage.json"));
        var root = package.RootElement;
        Assert.StartsWith("Міський план заходів", root.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("description").GetString()));
        Assert.Equal("Кремінська міська рада", root.GetProperty("publisher").GetString());
        Assert.Equal("CC-BY-4.0", root.GetProperty("licenses")[0].GetProperty("name").GetString());
        Assert.Equal("щокварталу", root.GetProperty("updateFrequency").GetString());
        Assert.Equal("Кремінська міська рада", root.GetProperty("contact").GetProperty("title").GetString());

        var resources = root.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(["measures", "indicators", "funding", "results"], resources.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(resources.Count + 1, zip.Entries.Count);
        foreach (var resource in resources)
        {
            var fields = resource.GetProperty("schema").GetProperty("fields").EnumerateArray().ToList();
            Assert.All(fields, f => Assert.Contains(f.GetProperty("type").GetString(), new[] { "string", "integer", "number", "boolean" }));
            Assert.All(fields, f => Assert.Matches("[а-яіїєґ]", f.GetProperty("description").GetString()));
            var (header, rows) = Parse(Entry(zip, resource.GetProperty("path").GetString()!));
            Assert.Equal(fields.Select(f => f.GetProperty("name").GetString()), header);
            if (resource.GetProperty("name").GetString() == "measures")
            {
                Assert.Equal(28, rows.Count);
            }
        }
    }

    [Fact]
    public async Task The_contact_is_the_person_the_settings_name()
    {
        await using var factory = new Infrastructure.KreminnaWebFactory(fixture.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["OpenData:ContactName"] = "Центр гендерної рівності",
            ["OpenData:ContactEmail"] = "gender@kreminna.example",
        });
        var bytes = await factory.CreateClient().GetByteArrayAsync($"/api/plans/{fixture.PlanId}/open-data.zip");
        using var zip = new ZipArchive(new MemoryStream(bytes));

        var contact = JsonDocument.Parse(Entry(zip, "datapackage.json")).RootElement.GetProperty("contact");
        Assert.Equal("Центр гендерної рівності", contact.GetProperty("title").GetString());
        Assert.Equal("gender@kreminna.example", contact.GetProperty("email").GetString());
    }

    private static byte[] Entry(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    [Theory]
    [InlineData("/api/plans/0/open-data.zip", HttpStatusCode.NotFound)]
    [InlineData("/api/plans/x/open-data.zip", HttpStatusCode.BadRequest)]
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
