using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests.Accessibility;

/// <summary>
/// The editors, dialogs, pickers and menus a page can open, each opened as a person does and
/// waited for until it is on screen, so axe sees it.
/// </summary>
public static class PageStates
{
    public const string PlanSwitcher = "plan switcher open";
    public const string StaticPlanSwitcher = "plan switcher (links) open";
    public const string DirectionFilter = "direction filter open";
    public const string ImplementationSelect = "implementation status select open";
    public const string YearSelect = "year select open";
    public const string EntitySelect = "entity select open";
    public const string DatePicker = "date picker open";
    public const string UserForm = "new user form";
    public const string UserBodies = "new user form, bodies select open";
    public const string BodyAutocomplete = "body search autocomplete open";
    public const string TermKindSelect = "term kind select open";
    public const string MeasureDelete = "delete confirmation";
    public const string BodyForm = "new body form, kind select open";
    public const string BodyDelete = "delete confirmation dialog";
    public const string PlanCopyForm = "plan copy form, cadence select open";
    public const string NotificationBell = "notification bell open";
    public const string CalendarRenew = "calendar address renew confirmation";

    private const float Timeout = 15_000;

    public static Task OpenAsync(IPage page, string state) => state switch
    {
        PlanSwitcher => ClickThenPopoverAsync(page, page.Locator(".mud-appbar .plan-switcher button")),
        StaticPlanSwitcher => StaticSwitcherAsync(page),
        DirectionFilter => SelectAsync(page, "Напрям"),
        ImplementationSelect => SelectAsync(page, "Стан виконання"),
        YearSelect => SelectAsync(page, "Рік"),
        EntitySelect => SelectAsync(page, "Об'єкт"),
        DatePicker => ClickThenPopoverAsync(page, page.Locator(".mud-picker").First.Locator("button").First),
        UserForm => ClickThenVisibleAsync(page.Locator("[data-action='create-user']"), page.Locator("[data-action='save-user']")),
        UserBodies => UserBodiesAsync(page),
        BodyAutocomplete => AutocompleteAsync(page),
        TermKindSelect => SelectAsync(page, "Що означає"),
        MeasureDelete => ClickThenVisibleAsync(page.Locator("[data-action='delete']"), page.Locator("[data-action='confirm-delete']")),
        BodyForm => BodyFormAsync(page),
        BodyDelete => ClickThenVisibleAsync(
            page.Locator($"tr[data-body='{AccessibilityFixture.UnusedBody}'] [data-action='delete-body']"), page.Locator(".mud-dialog")),
        PlanCopyForm => PlanCopyAsync(page),
        NotificationBell => ClickThenPopoverAsync(page, page.Locator(".mud-appbar .notification-bell button").First),
        CalendarRenew => ClickThenVisibleAsync(page.Locator("[data-action='renew']"), page.Locator(".mud-dialog")),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "No such state."),
    };

    private static async Task ClickThenVisibleAsync(ILocator button, ILocator shown)
    {
        await button.ClickAsync();
        await Assertions.Expect(shown).ToBeVisibleAsync(new() { Timeout = Timeout });
    }

    private static Task ClickThenPopoverAsync(IPage page, ILocator button) =>
        ClickThenVisibleAsync(button, page.Locator(".mud-popover-open").First);

    private static Task SelectAsync(IPage page, string label) =>
        ClickThenPopoverAsync(page, page.GetByLabel(label, new() { Exact = true }).First);

    private static async Task StaticSwitcherAsync(IPage page)
    {
        await page.Locator("details.plan-switcher > summary").ClickAsync();
        await Assertions.Expect(page.Locator("details.plan-switcher > ul")).ToBeVisibleAsync(new() { Timeout = Timeout });
    }

    private static async Task AutocompleteAsync(IPage page)
    {
        await page.GetByLabel("Додати виконавця", new() { Exact = true }).FillAsync("центр");
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item").First).ToBeVisibleAsync(new() { Timeout = Timeout });
    }

    private static async Task UserBodiesAsync(IPage page)
    {
        await OpenAsync(page, UserForm);
        await SelectAsync(page, "Відповідальні виконавці");
    }

    private static async Task BodyFormAsync(IPage page)
    {
        await ClickThenVisibleAsync(page.GetByRole(AriaRole.Button, new() { Name = "Додати виконавця" }), page.Locator("#body-form"));
        await SelectAsync(page, "Тип");
    }

    private static async Task PlanCopyAsync(IPage page)
    {
        await ClickThenVisibleAsync(page.Locator("[data-action='copy-plan']").First, page.Locator("[data-action='save-plan']"));
        await SelectAsync(page, "Звітування для постійних заходів");
    }
}
