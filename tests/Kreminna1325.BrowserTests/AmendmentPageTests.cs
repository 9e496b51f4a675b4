using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests;

public class AmendmentPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToHaveTextOptions Slow = new() { Timeout = 15_000 };

    [Fact]
    public async Task Staff_record_a_council_decision_and_the_public_page_shows_the_plan_as_amended()
    {
        // Measure IV.7 plans 75,0 from the local budget in 2021; direction IV prints 77,0 and the plan 82,0.
        string option;
        await using (var db = await fixture.DbFactory.CreateDbContextAsync())
        {
            var content = await db.Measures.Where(m => m.Direction.Number == "IV" && m.Number == 7).Select(m => m.Content).SingleAsync();
            option = $"IV.7. {(content.Length > 80 ? content[..80].TrimEnd() + "…" : content)}";
        }

        var (context, page) = await fixture.SignInAsync("staff@kreminna.local");
        await using var _ = context;
        await fixture.OpenAsync(page, $"/plans/{fixture.PlanId}/amendments");

        await page.Locator("input[data-field='amendment-number']").FillAsync("15/2");
        await page.GetByLabel("Дата рішення").FillAsync("10.06.2021");
        await page.GetByLabel("Дата рішення").PressAsync("Tab");
        await page.Locator("textarea[data-field='amendment-title']").FillAsync("Про внесення змін до Міського плану: захід IV.7");
        await page.Locator("[data-action='add-line']").ClickAsync();
        await PickAsync(page, "Захід", option);
        await PickAsync(page, "Рік", "2021");
        await page.Locator("input[data-field='new-amount']").FillAsync("80");

        // The totals the change touches are offered as the lines will add up, beside what is printed now.
        var direction = page.Locator("tr[data-total='IV-Local-2021'] td");
        await Assertions.Expect(direction.Nth(2)).ToHaveTextAsync("77,0", Slow);
        await Assertions.Expect(direction.Nth(3)).ToHaveTextAsync("82,0", Slow);
        await Assertions.Expect(page.Locator("tr[data-total='plan-Local-2021'] td").Nth(3)).ToHaveTextAsync("87,0", Slow);

        await page.Locator("[data-action='record-amendment']").ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-amendment]")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("tr[data-amendment]")).ToContainTextAsync("10.06.2021", new() { Timeout = 15_000 });

        // Anonymous: the plan as amended, the decision in its list, and no warning of its own.
        await using var anonymous = await fixture.Browser.NewContextAsync();
        var publicPage = await anonymous.NewPageAsync();
        await publicPage.GotoAsync(fixture.BaseUrl + "/");
        var directionLocal = publicPage.Locator("tbody").Filter(new() { Has = publicPage.Locator("#direction-IV") })
            .Locator("tr.direction-total[data-source='local'] td");
        await Assertions.Expect(directionLocal.Nth(1)).ToHaveTextAsync("82,0", new() { Timeout = 15_000, UseInnerText = true });
        await Assertions.Expect(publicPage.Locator("tr.grand-total[data-source='local'] td").Nth(1)).ToHaveTextAsync("87,0", new() { Timeout = 15_000, UseInnerText = true });
        await Assertions.Expect(publicPage.Locator("#amendments li")).ToHaveCountAsync(1);
        await Assertions.Expect(publicPage.Locator("#amendments li")).ToContainTextAsync("Рішення № 15/2 від 10.06.2021 — Про внесення змін до Міського плану: захід IV.7");

        // Only the adopted document's own slip (direction III and the plan, 2022) is still flagged.
        await Assertions.Expect(publicPage.Locator("td.mismatch")).ToHaveCountAsync(2);

        // The plan as adopted is one link away, with the original amounts.
        await publicPage.Locator("[data-action='read-adopted']").ClickAsync();
        await Assertions.Expect(publicPage.Locator("[data-version='adopted']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var adoptedLocal = publicPage.Locator("tbody").Filter(new() { Has = publicPage.Locator("#direction-IV") })
            .Locator("tr.direction-total[data-source='local'] td");
        await Assertions.Expect(adoptedLocal.Nth(1)).ToHaveTextAsync("77,0", new() { Timeout = 15_000, UseInnerText = true });
        await Assertions.Expect(publicPage.Locator("tr.grand-total[data-source='local'] td").Nth(1)).ToHaveTextAsync("82,0", new() { UseInnerText = true });
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
