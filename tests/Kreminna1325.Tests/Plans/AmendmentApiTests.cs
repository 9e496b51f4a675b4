using System.Net;
using System.Text.Json;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Amendments;
using Kreminna1325.Tests.Infrastructure;
using Kreminna1325.Tests.Monitoring;

namespace Kreminna1325.Tests.Plans;

/// <summary>The built-in plan amended once (measure IV.7's local 2021 amount 75,0 → 80,0, with its scan), served by the app.</summary>
public sealed class AmendedPlanFixture : AmendmentFixture
{
    public KreminnaWebFactory Factory { get; private set; } = null!;
    public int AmendmentId { get; private set; }
    public byte[] Scan { get; } = EvidenceSamples.Pdf();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var line = await LineAsync("IV", FundingSource.Local, 2021, skip: 0);
        var form = await FormAsync(line, 5m, "15/2");
        var result = await Recorder.RecordAsync(TestUsers.Staff, form, new AmendmentRecorder.ScanUpload("рішення.pdf", new MemoryStream(Scan)));
        AmendmentId = result.Current?.Id ?? throw new InvalidOperationException(result.Message);
        Factory = new KreminnaWebFactory(ConnectionString);
    }

    public override async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await base.DisposeAsync();
    }
}

public class AmendmentApiTests(AmendedPlanFixture fixture) : IClassFixture<AmendedPlanFixture>
{
    private readonly HttpClient client = fixture.Factory.CreateClient();

    private async Task<JsonElement> BudgetAsync(string query)
    {
        using var response = await client.GetAsync($"/api/plans/{fixture.PlanId}/budget{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static decimal Total(JsonElement budget, string source, int year) =>
        budget.GetProperty("totals").EnumerateArray().Single(t => t.GetProperty("source").GetString() == source && t.GetProperty("year").GetInt32() == year)
            .GetProperty("amount").GetDecimal();

    [Fact]
    public async Task The_budget_is_open_data_for_each_version()
    {
        var current = await BudgetAsync("");
        var adopted = await BudgetAsync("?version=adopted");
        var amended = await BudgetAsync($"?version={fixture.AmendmentId}");

        Assert.Equal(("current", 87.0m, 2), (current.GetProperty("version").GetProperty("kind").GetString(), Total(current, "local", 2021), current.GetProperty("mismatches").GetArrayLength()));
        Assert.Equal(("adopted", 82.0m, 2), (adopted.GetProperty("version").GetProperty("kind").GetString(), Total(adopted, "local", 2021), adopted.GetProperty("mismatches").GetArrayLength()));
        Assert.Equal(("amendment", "15/2", 87.0m), (amended.GetProperty("version").GetProperty("kind").GetString(), amended.GetProperty("version").GetProperty("number").GetString(), Total(amended, "local", 2021)));
        Assert.Contains(current.GetProperty("printedTotals").EnumerateArray(), t => t.GetProperty("year").GetInt32() == 2021 && t.GetProperty("source").GetString() == "local" && t.GetProperty("amount").GetDecimal() == 87.0m);
        Assert.Contains(adopted.GetProperty("printedTotals").EnumerateArray(), t => t.GetProperty("year").GetInt32() == 2021 && t.GetProperty("source").GetString() == "local" && t.GetProperty("amount").GetDecimal() == 82.0m);
    }

    [Theory]
    [InlineData("?version=abc", HttpStatusCode.BadRequest)]
    [InlineData("?version=-1", HttpStatusCode.BadRequest)]
    [InlineData("?version=999999", HttpStatusCode.NotFound)]
    public async Task A_version_that_is_not_one_answers_a_problem(string query, HttpStatusCode status)
    {
        using var response = await client.GetAsync($"/api/plans/{fixture.PlanId}/budget{query}");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_amendments_and_their_scans_are_public()
    {
        using var list = await client.GetAsync($"/api/plans/{fixture.PlanId}/amendments");
        var amendment = Assert.Single(JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.EnumerateArray());
        Assert.Equal(("15/2", "2021-06-10", "рішення.pdf"), (amendment.GetProperty("number").GetString(), amendment.GetProperty("decidedOn").GetString(),
            amendment.GetProperty("scan").GetProperty("fileName").GetString()));

        using var scan = await client.GetAsync($"/api/plans/{fixture.PlanId}/amendments/{fixture.AmendmentId}/scan");
        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        Assert.Equal("application/pdf", scan.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", scan.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fixture.Scan, await scan.Content.ReadAsByteArrayAsync());

        using var missing = await client.GetAsync($"/api/plans/{fixture.PlanId}/amendments/{fixture.AmendmentId + 1}/scan");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_public_page_reads_each_version_and_refuses_what_is_none()
    {
        var current = await client.GetStringAsync($"/plans/{fixture.PlanId}");
        Assert.Contains("Рішення № 15/2 від 10.06.2021", current);
        Assert.Contains("?version=adopted", current);

        var adopted = await client.GetStringAsync($"/plans/{fixture.PlanId}?version=adopted");
        Assert.Contains("Ви читаєте план у редакції, яку ухвалила рада", adopted);

        using var none = await client.GetAsync($"/plans/{fixture.PlanId}?version=999999");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }
}
