using Kreminna1325.Core.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests;

/// <summary>
/// Every page of every role, in the Ukrainian UI (the default), with its selects, date picker, pager
/// menu and conversion errors open: no English word on screen or in what a screen reader says.
/// </summary>
public class UiLanguageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const float Timeout = 15_000;

    [Fact]
    public Task Anonymous_pages_are_in_Ukrainian() =>
        VisitAsync(null, ["/", $"/plans/{fixture.PlanId}", "/c/kreminna", "/open-data", "/account/login", "/account/access-denied", "/no-such-page"]);

    [Fact]
    public async Task Administrator_pages_are_in_Ukrainian()
    {
        var ids = await IdsAsync();
        await VisitAsync("admin@kreminna.local",
        [
            "/admin/users", "/admin/mail", "/audit", "/plans", "/directions", "/bodies", "/measures", $"/measures/{ids.Measure}", $"/measures/{ids.Measure}/edit",
            $"/directions/{ids.Direction}/measures/new", "/review", "/my-reports", "/dashboard", "/reports?state=overdue",
            $"/reports/{ids.Returned}", $"/reports/{ids.Approved}", "/account/change-password", "/account/notifications", "/plans/import",
            $"/plans/{fixture.PlanId}/annual-report/2020", "/", "/open-data", "/no-such-page",
        ]);
    }

    [Fact]
    public async Task Staff_pages_are_in_Ukrainian()
    {
        var ids = await IdsAsync();
        await VisitAsync("staff@kreminna.local",
        [
            "/measures", $"/measures/{ids.Measure}", $"/measures/{ids.Measure}/edit", "/review", "/dashboard", "/reports?state=overdue",
            $"/reports/{ids.Submitted ?? ids.Returned}", "/directions", "/bodies", "/plans", "/plans/import", "/account/change-password", "/account/notifications", "/admin/mail",
            $"/plans/{fixture.PlanId}/annual-report/2021", $"/plans/{fixture.PlanId}/amendments",
        ]);
    }

    [Fact]
    public async Task Official_pages_are_in_Ukrainian()
    {
        var ids = await IdsAsync();
        await VisitAsync("official@kreminna.local",
        [
            "/my-reports", "/measures", $"/measures/{ids.Measure}", $"/reports/{ids.Returned}", $"/reports/{ids.Draft}", $"/reports/{ids.Approved}",
            "/account/change-password", "/account/notifications", "/account/access-denied",
        ]);
    }

    [Fact]
    public async Task Executive_pages_are_in_Ukrainian()
    {
        var ids = await IdsAsync();
        await VisitAsync("executive@kreminna.local",
        [
            "/dashboard", "/reports?state=overdue", "/reports?state=approved", "/audit", "/measures", $"/measures/{ids.Measure}",
            $"/reports/{ids.Approved}", $"/plans/{fixture.PlanId}/annual-report/2020", "/account/change-password", "/account/notifications",
        ]);
    }

    [Theory]
    [MemberData(nameof(CoordinatorAccounts.Pages), MemberType = typeof(CoordinatorAccounts))]
    public async Task Coordinator_and_system_administrator_pages_are_in_Ukrainian(string email, string paths)
    {
        await CoordinatorAccounts.EnsureNationalAsync(fixture.DbFactory);
        await VisitAsync(email, paths.Split(' '));
    }

    private sealed record Ids(int Measure, int Direction, int Returned, int Draft, int Approved, int? Submitted);

    /// <summary>The demo official's reports in each state, and the measure the role matrix opens.</summary>
    private async Task<Ids> IdsAsync()
    {
        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        var measure = await db.Measures.Where(m => m.Direction.Number == "I" && m.Number == 4).Select(m => new { m.Id, m.DirectionId }).SingleAsync();
        Task<int> PeriodOf(ReportStatus status) => db.Reports.Where(r => r.Status == status).Select(r => r.PeriodId).FirstAsync();
        var returned = await PeriodOf(ReportStatus.Returned);
        var draft = await PeriodOf(ReportStatus.Draft);
        var approved = await PeriodOf(ReportStatus.Approved);
        var submitted = await db.Reports.Where(r => r.Status == ReportStatus.Submitted).Select(r => (int?)r.PeriodId).FirstOrDefaultAsync();
        return new Ids(measure.Id, measure.DirectionId, returned, draft, approved, submitted);
    }

    private async Task VisitAsync(string? email, string[] paths)
    {
        var (context, page) = await fixture.VisitorAsync(email);
        await using var owned = context;
        var findings = new List<string>();
        foreach (var path in paths)
        {
            await fixture.OpenAsync(page, path);
            var bare = path.Split('?')[0];
            var where = $"{email ?? "anonymous"} {path}";
            var onPage = await UiLanguage.FindAsync(page, where);
            findings.AddRange(onPage);
            var seen = onPage.ToHashSet();
            var states = OpenEverythingAsync(page, bare).GetAsyncEnumerator();
            await using (states)
            {
                var last = "as opened";
                while (true)
                {
                    try
                    {
                        if (!await states.MoveNextAsync())
                        {
                            break;
                        }
                    }
                    catch (Exception e) when (e is TimeoutException or PlaywrightException)
                    {
                        throw new InvalidOperationException($"{where}: the step after «{last}» did not come on screen", e);
                    }

                    last = states.Current;
                    // What the page showed already is reported once, not again for each menu opened over it.
                    findings.AddRange((await UiLanguage.FindAsync(page, $"{where} ({last})")).Where(f => seen.Add(f.Replace($"{where} ({last})", where, StringComparison.Ordinal))));
                }
            }
        }

        Assert.True(findings.Count == 0, $"English in the Ukrainian UI:\n{string.Join('\n', findings.Distinct())}");
    }

    /// <summary>
    /// Opens, one after the other, what shows its texts only when open: menus of selects, the pager's
    /// page-size menu, the date picker, editors, and fields holding what cannot be read. Yields the name
    /// of each state once it is on screen.
    /// </summary>
    private static async IAsyncEnumerable<string> OpenEverythingAsync(IPage page, string path)
    {
        switch (path)
        {
            case "/measures":
                await OpenSelectAsync(page, "Виконавець");
                yield return "body list open";
                await page.Keyboard.PressAsync("Escape");
                await page.Locator(".mud-table-pagination-select").ClickAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = "100", Exact = true })).ToBeVisibleAsync(new() { Timeout = Timeout });
                yield return "page-size menu open";
                await page.Keyboard.PressAsync("Escape");
                await page.GetByLabel("Пошук").FillAsync("zzzzzz-немає");
                await Assertions.Expect(page.Locator("[data-total='0']")).ToBeVisibleAsync(new() { Timeout = Timeout });
                yield return "nothing found";
                break;
            case "/audit":
                await page.Locator(".mud-picker").First.Locator("button").First.ClickAsync();
                await Assertions.Expect(page.Locator(".mud-picker-calendar-header, .mud-picker-calendar").First).ToBeVisibleAsync(new() { Timeout = Timeout });
                yield return "date picker open";
                await page.Keyboard.PressAsync("Escape");
                await Assertions.Expect(page.Locator(".mud-picker-calendar")).ToHaveCountAsync(0, new() { Timeout = Timeout });
                var from = page.GetByLabel("З дати");
                await from.FillAsync("не дата");
                await from.PressAsync("Tab");
                await Assertions.Expect(page.Locator(".mud-input-helper-text.mud-input-error, .mud-input-error").First).ToBeVisibleAsync(new() { Timeout = Timeout });
                yield return "a date that cannot be read";
                await OpenSelectAsync(page, "Об'єкт");
                await page.GetByRole(AriaRole.Option).First.WaitForAsync(new() { Timeout = Timeout });
                yield return "entity list open";
                await page.Keyboard.PressAsync("Escape");
                break;
            case "/national" or _ when path.StartsWith("/oblast/", StringComparison.Ordinal):
                await OpenSelectAsync(page, "Рік");
                yield return "year list open";
                await page.Keyboard.PressAsync("Escape");
                break;
            case "/dashboard":
                await OpenSelectAsync(page, "Виконавець");
                yield return "body list open";
                await page.Keyboard.PressAsync("Escape");
                break;
            case "/admin/users" or "/bodies" or "/plans":
                await page.GetByRole(AriaRole.Button, new() { Name = "Змінити", Exact = true }).First.ClickAsync();
                await page.Locator("main input[type=text], main textarea").First.WaitForAsync(new() { Timeout = Timeout });
                yield return "editor open";
                var select = page.Locator("main .mud-select .mud-input-control, main .mud-select").First;
                if (await select.CountAsync() > 0)
                {
                    await select.ClickAsync();
                    await page.Locator(".mud-popover-open").First.WaitForAsync(new() { Timeout = Timeout });
                    yield return "editor's select open";
                    await page.Keyboard.PressAsync("Escape");
                }

                break;
            default:
                if (path.EndsWith("/edit", StringComparison.Ordinal) || path.EndsWith("/measures/new", StringComparison.Ordinal))
                {
                    await OpenSelectAsync(page, "Що означає");
                    yield return "term kind list open";
                    await page.Keyboard.PressAsync("Escape");
                    var amount = page.Locator("input[data-amount^='local-']").First;
                    if (await amount.CountAsync() > 0)
                    {
                        await amount.FillAsync("2,5,1");
                        await amount.PressAsync("Tab");
                        await Assertions.Expect(page.Locator(".mud-input-error").First).ToBeVisibleAsync(new() { Timeout = Timeout });
                        yield return "an amount that cannot be read";
                    }
                }
                else if (path.StartsWith("/reports/", StringComparison.Ordinal) && await page.GetByLabel("Стан виконання").CountAsync() > 0)
                {
                    await OpenSelectAsync(page, "Стан виконання");
                    yield return "implementation status list open";
                    await page.Keyboard.PressAsync("Escape");
                }

                break;
        }
    }

    private static async Task OpenSelectAsync(IPage page, string label)
    {
        await page.GetByLabel(label).First.ClickAsync();
        await page.Locator(".mud-popover-open").First.WaitForAsync(new() { Timeout = Timeout });
    }
}
