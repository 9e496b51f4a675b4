using System.Net;
using System.Text.Json;
using Kreminna1325.Tests.Infrastructure;

namespace Kreminna1325.Tests.Api;

public sealed class OpenDataApiFixture : SeededDatabase
{
    public KreminnaWebFactory Factory { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Factory = new KreminnaWebFactory(ConnectionString);
    }

    public override async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>The open-data contract as a consumer reads it: raw JSON, camelCase, enums as words.</summary>
public class OpenDataApiTests(OpenDataApiFixture fixture) : IClassFixture<OpenDataApiFixture>
{
    private readonly HttpClient client = fixture.Factory.CreateClient();

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Lists_the_plans()
    {
        var plans = await GetJsonAsync("/api/plans");

        var plan = Assert.Single(plans.EnumerateArray());
        Assert.Equal(fixture.PlanId, plan.GetProperty("id").GetInt32());
        Assert.Equal("Кремінська міська рада", plan.GetProperty("municipality").GetString());
        Assert.StartsWith("Міський план заходів", plan.GetProperty("title").GetString());
        Assert.Equal(2020, plan.GetProperty("startYear").GetInt32());
        Assert.Equal(2022, plan.GetProperty("endYear").GetInt32());
    }

    [Fact]
    public async Task Returns_a_plan_with_its_directions_and_measures()
    {
        var plan = await GetJsonAsync($"/api/plans/{fixture.PlanId}");

        var directions = plan.GetProperty("directions").EnumerateArray().ToList();
        Assert.Equal(["I", "II", "III", "IV", "V"], directions.Select(d => d.GetProperty("number").GetString()));
        Assert.Equal([9, 4, 5, 7, 3], directions.Select(d => d.GetProperty("measures").GetArrayLength()));

        var measure = directions[0].GetProperty("measures")[2];
        Assert.Equal(3, measure.GetProperty("number").GetInt32());
        Assert.StartsWith("Організація проведення навчань", measure.GetProperty("content").GetString());
        Assert.Equal("Постійно (за окремим графіком)", measure.GetProperty("term").GetProperty("text").GetString());
        Assert.Equal("ongoingScheduled", measure.GetProperty("term").GetProperty("kind").GetString());

        var bodies = measure.GetProperty("responsibleBodies").EnumerateArray().ToList();
        Assert.Equal(2, bodies.Count);
        Assert.True(bodies[0].GetProperty("id").GetInt32() > 0);
        Assert.Equal("Керуюча справами виконкому міської ради", bodies[0].GetProperty("name").GetString());
        Assert.False(bodies[0].GetProperty("byAgreement").GetBoolean());

        var indicator = measure.GetProperty("indicators")[2];
        Assert.Equal("percentage", indicator.GetProperty("kind").GetString());
        Assert.True(indicator.GetProperty("id").GetInt32() > 0);

        var funding = measure.GetProperty("funding");
        Assert.Equal(JsonValueKind.Null, funding.GetProperty("note").ValueKind);
        var lines = funding.GetProperty("lines").EnumerateArray()
            .Select(l => (l.GetProperty("source").GetString(), l.GetProperty("year").GetInt32(), l.GetProperty("amount").GetDecimal()));
        Assert.Equal([("other", 2020, 7.0m), ("other", 2021, 7.0m), ("other", 2022, 7.0m)], lines);

        var first = directions[0].GetProperty("measures")[0];
        Assert.Equal("notRequired", first.GetProperty("funding").GetProperty("note").GetString());
        Assert.Equal(0, first.GetProperty("funding").GetProperty("lines").GetArrayLength());

        var reach = directions[0].GetProperty("measures")[8].GetProperty("indicators")[1];
        Assert.Equal(
            ["sex", "age", "vulnerabilityCategory", "placeOfResidence"],
            reach.GetProperty("disaggregations").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task Returns_the_budget_with_totals_printed_totals_and_mismatches()
    {
        var budget = await GetJsonAsync($"/api/plans/{fixture.PlanId}/budget");

        Assert.Equal([2020, 2021, 2022], budget.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()));
        var third = budget.GetProperty("directions")[2];
        Assert.Equal("III", third.GetProperty("number").GetString());
        Assert.Equal(6, third.GetProperty("totals").GetArrayLength());
        Assert.Equal(6, third.GetProperty("printedTotals").GetArrayLength());

        var local2022 = budget.GetProperty("totals").EnumerateArray()
            .Single(t => t.GetProperty("source").GetString() == "local" && t.GetProperty("year").GetInt32() == 2022);
        Assert.Equal(93.0m, local2022.GetProperty("amount").GetDecimal());
        Assert.Equal(6, budget.GetProperty("printedTotals").GetArrayLength());

        var mismatches = budget.GetProperty("mismatches").EnumerateArray().ToList();
        Assert.Equal(2, mismatches.Count);
        Assert.Equal("direction", mismatches[0].GetProperty("scope").GetString());
        Assert.Equal("III", mismatches[0].GetProperty("direction").GetString());
        Assert.Equal("local", mismatches[0].GetProperty("source").GetString());
        Assert.Equal(2022, mismatches[0].GetProperty("year").GetInt32());
        Assert.Equal(2.0m, mismatches[0].GetProperty("printed").GetDecimal());
        Assert.Equal(3.0m, mismatches[0].GetProperty("computed").GetDecimal());
        Assert.Equal("plan", mismatches[1].GetProperty("scope").GetString());
        Assert.Equal(JsonValueKind.Null, mismatches[1].GetProperty("direction").ValueKind);
        Assert.Equal(92.0m, mismatches[1].GetProperty("printed").GetDecimal());
    }

    [Fact]
    public async Task Lists_the_responsible_bodies_with_aliases()
    {
        var bodies = (await GetJsonAsync("/api/responsible-bodies")).EnumerateArray().ToList();

        Assert.Equal(21, bodies.Count);
        var rda = bodies.Single(b => b.GetProperty("shortName").GetString() == "Кремінська РДА");
        Assert.Equal("Кремінська районна державна адміністрація", rda.GetProperty("name").GetString());
        Assert.Equal("stateBody", rda.GetProperty("kind").GetString());
        Assert.Contains("Кременська РДА", rda.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));

        // Ukrainian alphabetical order: "Відділ …" before "Головний …" before "Заступник …".
        var names = bodies.Select(b => b.GetProperty("name").GetString()!).ToList();
        Assert.True(names.IndexOf("Відділ житлово-комунального господарства") < names.IndexOf("Головний спеціаліст виконкому міської ради"));
        Assert.True(names.FindIndex(n => n.StartsWith("Заступник")) < names.FindIndex(n => n.StartsWith("Центр")));
    }

