using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests;

/// <summary>
/// The account menu on a phone: change the password and sign out. A class (and so a database) of its own, since
/// the password it changes would sign the others' sessions out.
/// </summary>
public class PhoneAccountTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_person_changes_the_password_and_signs_out_from_a_phone()
    {
        const string newPassword = "Nove-Haslo-Kreminna-2026";
        var (context, page) = await PhoneTests.PhoneAsync(fixture, "executive@kreminna.local");
        await using var _ = context;
        await BrowserFixture.InteractiveAsync(page);

        // The menu is one button on the phone's app bar, named for the person.
        var menu = page.Locator("details.account-menu");
        var button = menu.Locator("summary");
        await Assertions.Expect(button).ToBeVisibleAsync();
        await Assertions.Expect(button).ToHaveAccessibleNameAsync(new System.Text.RegularExpressions.Regex("^Обліковий запис: .+"));
        await button.ClickAsync();
        await menu.GetByRole(AriaRole.Link, new() { Name = "Змінити пароль" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseUrl + "/account/change-password", new() { Timeout = 15_000 });

        // The page is rendered statically: the address changes first, then the page loads in full. Its form is
        // what shows the load is done; measuring before that would measure a page on its way out.
        await Assertions.Expect(page.GetByLabel("Поточний пароль")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await page.GetByLabel("Поточний пароль").FillAsync("Demo-Kreminna-1325");
        await page.GetByLabel("Новий пароль", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByLabel("Новий пароль ще раз").FillAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Змінити пароль" }).ClickAsync();

        // Back on the start page, the confirmation has focus, so a screen reader says it.
        var done = page.Locator("#password-changed");
        await Assertions.Expect(done).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await BrowserFixture.InteractiveAsync(page);
        await Assertions.Expect(done).ToBeFocusedAsync(new() { Timeout = 15_000 });

        // Sign out from the same menu, by keyboard this time.
        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var signOut = menu.GetByRole(AriaRole.Button, new() { Name = "Вийти" });
        await Assertions.Expect(signOut).ToBeVisibleAsync();
        await signOut.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("details.account-menu")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Увійти" })).ToBeVisibleAsync(new() { Timeout = 15_000 });

        // The new password is the one that works now.
        var (again, start) = await PhoneTests.PhoneAsync(fixture, "executive@kreminna.local", newPassword);
        await using var _a = again;
        await Assertions.Expect(start.Locator("details.account-menu > summary")).ToBeVisibleAsync(new() { Timeout = 15_000 });
    }
}
