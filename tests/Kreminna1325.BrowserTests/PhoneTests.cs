using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests;

/// <summary>A phone (390 × 844): every page of every role fits the screen, the account menu is there, wide tables scroll in their own keyboard-reachable region, and focus goes to what an action did.</summary>
public class PhoneTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // RoleMatrixTests' protected pages, and the public pages every role opens too.
    private static readonly (string Path, string Roles)[] Pages =
        [("/", "ASOE"), ("/c/kreminna", "ASOE"), ("/open-data", "ASOE"), .. Kreminna1325.Tests.Accounts.RoleMatrixTests.ProtectedPages];

    // Pages whose content is a table: measured once its rows are there, not while it loads.
    private static readonly HashSet<string> TablePages = ["/", "/c/kreminna", "/open-data", "/measures", "/admin/users", "/bodies", "/plans", "/measures/{measure}/edit"];

    /// <summary>Signs in, as a person does, on a phone of its own.</summary>
    public static Task<(IBrowserContext Context, IPage Page)> PhoneAsync(BrowserFixture fixture, string email, string password = BrowserFixture.DemoPassword) =>
        fixture.SignInAsync(email, password, options: new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });

    private async Task<(int Measure, int Period)> IdsAsync()
    {
        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        var measure = await db.Measures.Where(m => m.Direction.Number == "I" && m.Number == 4).Select(m => m.Id).SingleAsync();
        var period = await db.ReportingPeriods.Where(p => p.MeasureId == measure && p.Year == 2022 && p.Sequence == 2).Select(p => p.Id).SingleAsync();
        return (measure, period);
    }

    private static async Task<int> OverflowAsync(IPage page) =>
        await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");

    [Theory]
    [InlineData("admin@kreminna.local", 'A')]
    [InlineData("staff@kreminna.local", 'S')]
    [InlineData("official@kreminna.local", 'O')]
    [InlineData("executive@kreminna.local", 'E')]
    public async Task Every_page_of_the_role_is_no_wider_than_the_phone_and_keeps_the_account_menu(string email, char role)
    {
        var (measure, period) = await IdsAsync();
        var (context, page) = await PhoneAsync(fixture, email);
        await using var _ = context;
        var problems = new List<string>();

        foreach (var (template, roles) in Pages.Where(p => p.Roles.Contains(role)))
        {
            var path = template.Replace("{measure}", measure.ToString()).Replace("{period}", period.ToString());
            await OpenAndMeasureAsync(page, path, TablePages.Contains(template), problems);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(CoordinatorAccounts.Pages), MemberType = typeof(CoordinatorAccounts))]
    public async Task Coordinator_and_system_administrator_pages_are_no_wider_than_the_phone_and_keep_the_account_menu(string email, string paths)
    {
        await CoordinatorAccounts.EnsureNationalAsync(fixture.DbFactory);
        var (context, page) = await PhoneAsync(fixture, email);
        await using var _ = context;
        var problems = new List<string>();

        foreach (var path in paths.Split(' '))
        {
            // The roll-ups are a table of communities.
            var rollup = path == "/national" || path.StartsWith("/oblast/", StringComparison.Ordinal);
            await OpenAndMeasureAsync(page, path, isTable: rollup, problems);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Opens the page, waits for its content, then notes whether it is wider than the phone or pushes the account menu off.</summary>
    private async Task OpenAndMeasureAsync(IPage page, string path, bool isTable, List<string> problems)
    {
        await fixture.OpenAsync(page, path);

        await Assertions.Expect(page.Locator("main").GetByText("Завантаження…")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        if (isTable)
        {
            await page.Locator("main table tbody tr").First.WaitForAsync(new() { Timeout = 15_000 });
        }

        var overflow = await OverflowAsync(page);
        if (overflow > 0)
        {
            problems.Add($"{path}: {overflow}px wider than the phone");
        }

        // The account menu's button is on the screen, not pushed past its edge.
        var menu = await page.Locator("details.account-menu > summary").BoundingBoxAsync();
        if (menu is null || menu.X < 0 || menu.X + menu.Width > 390)
        {
            problems.Add($"{path}: the account menu is off the screen ({menu?.X}, {menu?.Width})");
        }
    }

    [Fact]
    public async Task Wide_tables_scroll_in_their_own_named_region_that_the_keyboard_reaches_and_scrolls()
    {
        var (measure, _) = await IdsAsync();
        var (context, page) = await PhoneAsync(fixture, "staff@kreminna.local");
        await using var _c = context;

        foreach (var path in new[] { "/", $"/measures/{measure}/edit" })
        {
            await fixture.OpenAsync(page, path);
            await page.Locator("main table tbody tr").First.WaitForAsync(new() { Timeout = 15_000 });
            var regions = page.Locator(".scroll-region");
            Assert.True(await regions.CountAsync() > 0, path);
            foreach (var region in await regions.AllAsync())
            {
                await Assertions.Expect(region).ToHaveAttributeAsync("role", "region");
                await Assertions.Expect(region).ToHaveAttributeAsync("tabindex", "0");
                await Assertions.Expect(region).ToHaveAccessibleNameAsync(new Regex("\\S"));
            }

            Assert.True(await OverflowAsync(page) <= 0, path);
        }

        // The plan's table is wider than a phone: Tab reaches its region, and the arrow keys scroll it.
        await page.GotoAsync(fixture.BaseUrl + "/");
        var plan = page.Locator(".scroll-region", new() { Has = page.Locator("table.plan-table") });
        Assert.True(await plan.EvaluateAsync<bool>("r => r.scrollWidth > r.clientWidth"), "the plan table fits a phone: nothing to scroll");
        await page.Locator("body").FocusAsync();
        var reached = false;
        for (var i = 0; i < 80 && !reached; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await plan.EvaluateAsync<bool>("r => document.activeElement === r");
        }

        Assert.True(reached, "Tab never reached the plan table's region");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.WaitForFunctionAsync("() => document.querySelector('.scroll-region.plan-table-wrap').scrollLeft > 0", null, new() { Timeout = 15_000 });
        Assert.True(await OverflowAsync(page) <= 0);
    }

    [Fact]
    public async Task After_a_report_is_submitted_focus_is_on_the_message_that_says_so()
    {
        var (_, period) = await IdsAsync();
        var (context, official) = await PhoneAsync(fixture, "official@kreminna.local");
        await using var _c = context;

        await fixture.OpenAsync(official, $"/reports/{period}");
        await official.Locator("input[data-value='0']").FillAsync("2");
        await official.GetByLabel("Перелік").FillAsync("Кремінський ЦСССДМ");
        await official.Locator("input[data-value='2']").FillAsync("30");
        var sex = official.Locator("[data-breakdown='2-Sex']");
        await sex.Locator("input[data-category='women']").FillAsync("20");
        await sex.Locator("input[data-category='men']").FillAsync("10");
        var narrative = official.Locator("[data-field='narrative'] textarea, textarea[data-field='narrative']").First;
        await narrative.FillAsync("Проведено тренінг для освітян.");
        await narrative.PressAsync("Tab");
        await BrowserFixture.ChooseAsync(official, "Стан виконання", "виконано");

        await official.Locator("[data-action='submit']").ClickAsync();

        var result = official.Locator("#report-result");
        await Assertions.Expect(result).ToHaveTextAsync("Звіт подано на перевірку.", new() { Timeout = 15_000 });
        await Assertions.Expect(result).ToBeFocusedAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(official.Locator(".mud-chip[data-state='Submitted']").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
    }
}
