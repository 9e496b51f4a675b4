using System.Net;
using System.Text.Json;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Accounts;
using Kreminna1325.Tests.Infrastructure;

namespace Kreminna1325.Tests.Dashboard;

/// <summary>The dashboard and its JSON say that vulnerability categories overlap, so nobody adds them up.</summary>
public class ReachOverlapTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task The_dashboard_json_marks_each_breakdown_dimension_as_partition_or_overlapping()
    {
        var client = await SignIn.AsAsync(fixture.Factory, "executive@kreminna.local");

        using var response = await client.GetAsync("/api/dashboard?year=2021");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var dimensions = json.GetProperty("breakdowns").EnumerateArray()
            .ToDictionary(d => d.GetProperty("dimension").GetString()!, d => d.GetProperty("overlapping").GetBoolean());
        Assert.Equal(
            new Dictionary<string, bool> { ["sex"] = false, ["age"] = false, ["vulnerabilityCategory"] = true, ["placeOfResidence"] = false },
            dimensions);
        var vulnerability = json.GetProperty("breakdowns").EnumerateArray().Single(d => d.GetProperty("overlapping").GetBoolean());
        Assert.Equal(Breakdowns.Categories[Disaggregation.VulnerabilityCategory], vulnerability.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task The_reach_panel_says_vulnerability_categories_overlap()
    {
        var client = await SignIn.AsAsync(fixture.Factory, "executive@kreminna.local");

        var html = await client.GetStringAsync("/dashboard?year=2021");

        Assert.Contains("id=\"reach-overlap-note\"", html);
        Assert.Contains("Вразливі категорії перетинаються: одна людина може бути в кількох", html);
        Assert.Contains("aria-describedby=\"reach-overlap-note\"", html);
    }
}
