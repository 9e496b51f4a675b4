using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Kreminna1325.Tests.Accounts;

namespace Kreminna1325.Tests.Communities;

/// <summary>The app over Kreminna (the built-in plan and an older one), Rubizhne and a Volyn community with a plan each, and Sievierodonetsk with none.</summary>
public sealed class PublicCommunitiesFixture : WebFixture
{
    public const string Kreminna = CommunityQueriesFixture.Kreminna;
    public const string Ivanychi = CommunityQueriesFixture.Ivanychi;

    public int OlderPlanId { get; private set; }
    public HttpClient Anonymous { get; private set; } = null!;

    // Only what the public reads is under test here: no demo accounts or reports.
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Demo:Enabled"] = "false" };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var kreminna = await CommunitySeed.CommunityAsync(DbFactory, Kreminna, "kreminna");
        OlderPlanId = await CommunitySeed.EmptyPlanAsync(DbFactory, kreminna, "План заходів на 2017–2019 роки", 2017, 2019);
        var rubizhne = await CommunitySeed.CommunityAsync(DbFactory, CommunityQueriesFixture.Rubizhne, "rubizhne");
        await CommunitySeed.EmptyPlanAsync(DbFactory, rubizhne, "План заходів Рубіжанської громади на 2024–2026 роки", 2024, 2026);
        await CommunitySeed.EmptyPlanAsync(DbFactory, await CommunitySeed.CommunityAsync(DbFactory, Ivanychi, "ivanychi"), "Ivanychi plan", 2025, 2027);
        await CommunitySeed.CommunityAsync(DbFactory, CommunityQueriesFixture.Sievierodonetsk, "sievierodonetsk");
        Anonymous = Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = Factory.ClientOptions.BaseAddress });
    }
}

