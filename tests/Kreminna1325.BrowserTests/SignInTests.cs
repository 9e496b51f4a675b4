using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests;

/// <summary>The demo accounts in a real browser: each lands on its own start page and sees only its own controls.</summary>
public class SignInTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const float Timeout = 30_000;
    private const string Password = "Demo-Kreminna-1325";


    [Theory]
    [InlineData("admin@kreminna.local", "/admin/users", "Користувачі")]
    [InlineData("staff@kreminna.local", "/measures", "Заходи плану")]
    [InlineData("official@kreminna.local", "/my-reports", "Мої звіти")]
    [InlineData("executive@kreminna.local", "/dashboard", "Панель керівника")]
    public async Task Each_demo_role_signs_in_and_lands_on_its_start_page(string email, string path, string heading)
    {
        var errors = new List<string>();
        var (context, page) = await fixture.SignInAsync(email, consoleErrors: errors);
        await using var _ = context;

        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseUrl + path, new() { Timeout = Timeout });
        await BrowserFixture.InteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await Assertions.Expect(page.Locator("span.user-name")).ToHaveAttributeAsync("data-user", email);

        // The app's own CSP lets the app run: no script, style or websocket was refused.
        Assert.DoesNotContain(errors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_unknown_email_and_a_wrong_password_get_the_same_message_and_the_right_password_still_works()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        async Task SubmitAsync(string email, string password)
        {
            await page.GotoAsync(fixture.BaseUrl + "/account/login");
            await page.GetByLabel("Електронна пошта").FillAsync(email);
            await page.GetByLabel("Пароль").FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Увійти" }).ClickAsync();
        }

        async Task<string> RefusalAsync(string email, string password)
        {
            await SubmitAsync(email, password);
            var error = page.Locator(".form-error");
            await error.WaitForAsync(new() { Timeout = Timeout });
            return await error.InnerTextAsync();
        }

        var unknown = await RefusalAsync("nobody-at-all@kreminna.local", Password);
        var wrong = await RefusalAsync("executive@kreminna.local", "not the demo password");

        Assert.Contains("Невірна електронна пошта або пароль", unknown);
        Assert.Equal(unknown, wrong);

        // A failure or two slow nobody down: the right password goes straight in.
        await SubmitAsync("executive@kreminna.local", Password);
        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseUrl + "/dashboard", new() { Timeout = Timeout });
    }

    [Fact]
    public async Task The_officials_start_page_lists_their_bodys_reports_overdue_first()
    {
        var (context, page) = await fixture.SignInAsync("official@kreminna.local");
        await using var _ = context;

        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseUrl + "/my-reports", new() { Timeout = Timeout });

        // The prerendered list is replaced by "loading" when the circuit starts; count only the list
        // the interactive page renders once it has read the reports.
        await page.Locator("main[data-interactive='true'] .my-reports tbody tr").First.WaitForAsync(new() { Timeout = Timeout });

        // The plan ended in 2022: what needs action (the returned report, then the overdue ones) comes first, a page at a time.
        var rows = page.Locator(".my-reports tbody tr");
        await Assertions.Expect(rows.First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("needs-action"));
        await Assertions.Expect(rows).ToHaveCountAsync(Kreminna1325.Core.Monitoring.Worklist.DefaultPageSize);
        Assert.True(int.Parse((await page.Locator("[data-total]").GetAttributeAsync("data-total"))!, System.Globalization.CultureInfo.InvariantCulture) > 50);
        await Assertions.Expect(page.Locator(".nav-count")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/measures/1")]
    [InlineData("/audit")]
    public async Task Anonymous_visitors_of_a_protected_page_are_sent_to_sign_in(string path)
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(fixture.BaseUrl + path);

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login\\?ReturnUrl="), new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Вхід");
    }

    [Fact]
    public async Task An_executive_sees_no_edit_controls_and_a_direct_edit_request_is_refused()
    {
        var (context, page) = await fixture.SignInAsync("executive@kreminna.local");
        await using var _ = context;
        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseUrl + "/dashboard", new() { Timeout = Timeout });

        await fixture.OpenAsync(page, "/measures/1");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Захід I.1");
        await Assertions.Expect(page.Locator("[data-action='edit-measure']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("Історія змін")).ToBeVisibleAsync();

        // The same request the editor would send, from the executive's own signed-in browser.
        var status = await page.EvaluateAsync<int>(@"async () => {
            const r = await fetch('/api/measures/1', { method: 'PUT', headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ content: 'Змінено керівником', termText: 'Постійно', version: 1 }) });
            return r.status; }");
        Assert.Equal(403, status);

        await page.GotoAsync(fixture.BaseUrl + "/admin/users");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/access-denied"), new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task An_administrator_creates_an_account_and_gets_a_one_time_password()
    {
        var (context, page) = await fixture.SignInAsync("admin@kreminna.local");
        await using var _ = context;
        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseUrl + "/admin/users", new() { Timeout = Timeout });
        await BrowserFixture.InteractiveAsync(page);

        await page.Locator("[data-action='create-user']").ClickAsync();
        await page.GetByLabel("Електронна пошта").FillAsync("nova@kreminna.local");
        await page.GetByLabel("Ім'я та прізвище").FillAsync("Нова Працівниця");
        await page.GetByLabel("Працівник координаційної ради").CheckAsync();
        await page.Locator("[data-action='save-user']").ClickAsync();

        var otp = page.Locator("#one-time-password code");
        await Assertions.Expect(otp).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Za-z0-9]{16}$"));
        await Assertions.Expect(page.Locator("tr[data-user='nova@kreminna.local']")).ToContainTextAsync("очікує зміни пароля");

        // A missing name is told at the field, and nothing is created.
        await page.Locator("[data-action='create-user']").ClickAsync();
        await page.GetByLabel("Електронна пошта").FillAsync("nameless@kreminna.local");
        await page.Locator("[data-action='save-user']").ClickAsync();
        await Assertions.Expect(page.GetByText("Вкажіть ім'я та прізвище.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr[data-user='nameless@kreminna.local']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_executive_reads_the_audit_trail_filtered_by_entity()
    {
        var (context, page) = await fixture.SignInAsync("executive@kreminna.local");
        await using var _ = context;
        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseUrl + "/dashboard", new() { Timeout = Timeout });

        await fixture.OpenAsync(page, "/audit");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Журнал змін");
        await Assertions.Expect(page.Locator("tr.audit-row")).ToHaveCountAsync(50);

        await BrowserFixture.ChooseAsync(page, "Об'єкт", "Рядок фінансування");
        await page.Locator("[data-action='filter']").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Знайдено записів" })).ToContainTextAsync("36");
        await Assertions.Expect(page.Locator("tr.audit-row[data-entity='FundingLine']")).ToHaveCountAsync(36);
    }
}
