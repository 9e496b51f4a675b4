using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests;

/// <summary>Council staff keep the plan current in the browser; what they change is what the public sees.</summary>
public class PlanEditingTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const float Timeout = 30_000;

    private async Task OpenEditorAsync(IPage page, int measureId)
    {
        await fixture.OpenAsync(page, $"/measures/{measureId}/edit");
        await page.Locator("[data-action='save-measure']").WaitForAsync(new() { Timeout = Timeout });
    }

    private async Task<int> MeasureIdAsync(string direction, int number)
    {
        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        return await db.Measures.Where(m => m.Direction.Number == direction && m.Number == number).Select(m => m.Id).SingleAsync();
    }

    [Fact]
    public async Task Changing_a_funding_amount_changes_the_direction_and_grand_totals_on_the_public_page()
    {
        var (context, page) = await fixture.SignInAsync("staff@kreminna.local");
        await using var _ = context;
        var id = await MeasureIdAsync("IV", 7);
        await OpenEditorAsync(page, id);

        // The totals beside the amounts follow the typing before anything is saved.
        var amount = page.Locator("input[data-amount='local-2021']");
        await amount.FillAsync("100");
        await Assertions.Expect(page.Locator("tr[data-total='direction-local'] td").Nth(1)).ToHaveTextAsync("102,0");
        await Assertions.Expect(page.Locator("tr[data-total='plan-local'] td").Nth(1)).ToHaveTextAsync("107,0");

        await page.Locator("[data-action='save-measure']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{fixture.BaseUrl}/measures/{id}", new() { Timeout = Timeout });

        // The public page, anonymous, shows the new totals and the now-stale printed figures.
        await using var anonymous = await fixture.Browser.NewContextAsync();
        var publicPage = await anonymous.NewPageAsync();
        await publicPage.GotoAsync(fixture.BaseUrl + "/");
        var directionLocal = publicPage.Locator("tbody").Filter(new() { Has = publicPage.Locator("#direction-IV") })
            .Locator("tr.direction-total[data-source='local'] td");
        await Assertions.Expect(directionLocal.Nth(1)).ToContainTextAsync("102,0");
        await Assertions.Expect(directionLocal.Nth(1)).ToContainTextAsync("у документі: 77,0");
        await Assertions.Expect(publicPage.Locator("tr.grand-total[data-source='local'] td").Nth(1)).ToContainTextAsync("107,0");
        await Assertions.Expect(publicPage.Locator("tr.grand-total[data-source='all'] td").Nth(1)).ToHaveTextAsync("138,0");
    }

    [Fact]
    public async Task Two_pages_editing_the_same_measure_end_in_a_conflict_not_a_silent_overwrite()
    {
        var (context, first) = await fixture.SignInAsync("staff@kreminna.local");
        await using var _ = context;
        var second = await context.NewPageAsync();
        var id = await MeasureIdAsync("II", 4);
        await OpenEditorAsync(first, id);
        await OpenEditorAsync(second, id);

        await first.Locator("[data-field='content'] textarea, textarea[data-field='content']").First.FillAsync("Перша версія змісту від першої вкладки");
        await first.Locator("[data-action='save-measure']").ClickAsync();
        await Assertions.Expect(first).ToHaveURLAsync($"{fixture.BaseUrl}/measures/{id}", new() { Timeout = Timeout });

        await second.Locator("[data-field='content'] textarea, textarea[data-field='content']").First.FillAsync("Друга версія, з іншої вкладки");
        await second.Locator("[data-action='save-measure']").ClickAsync();

        var conflict = second.Locator("#conflict");
        await Assertions.Expect(conflict).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(conflict).ToContainTextAsync("Захід змінив хтось інший");
        await Assertions.Expect(conflict).ToContainTextAsync("Друга версія, з іншої вкладки");
        await Assertions.Expect(conflict).ToContainTextAsync("Перша версія змісту від першої вкладки");

        // Only the field both changed is offered; choosing mine knowingly saves the second version over the first.
        await Assertions.Expect(conflict.Locator("tr[data-conflict]")).ToHaveCountAsync(1);
        await conflict.Locator("tr[data-conflict='content'] input[data-choice='mine']").CheckAsync();
        await conflict.Locator("[data-action='apply-choices']").ClickAsync();
        await Assertions.Expect(conflict).ToHaveCountAsync(0);
        await second.Locator("[data-action='save-measure']").ClickAsync();
        await Assertions.Expect(second).ToHaveURLAsync($"{fixture.BaseUrl}/measures/{id}", new() { Timeout = Timeout });
        await Assertions.Expect(second.Locator("dl.measure-details dd").First).ToHaveTextAsync("Друга версія, з іншої вкладки");
    }

    [Fact]
    public async Task Two_people_changing_different_fields_of_one_measure_both_keep_their_changes()
    {
        var (staffContext, staff) = await fixture.SignInAsync("staff@kreminna.local");
        await using var _ = staffContext;
        var (adminContext, admin) = await fixture.SignInAsync("admin@kreminna.local");
        await using var __ = adminContext;
        var id = await MeasureIdAsync("II", 1);
        await OpenEditorAsync(staff, id);
        await OpenEditorAsync(admin, id);

        // Staff restore a funding line while the administrator edits the text.
        await staff.Locator("input[data-amount='other-2021']").FillAsync("3");
        await staff.Locator("[data-action='save-measure']").ClickAsync();
        await Assertions.Expect(staff).ToHaveURLAsync($"{fixture.BaseUrl}/measures/{id}", new() { Timeout = Timeout });

        await admin.Locator("textarea[data-field='content'], [data-field='content'] textarea").First.FillAsync("Зміст, уточнений адміністратором");
        await admin.Locator("[data-action='save-measure']").ClickAsync();

        // Nothing to choose: the administrator is told the other change was kept, and sees it in the form.
        var merged = admin.Locator("#merged");
        await Assertions.Expect(merged).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(merged).ToContainTextAsync("об'єднано з їхніми автоматично");
        await Assertions.Expect(merged.Locator("li[data-merged='funding-other-2021']")).ToContainTextAsync("Інші кошти, 2021 рік: — (немає) → 3,0");
        await Assertions.Expect(admin.Locator("#conflict")).ToHaveCountAsync(0);
        await Assertions.Expect(admin.Locator("input[data-amount='other-2021']")).ToHaveValueAsync(new Regex("^3(,0)?$"));

        await admin.Locator("[data-action='save-measure']").ClickAsync();
        await Assertions.Expect(admin).ToHaveURLAsync($"{fixture.BaseUrl}/measures/{id}", new() { Timeout = Timeout });
        var details = admin.Locator("dl.measure-details");
        await Assertions.Expect(details.Locator("dd").First).ToHaveTextAsync("Зміст, уточнений адміністратором");
        await Assertions.Expect(details).ToContainTextAsync("Інші кошти, 2021: 3,0");
    }

    [Fact]
    public async Task An_executive_cannot_reach_the_editor()
    {
        var (context, page) = await fixture.SignInAsync("executive@kreminna.local");
        await using var _ = context;

        await page.GotoAsync(fixture.BaseUrl + "/measures/1/edit");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/access-denied"), new() { Timeout = 15_000 });
        await fixture.OpenAsync(page, "/measures");
        await Assertions.Expect(page.Locator(".measures-grid")).ToContainTextAsync("Проведення періодичних засідань");
        await Assertions.Expect(page.Locator("a[href$='/edit']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Staff_search_the_measures_grid_in_ukrainian()
    {
        var (context, page) = await fixture.SignInAsync("staff@kreminna.local");
        await using var _ = context;
        await BrowserFixture.InteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-total]")).ToHaveAttributeAsync("data-total", "28");

        await page.Locator("input[data-field='search']").FillAsync("ДСНС");

        await Assertions.Expect(page.Locator("[data-total]")).ToHaveAttributeAsync("data-total", "2", new() { Timeout = Timeout });
    }
}