/// <summary>What the public reads of many communities: GET /api/communities, a community's plans, "/" and /c/{slug}.</summary>
public class PublicCommunitiesTests(PublicCommunitiesFixture fixture) : IClassFixture<PublicCommunitiesFixture>
{
    private async Task<JsonElement> JsonAsync(string path)
    {
        using var response = await fixture.Anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<(HttpStatusCode Status, AngleSharp.Html.Dom.IHtmlDocument Html)> PageAsync(string path)
    {
        using var response = await fixture.Anonymous.GetAsync(path);
        return (response.StatusCode, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Lists_the_communities_with_a_plan_under_their_KATOTTG_codes()
    {
        var communities = (await JsonAsync("/api/communities")).EnumerateArray().ToList();

        Assert.Equal(["UA07020070000082628", "UA44120030000094047", "UA44120090000062828"], communities.Select(c => c.GetProperty("code").GetString()));
        var kreminna = communities[1];
        Assert.Equal(["code", "name", "oblast", "oblastCode", "slug"], kreminna.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Кремінська міська територіальна громада", kreminna.GetProperty("name").GetString());
        Assert.Equal("Луганська область", kreminna.GetProperty("oblast").GetString());
        Assert.Equal("UA44000000000018893", kreminna.GetProperty("oblastCode").GetString());
        Assert.Equal("kreminna", kreminna.GetProperty("slug").GetString());
        Assert.Equal("UA07000000000024379", communities[0].GetProperty("oblastCode").GetString());
    }

    [Fact]
    public async Task A_communitys_plans_are_shaped_as_the_plan_list_and_newest_first()
    {
        var all = (await JsonAsync("/api/plans")).EnumerateArray().ToDictionary(p => p.GetProperty("id").GetInt32(), p => p.GetRawText());
        var plans = (await JsonAsync($"/api/communities/{PublicCommunitiesFixture.Kreminna}/plans")).EnumerateArray().ToList();

        Assert.Equal([fixture.PlanId, fixture.OlderPlanId], plans.Select(p => p.GetProperty("id").GetInt32()));
        Assert.All(plans, p => Assert.Equal(all[p.GetProperty("id").GetInt32()], p.GetRawText()));

        // The existing plan list still has every community's plans.
        Assert.Equal(4, all.Count);

        // A code as people type it.
        var lower = await JsonAsync($"/api/communities/{PublicCommunitiesFixture.Kreminna.ToLowerInvariant()}/plans");
        Assert.Equal(2, lower.GetArrayLength());
    }

    [Theory]
    [InlineData("UA44120000000092852", "UA44120000000092852 — код району, а не територіальної громади.")]
    [InlineData("UA44120030010038707", "UA44120030010038707 — код населеного пункту, а не територіальної громади.")]
    [InlineData("UA44120030000094048", "Територіальної громади з кодом UA44120030000094048 немає в кодифікаторі КАТОТТГ (редакція від 02.07.2025).")]
    [InlineData(CommunityQueriesFixture.Sievierodonetsk, "Тут немає громади з кодом КАТОТТГ UA44120110000010163, яка має план.")]
    [InlineData("UA26020010000096556", "Тут немає громади з кодом КАТОТТГ UA26020010000096556, яка має план.")]
    public async Task A_code_of_no_community_here_is_a_404_problem_that_says_why(string code, string detail)
    {
        using var response = await fixture.Anonymous.GetAsync($"/api/communities/{Uri.EscapeDataString(code)}/plans");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("Громаду не знайдено", problem.GetProperty("title").GetString());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("UA-44")]
    [InlineData("UA4412003000009404")]
    [InlineData("UA44120030000094047x")]
    [InlineData("<b>UA44120030000094047</b>")]
    public async Task A_malformed_code_is_a_400_problem_that_says_what_a_code_is(string code)
    {
        using var response = await fixture.Anonymous.GetAsync($"/api/communities/{Uri.EscapeDataString(code)}/plans");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("Некоректний запит", problem.GetProperty("title").GetString());
        Assert.Equal("Код КАТОТТГ — це «UA» і 17 цифр, наприклад UA44120030000094047.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_openapi_document_has_both_endpoints()
    {
        var paths = (await JsonAsync("/openapi/v1.json")).GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/communities", paths);
        Assert.Contains("/api/communities/{code}/plans", paths);
    }

    [Fact]
    public async Task The_home_page_lists_the_communities_by_oblast()
    {
        var (status, html) = await PageAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Громади та їхні плани дій 1325", html.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal(["Волинська область", "Луганська область"], html.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()));
        var links = html.QuerySelectorAll("main section a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Equal(
        [
            ("Іваничівська територіальна громада", "/c/ivanychi"),
            ("Кремінська міська територіальна громада", "/c/kreminna"),
            ("Рубіжанська міська територіальна громада", "/c/rubizhne"),
        ], links);

        // Each oblast is a region named by its heading.
        var luhansk = html.QuerySelectorAll("main section")[1];
        Assert.Equal("Луганська область", html.GetElementById(luhansk.GetAttribute("aria-labelledby")!)!.TextContent.Trim());
    }

    [Fact]
    public async Task A_communitys_page_shows_its_newest_plan_and_links_its_others()
    {
        var (status, html) = await PageAsync("/c/kreminna");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("Міський план заходів", html.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal("Кремінська міська територіальна громада: план заходів", html.Title);
        Assert.Equal(28, html.QuerySelectorAll("tr.measure-row").Length);
        var others = html.QuerySelectorAll("nav.community-other-plans a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Equal([("План заходів на 2017–2019 роки, 2017–2019", $"/plans/{fixture.OlderPlanId}")], others);

        // One plan: no list of others.
        var (_, ivanychi) = await PageAsync("/c/ivanychi");
        Assert.Equal("Ivanychi plan", ivanychi.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Empty(ivanychi.QuerySelectorAll("nav.community-other-plans"));
    }

    [Theory]
    [InlineData("/c/no-such-community")]
    [InlineData("/c/sievierodonetsk")]
    [InlineData("/c/%3Cscript%3E")]
    public async Task An_unknown_community_is_the_not_found_page(string path)
    {
        var (status, html) = await PageAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Сторінку не знайдено", html.QuerySelector("main h1")!.TextContent.Trim());
    }
}
