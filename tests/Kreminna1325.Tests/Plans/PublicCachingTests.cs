using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Tests.Accounts;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Tests.Plans;

public sealed class PublicCachingFixture : WebFixture
{
    /// <summary>Anonymous: no cookie jar, so every request carries exactly the cookies a test gives it.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Anonymous = Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = Factory.ClientOptions.BaseAddress });
    }

    public async Task<Fetched> GetAsync(string path, string? cookie = null, string? ifNoneMatch = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path.Replace("{plan}", PlanId.ToString()));
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(new(ifNoneMatch));
        }

        using var response = await (client ?? Anonymous).SendAsync(request);
        return new(response.StatusCode, response.Headers.ETag?.Tag, response.Headers.CacheControl?.ToString(),
            response.Headers.Age is not null, response.Headers.ToDictionary(h => h.Key, h => h.Value.ToList(), StringComparer.OrdinalIgnoreCase),
            await response.Content.ReadAsStringAsync());
    }

    public async Task<T> AsStaffAsync<T>(Func<IServiceProvider, System.Security.Claims.ClaimsPrincipal, Task<T>> work)
    {
        var staff = await PrincipalAsync("staff@kreminna.local");
        return await InScopeAsync(services => work(services, staff));
    }
}

public sealed record Fetched(HttpStatusCode Status, string? ETag, string? CacheControl, bool FromCache, Dictionary<string, List<string>> Headers, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// What anonymous visitors get is served from the output cache with an ETag, until the plan changes;
/// nobody signed in ever gets, or leaves behind, a cached page.
/// </summary>
public class PublicCachingTests(PublicCachingFixture fixture) : IClassFixture<PublicCachingFixture>
{
    public static TheoryData<string> PublicPaths =>
        ["/", "/plans/{plan}", "/api/plans", "/api/plans/{plan}", "/api/plans/{plan}/budget", "/api/responsible-bodies",
         "/c/kreminna", "/api/communities", "/api/communities/UA44120030000094047/plans"];

    [Theory]
    [MemberData(nameof(PublicPaths))]
    public async Task Anonymous_responses_carry_an_etag_come_from_the_cache_and_answer_304_to_if_none_match(string path)
    {
        var first = await fixture.GetAsync(path);
        var second = await fixture.GetAsync(path);
        var conditional = await fixture.GetAsync(path, ifNoneMatch: first.ETag);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.NotNull(first.ETag);
        Assert.Equal("public, no-cache", first.CacheControl);
        Assert.False(first.Headers.ContainsKey("Set-Cookie"));

        Assert.True(second.FromCache, "the second anonymous request is answered from the cache");
        Assert.Equal(first.ETag, second.ETag);
        Assert.Equal(first.Body, second.Body);

        Assert.Equal(HttpStatusCode.NotModified, conditional.Status);
        Assert.Equal(first.ETag, conditional.ETag);
        Assert.Empty(conditional.Body);
    }

    [Fact]
    public async Task The_page_varies_by_cookie_and_the_api_does_not()
    {
        Assert.Equal("Cookie", Assert.Single((await fixture.GetAsync("/")).Headers["Vary"]));
        Assert.False((await fixture.GetAsync("/api/plans/{plan}/budget")).Headers.ContainsKey("Vary"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/plans/{plan}/budget")]
    public async Task A_cached_hit_and_a_304_still_carry_the_security_headers(string path)
    {
        var miss = await fixture.GetAsync(path);
        var hit = await fixture.GetAsync(path);
        var notModified = await fixture.GetAsync(path, ifNoneMatch: miss.ETag);

        Assert.True(hit.FromCache);
        foreach (var response in new[] { hit, notModified })
        {
            var csp = Assert.Single(response.Headers["Content-Security-Policy"]);
            Assert.Contains("script-src 'self';", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Equal("nosniff", Assert.Single(response.Headers["X-Content-Type-Options"]));
            Assert.Equal("DENY", Assert.Single(response.Headers["X-Frame-Options"]));
            Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers["Referrer-Policy"]));
        }
    }

    [Fact]
    public async Task Each_language_and_theme_has_its_own_copy()
    {
        const string english = ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US";
        var ukrainian = await fixture.GetAsync("/");
        var inEnglish = await fixture.GetAsync("/", english);
        var dark = await fixture.GetAsync("/", "kreminna1325.theme=dark");
        var ukrainianAgain = await fixture.GetAsync("/");
        var inEnglishAgain = await fixture.GetAsync("/", english);

        Assert.Contains("<html lang=\"uk\"", ukrainian.Body);
        Assert.Contains("ВСЬОГО ЗА ПІДСУМКОМ:", ukrainian.Body);
        Assert.Contains("<html lang=\"en\"", inEnglish.Body);
        Assert.Contains("GRAND TOTAL:", inEnglish.Body);
        Assert.Contains("--mud-palette-appbar-background: rgba(21,50,77,1)", dark.Body);
        Assert.DoesNotContain("--mud-palette-appbar-background: rgba(21,50,77,1)", ukrainian.Body);
        Assert.Equal(3, new[] { ukrainian.ETag, inEnglish.ETag, dark.ETag }.Distinct().Count());

        Assert.True(ukrainianAgain.FromCache);
        Assert.Contains("<html lang=\"uk\"", ukrainianAgain.Body);
        Assert.True(inEnglishAgain.FromCache);
        Assert.Contains("<html lang=\"en\"", inEnglishAgain.Body);
    }

    [Fact]
    public async Task A_signed_in_person_never_gets_the_anonymous_copy_and_never_leaves_one()
    {
        var staff = await SignIn.AsAsync(fixture.Factory, "staff@kreminna.local");

        // Anonymous first: the copy is there, yet the signed-in page is rendered for its person.
        var anonymous = await fixture.GetAsync("/");
        var signedIn = await fixture.GetAsync("/", client: staff);
        Assert.Contains("data-user=\"staff@kreminna.local\"", signedIn.Body);
        Assert.Contains("account/logout", signedIn.Body);
        Assert.False(signedIn.FromCache);
        Assert.Null(signedIn.ETag);
        Assert.DoesNotContain("public", signedIn.CacheControl ?? "");
        Assert.Equal(HttpStatusCode.OK, (await fixture.GetAsync("/", ifNoneMatch: anonymous.ETag, client: staff)).Status);

        // Signed in first, in a variant nobody has asked for yet: what anonymous visitors get next is theirs.
        using var dark = await staff.GetAsync("/preferences?theme=dark&returnUrl=%2F");
        var signedInDark = await fixture.GetAsync($"/plans/{fixture.PlanId}", client: staff);
        Assert.Contains("data-user=\"staff@kreminna.local\"", signedInDark.Body);
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var anonymousDark = await fixture.GetAsync($"/plans/{fixture.PlanId}", "kreminna1325.theme=dark");
            Assert.DoesNotContain("data-user", anonymousDark.Body);
            Assert.DoesNotContain("account/logout", anonymousDark.Body);
            Assert.Contains("account/login", anonymousDark.Body);
        }
    }

    [Fact]
    public async Task A_funding_change_through_the_api_shows_at_once_on_the_page_and_in_the_budget()
    {
        var pageBefore = await fixture.GetAsync("/");
        var budgetBefore = await fixture.GetAsync("/api/plans/{plan}/budget");
        var bodiesBefore = await fixture.GetAsync("/api/responsible-bodies");
        Assert.True((await fixture.GetAsync("/")).FromCache);
        Assert.True((await fixture.GetAsync("/api/plans/{plan}/budget")).FromCache);

        int measureId;
        await using (var db = await fixture.DbFactory.CreateDbContextAsync())
        {
            measureId = await db.Measures.Where(m => m.Direction.Number == "I" && m.Number == 3).Select(m => m.Id).SingleAsync();
        }

        var staff = await SignIn.AsAsync(fixture.Factory, "staff@kreminna.local");
        var form = (await staff.GetFromJsonAsync<JsonObject>($"/api/measures/{measureId}/form"))!;
        var lines = form["fundingLines"]!.AsArray();
        var line = lines.First(l => l!["year"]!.GetValue<int>() == 2021)!;
        var delta = 777.25m - line["amount"]!.GetValue<decimal>();
        line["amount"] = 777.25m;
        using (var saved = await staff.PutAsJsonAsync($"/api/measures/{measureId}", form))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        var pageAfter = await fixture.GetAsync("/");
        var budgetAfter = await fixture.GetAsync("/api/plans/{plan}/budget");
        Assert.DoesNotContain("777,25", pageBefore.Body);
        Assert.Contains("777,25", pageAfter.Body);
        Assert.Equal(GrandTotal(budgetBefore, 2021) + delta, GrandTotal(budgetAfter, 2021));

        // The old validators no longer match: a 200 with the new figure, never a 304 for the old one.
        var stale = await fixture.GetAsync("/", ifNoneMatch: pageBefore.ETag);
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains("777,25", stale.Body);
        Assert.NotEqual(pageBefore.ETag, stale.ETag);
        Assert.Equal(HttpStatusCode.OK, (await fixture.GetAsync("/api/plans/{plan}/budget", ifNoneMatch: budgetBefore.ETag)).Status);

        // The ETag is the content's: the bodies did not change, so their old one still answers 304 after the eviction.
        var bodies = await fixture.GetAsync("/api/responsible-bodies", ifNoneMatch: bodiesBefore.ETag);
        Assert.Equal(HttpStatusCode.NotModified, bodies.Status);
    }

    public static TheoryData<string, string> Editors => new()
    {
        { "body registry", "/api/responsible-bodies" },
        { "direction editor", "/" },
        { "plan editor", "/api/plans" },
    };

    [Theory]
    [MemberData(nameof(Editors))]
    public async Task Every_editor_evicts_what_it_changed(string editor, string path)
    {
        var marker = $"Перевірка кешу {Guid.NewGuid():N}";
        await fixture.GetAsync(path);
        Assert.True((await fixture.GetAsync(path)).FromCache);

        Assert.Equal(EditOutcome.Saved, await fixture.AsStaffAsync((services, user) => ChangeAsync(editor, marker, services, user)));

        var after = await fixture.GetAsync(path);
        Assert.False(after.FromCache);
        Assert.Contains(marker, after.Body);
    }

    private async Task<EditOutcome> ChangeAsync(string editor, string marker, IServiceProvider services, System.Security.Claims.ClaimsPrincipal user)
    {
        switch (editor)
        {
            case "body registry":
                var registry = services.GetRequiredService<BodyRegistry>();
                var body = (await registry.ListAsync()).First(b => b.Measures > 0);
                var form = new BodyForm { Id = body.Id, Name = marker, ShortName = body.ShortName, Kind = body.Kind, Aliases = [.. body.Aliases], Version = body.Version };
                return (await registry.SaveAsync(user, form)).Outcome;
            case "direction editor":
                var directions = services.GetRequiredService<DirectionEditor>();
                var direction = (await directions.ListAsync(fixture.PlanId)).First();
                return (await directions.RenameAsync(user, direction.Id, marker, direction.Version)).Outcome;
            default:
                var plans = services.GetRequiredService<PlanEditor>();
                var plan = (await plans.LoadAsync(fixture.PlanId))!;
                plan.Title = marker;
                return (await plans.SaveAsync(user, plan)).Outcome;
        }
    }

    private static decimal GrandTotal(Fetched budget, int year) =>
        budget.Json.GetProperty("grandTotals").EnumerateArray().Single(t => t.GetProperty("year").GetInt32() == year).GetProperty("amount").GetDecimal();
}

/// <summary>An install whose plan is loaded while it runs: the seed evicts like any other change.</summary>
public sealed class EmptyInstallFixture : TestDatabase
{
    public KreminnaWebFactory Factory { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Factory = new KreminnaWebFactory(ConnectionString, settings: new Dictionary<string, string?> { ["Database:LoadBuiltInPlan"] = "false" });
    }

    public override async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await base.DisposeAsync();
    }
}

public class SeedEvictionTests(EmptyInstallFixture fixture) : IClassFixture<EmptyInstallFixture>
{
    [Fact]
    public async Task Loading_the_built_in_plan_evicts_the_empty_list()
    {
        var client = fixture.Factory.CreateClient();
        Assert.Equal("[]", await client.GetStringAsync("/api/plans"));
        using (var cached = await client.GetAsync("/api/plans"))
        {
            Assert.NotNull(cached.Headers.Age);
        }

        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<Kreminna1325.Core.Seed.PlanLoader>()
                .LoadIfEmptyAsync(Kreminna1325.Core.Seed.BuiltInPlan.Read()));
        }

        var plans = JsonDocument.Parse(await client.GetStringAsync("/api/plans")).RootElement;
        Assert.Equal("Кремінська міська рада", Assert.Single(plans.EnumerateArray()).GetProperty("municipality").GetString());
    }
}
