using System.Text.RegularExpressions;
using Kreminna1325.Core.Budget;
using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests;

public class DashboardTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task The_executive_lands_on_the_dashboard_and_drills_down_from_an_overdue_count()
    {
        var budget = (await new BudgetReportService(fixture.DbFactory).GetAsync(fixture.PlanId))!;
        var (context, page) = await fixture.SignInAsync("executive@kreminna.local");
        await using var _ = context;

        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseUrl + "/dashboard", new() { Timeout = Timeout });
        await BrowserFixture.InteractiveAsync(page);
        await Assertions.Expect(page.Locator("#approved-only")).ToContainTextAsync("лише з затверджених звітів");

        // The year's planned budget is the reporting service's total for it.
        var expected = budget.GrandTotal(2022).ToString("#,##0.0#", new System.Globalization.CultureInfo("uk-UA"));
        await Assertions.Expect(page.Locator("[data-planned-total='2022']")).ToHaveTextAsync(expected);
        await Assertions.Expect(page.Locator("[data-year-total='2022']")).ToHaveTextAsync(expected);
        await Assertions.Expect(page.Locator("#dashboard-mismatches li")).ToHaveCountAsync(2);

        // Direction I's overdue count opens exactly those reports.
        var overdue = page.Locator("a[data-overdue='I']");
        var count = await overdue.InnerTextAsync();
        await overdue.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/reports\\?year=2022&state=overdue&direction=\\d+"), new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("[data-count]")).ToHaveAttributeAsync("data-count", count.Trim());
        await Assertions.Expect(page.Locator(".reports-list tbody tr")).ToHaveCountAsync(int.Parse(count.Trim()));
        await Assertions.Expect(page.Locator(".reports-list tbody tr").First).ToContainTextAsync("I.");
    }

    [Fact]
    public async Task A_status_count_opens_the_measures_in_that_status_not_the_reports()
    {
        var (context, page) = await fixture.SignInAsync("executive@kreminna.local");
        await using var _ = context;
        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseUrl + "/dashboard", new() { Timeout = Timeout });
        await BrowserFixture.InteractiveAsync(page);

        var notStarted = page.Locator("tr[data-direction='I'] a[data-status='NotStarted']");
        var count = (await notStarted.InnerTextAsync()).Trim();
        await notStarted.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/measures\\?year=2022&status=notstarted&direction=\\d+$"), new() { Timeout = Timeout });
        // The list loads once the page is interactive: on a busy machine that takes longer than Playwright's 5 s default.
        await Assertions.Expect(page.Locator("[data-total]")).ToHaveAttributeAsync("data-total", count, new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator(".mud-chip[data-status='NotStarted']")).ToBeVisibleAsync(new() { Timeout = Timeout });
    }

    [Fact]
    public async Task The_dashboard_figures_are_served_as_json_to_signed_in_executives_only()
    {
        await using var anonymous = await fixture.Browser.NewContextAsync();
        var response = await anonymous.APIRequest.GetAsync(fixture.BaseUrl + "/api/dashboard?year=2021");
        Assert.Equal(401, response.Status);

        var (context, page) = await fixture.SignInAsync("executive@kreminna.local");
        await using var _ = context;
        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseUrl + "/dashboard", new() { Timeout = Timeout });

        var json = await context.APIRequest.GetAsync(fixture.BaseUrl + "/api/dashboard?year=2020");
        Assert.Equal(200, json.Status);
        var body = await json.JsonAsync();
        Assert.Equal(2020, body!.Value.GetProperty("year").GetInt32());

        // The demo official's approved 2020 reports for I.4 reach women and men.
        var first = body.Value.GetProperty("reach").EnumerateArray().First(r => r.GetProperty("number").GetString() == "I");
        Assert.True(first.GetProperty("women").GetInt32() > first.GetProperty("men").GetInt32());
    }
}