    [Theory]
    [InlineData("/api/plans/999999", HttpStatusCode.NotFound)]
    [InlineData("/api/plans/999999/budget", HttpStatusCode.NotFound)]
    [InlineData("/api/plans/abc", HttpStatusCode.BadRequest)]
    [InlineData("/api/plans/-1", HttpStatusCode.NotFound)]
    [InlineData("/api/plans/0/budget", HttpStatusCode.NotFound)]
    [InlineData("/api/plans/1.5/budget", HttpStatusCode.BadRequest)]
    [InlineData("/api/plans/99999999999999999999", HttpStatusCode.BadRequest)]
    [InlineData("/api/no-such-thing", HttpStatusCode.NotFound)]
    public async Task Errors_are_problem_json(string url, HttpStatusCode expected)
    {
        using var response = await client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Publishes_an_openapi_document()
    {
        var document = await GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/plans", paths);
        Assert.Contains("/api/plans/{id}", paths);
        Assert.Contains("/api/plans/{id}/budget", paths);
        Assert.Contains("/api/responsible-bodies", paths);

        // The edit endpoint reads its body itself; the document still says what it takes.
        var put = document.GetProperty("paths").GetProperty("/api/measures/{id}").GetProperty("put");
        Assert.True(put.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
    }

    [Fact]
    public async Task Health_is_200_while_the_database_answers()
    {
        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_public_plan_page_is_readable_without_javascript()
    {
        // Prerendered HTML is what a browser without JavaScript, or a search engine, gets.
        var html = await client.GetStringAsync("/");

        Assert.Contains("<html lang=\"uk\"", html);
        Assert.Contains("ВСЬОГО ЗА НАПРЯМОМ:", html);
        Assert.Contains("ВСЬОГО ЗА ПІДСУМКОМ:", html);
        Assert.Contains("93,0", html);
        Assert.Contains("у документі: 92,0", html);
        Assert.Contains("Проведення періодичних засідань Координаційної ради", html);
        // Every asset is the app's own: no stylesheet, script or font from another origin.
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
    }

    [Fact]
    public async Task An_unknown_page_is_a_404_page_in_ukrainian()
    {
        using var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Сторінку не знайдено", await response.Content.ReadAsStringAsync());
    }
}

/// <summary>/health must say so when PostgreSQL is gone, so an orchestrator can act.</summary>
public class HealthWithoutDatabaseTests
{
    [Fact]
    public async Task Health_is_503_when_the_database_does_not_answer()
    {
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        await using var factory = new KreminnaWebFactory("Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=3", localMode: false);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }
}
