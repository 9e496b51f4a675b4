using Kreminna1325.BrowserTests.Accessibility;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Seed;
using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests;

/// <summary>Kreminna and Rubizhne, each with the built-in plan: "/" lists them and each has its page.</summary>
public sealed class CommunityPagesFixture : BrowserFixture
{
    protected override async Task<int> ConfigureAsync(Dictionary<string, string?> settings)
    {
        settings["Demo:Enabled"] = "false";
        await CreateLoader().LoadIfEmptyAsync(BuiltInPlan.Read(), KnownCommunities.Rubizhne());
        return 0;
    }
}

/// <summary>A visitor finds a community on "/" and reads its plan at /c/{slug}, in both themes, on a laptop and a phone.</summary>
public class CommunityPagesTests(CommunityPagesFixture fixture) : IClassFixture<CommunityPagesFixture>
{
    private const float Timeout = 15_000;

    [Theory]
    [InlineData("light", 1366)]
    [InlineData("dark", 390)]
    public async Task A_visitor_picks_a_community_on_the_home_page_and_reads_its_plan(string theme, int width)
    {
        await using var context = await fixture.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = width >= 1000 ? 768 : 844 }, BypassCSP = true, Locale = "uk-UA",
        });
        await context.AddCookiesAsync([new Cookie { Name = Kreminna1325.Web.UiState.ThemeCookie, Value = theme, Url = fixture.BaseUrl }]);
        var page = await context.NewPageAsync();

        await page.GotoAsync(fixture.BaseUrl + "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Громади та їхні плани дій 1325", new() { Timeout = Timeout });
        var luhansk = page.GetByRole(AriaRole.Region, new() { Name = "Луганська область" });
        await Assertions.Expect(luhansk.GetByRole(AriaRole.Link)).ToHaveTextAsync(
            ["Кремінська міська територіальна громада", "Рубіжанська міська територіальна громада"], new() { Timeout = Timeout });
        await AssertFitsAndAccessibleAsync(page, $"/ ({theme}, {width}px)", width);

        await luhansk.GetByRole(AriaRole.Link, new() { Name = "Рубіжанська міська територіальна громада" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseUrl + "/c/rubizhne", new() { Timeout = Timeout });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Міський план заходів", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("tr.measure-row")).ToHaveCountAsync(28, new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator(".community-of-plan")).ToHaveTextAsync("Рубіжанська міська територіальна громада · Луганська область");
        await AssertFitsAndAccessibleAsync(page, $"/c/rubizhne ({theme}, {width}px)", width);
    }

    [Fact]
    public async Task The_list_reads_in_English_when_English_is_chosen()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c%3Den-US%7Cuic%3Den-US", Url = fixture.BaseUrl }]);
        var page = await context.NewPageAsync();

        await page.GotoAsync(fixture.BaseUrl + "/");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Communities and their 1325 action plans", new() { Timeout = Timeout });
        await Assertions.Expect(page.GetByText("Choose a community to read its local action plan")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_unknown_community_is_the_not_found_page()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(fixture.BaseUrl + "/c/no-such-community");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Сторінку не знайдено", new() { Timeout = Timeout });
    }

    private static async Task AssertFitsAndAccessibleAsync(IPage page, string where, int width)
    {
        await Axe.SettleAsync(page);
        Assert.Empty(await UiLanguage.FindAsync(page, where));
        var violations = await Axe.ViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{where}: {violations.Count} axe violation(s)\n" + string.Join("\n", violations));
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{where}: {overflow}px wider than the {width}px screen");
    }
}
