using System.Globalization;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Plans;
using Kreminna1325.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests;

public class AmendmentPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToHaveTextOptions Slow = new() { Timeout = 15_000 };

    [Fact]
    public async Task Staff_record_a_council_decision_and_the_public_page_shows_the_plan_as_amended()
    {
        // Measure IV.7's local line of the plan's first year (the form's default source and year), and the totals it is part of.
        string option;
        decimal now;
        await using (var db = await fixture.DbFactory.CreateDbContextAsync())
        {
            var measure = await db.Measures.Where(m => m.Direction.Number == "IV" && m.Number == 7)
                .Select(m => new { m.Content, Now = m.FundingLines.Where(f => f.Source == FundingSource.Local && f.Year == 2020).Sum(f => f.Amount) }).SingleAsync();
            option = $"IV.7. {(measure.Content.Length > 80 ? measure.Content[..80].TrimEnd() + "…" : measure.Content)}";
            now = measure.Now;
        }

        var before = (await new BudgetReportService(fixture.DbFactory).GetAsync(fixture.PlanId))!;
        var directionBefore = before.Directions.Single(d => d.Number == "IV").Total(FundingSource.Local, 2020);
        var planBefore = before.Total(FundingSource.Local, 2020);
        static string Uk(decimal amount) => amount.ToString(Format.AmountPattern, CultureInfo.GetCultureInfo("uk-UA"));

        var (context, page) = await fixture.SignInAsync("staff@kreminna.local");
        await using var _ = context;
        await fixture.OpenAsync(page, $"/plans/{fixture.PlanId}/amendments");

        await page.Locator("input[data-field='amendment-number']").FillAsync("15/2");
        await page.GetByLabel("Дата рішення").FillAsync("10.06.2021");
        await page.GetByLabel("Дата рішення").PressAsync("Tab");
        await page.Locator("textarea[data-field='amendment-title']").FillAsync("Про внесення змін до Міського плану: захід IV.7");
        await page.Locator("[data-action='add-line']").ClickAsync();
        await PickAsync(page, "Захід", option);
        await page.Locator("input[data-field='new-amount']").FillAsync((now + 5m).ToString(CultureInfo.InvariantCulture));

        // The totals the change touches are offered as the lines will add up, beside what is printed now.
        var direction = page.Locator("tr[data-total='IV-Local-2020'] td");
        await Assertions.Expect(direction.Nth(3)).ToHaveTextAsync(Uk(directionBefore + 5m), Slow);
        await Assertions.Expect(page.Locator("tr[data-total='plan-Local-2020'] td").Nth(3)).ToHaveTextAsync(Uk(planBefore + 5m), Slow);

        await page.Locator("[data-action='record-amendment']").ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-amendment]")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("tr[data-amendment]")).ToContainTextAsync("10.06.2021", new() { Timeout = 15_000 });

        // Anonymous: the plan as amended, the decision in its list, and no warning of its own.
        await using var anonymous = await fixture.Browser.NewContextAsync();
        var publicPage = await anonymous.NewPageAsync();
        await publicPage.GotoAsync(fixture.BaseUrl + "/");
        var directionLocal = publicPage.Locator("tbody").Filter(new() { Has = publicPage.Locator("#direction-IV") })
            .Locator("tr.direction-total[data-source='local'] td");
        await Assertions.Expect(directionLocal.Nth(0)).ToHaveTextAsync(Uk(directionBefore + 5m), new() { Timeout = 15_000, UseInnerText = true });
        await Assertions.Expect(publicPage.Locator("tr.grand-total[data-source='local'] td").Nth(0)).ToHaveTextAsync(Uk(planBefore + 5m), new() { Timeout = 15_000, UseInnerText = true });
        await Assertions.Expect(publicPage.Locator("#amendments li")).ToHaveCountAsync(1);
        await Assertions.Expect(publicPage.Locator("#amendments li")).ToContainTextAsync("Рішення № 15/2 від 10.06.2021 — Про внесення змін до Міського плану: захід IV.7");

        // Only the adopted document's own slip (direction III and the plan, 2022) is still flagged.
        await Assertions.Expect(publicPage.Locator("td.mismatch")).ToHaveCountAsync(2);

        // The plan as adopted is one link away, with the original amounts.
        await publicPage.Locator("[data-action='read-adopted']").ClickAsync();
        await Assertions.Expect(publicPage.Locator("[data-version='adopted']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var adoptedLocal = publicPage.Locator("tbody").Filter(new() { Has = publicPage.Locator("#direction-IV") })
            .Locator("tr.direction-total[data-source='local'] td");
        await Assertions.Expect(adoptedLocal.Nth(0)).ToHaveTextAsync(Uk(directionBefore), new() { Timeout = 15_000, UseInnerText = true });
        await Assertions.Expect(publicPage.Locator("tr.grand-total[data-source='local'] td").Nth(0)).ToHaveTextAsync(Uk(planBefore), new() { UseInnerText = true });
    }

    /// <summary>
    /// <see cref="BrowserFixture.ChooseAsync"/> with the select found by its exact name, once the previous select's
    /// list has closed: a click sent while it is still closing lands on its overlay and opens nothing.
    /// </summary>
    private static async Task PickAsync(IPage page, string label, string option)
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        var select = page.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true });
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Assertions.Expect(select).ToHaveTextAsync(option, new() { Timeout = 15_000 });
    }
}
