using Microsoft.Playwright;
using static Kreminna1325.BrowserTests.Accessibility.AccessibilityFixture.Roles;

namespace Kreminna1325.BrowserTests.Accessibility;

/// <summary>
/// WCAG 2.0/2.1 A and AA, as axe-core checks it, on every page of every role, in the light and the
/// dark theme, on a laptop (1366×768) and a phone (390×844), and with each editor, dialog, picker
/// and menu of the page open. One theory row per case, so a failure names role, page, theme, width
/// and state; a row fails on any violation and lists each with its rule, impact, elements and html.
/// </summary>
public class EveryPage(AccessibilityFixture fixture) : IClassFixture<AccessibilityFixture>
{
    public const string Page = "page";

    /// <summary>
    /// A page, who opens it (N anonymous, O official, S staff, E executive, A administrator, C oblast coordinator,
    /// G national coordinator, Y system administrator), and its
    /// states beyond "page" with who they are checked for: a picker that every role sees the same is
    /// opened for one of them, so the matrix stays affordable.
    /// </summary>
    private sealed record Case(string Path, string Who, string StatesFor = "", params string[] States);

    private static readonly Case[] Cases =
    [
        // Public, statically rendered: no circuit, the plan switcher is a disclosure of links. Signed in, the
        // same pages differ only in the app bar, so one signed-in role stands for all.
        new("/", "NO", "NO", PageStates.StaticPlanSwitcher),
        new("/plans/{plan}", "N"),
        new("/c/kreminna", "NO"),
        new("/open-data", "NO"),
        new("/account/login", "N"),
        new("/account/change-password", "OS"),
        new("/no-such-page", "NA"),
        new("/account/access-denied", "O"),

        // Signed in.
        new("/measures", "OSEA", StatesFor: "OS", States: [PageStates.PlanSwitcher, PageStates.DirectionFilter]),
        new("/measures/{measure}", "OSEA"),
        new("/my-reports", "OA"),
        new("/reports/{draft}", "OA", StatesFor: "O", States: [PageStates.ImplementationSelect]),
        new("/reports/{submitted}", "SA"),
        new("/reports/{approved}", "OSEA"),
        new("/review", "SA"),
        new("/reports?state=overdue", "SEA"),
        new("/dashboard", "SEA", StatesFor: "E", States: [PageStates.YearSelect]),
        new("/plans/{plan}/annual-report/2021", "SEA"),
        new("/audit", "EA", StatesFor: "E", States: [PageStates.EntitySelect, PageStates.DatePicker]),
        new("/admin/users", "A", StatesFor: "A", States: [PageStates.UserForm, PageStates.UserBodies]),
        new("/admin/mail", "SA"),
        new("/measures/{measure}/edit", "SA", StatesFor: "S", States: [PageStates.BodyAutocomplete, PageStates.TermKindSelect, PageStates.MeasureDelete]),
        new("/directions/{direction}/measures/new", "SA"),
        new("/directions", "SA"),
        new("/bodies", "SA", StatesFor: "S", States: [PageStates.BodyForm, PageStates.BodyDelete]),
        new("/plans", "SA", StatesFor: "S", States: [PageStates.PlanCopyForm]),
        new("/plans/import", "SA"),
        new("/plans/{plan}/amendments", "SA"),
        new("/account/notifications", "OSEA", StatesFor: "O", States: [PageStates.NotificationBell, PageStates.CalendarRenew]),

        // The coordinators' roll-ups and community chooser, and the system administrator's onboarding.
        new(CoordinatorAccounts.OblastPage, "C", StatesFor: "C", States: [PageStates.YearSelect]),
        new("/national", "G"),
        new("/communities", "C"),
        new("/admin/communities", "Y"),
    ];

    private static readonly (char Letter, string Role)[] RoleLetters =
        [('N', Anonymous), ('O', Official), ('S', Staff), ('E', Executive), ('A', Administrator),
         ('C', OblastCoordinator), ('G', NationalCoordinator), ('Y', SystemAdministrator)];

    public static TheoryData<string, string, string, int, string> Matrix()
    {
        var data = new TheoryData<string, string, string, int, string>();
        // Grouped by role, theme and width, the order xunit runs them in, so each browser page is reused.
        foreach (var (letter, role) in RoleLetters)
        {
            foreach (var theme in new[] { "light", "dark" })
            {
                foreach (var width in new[] { 1366, 390 })
                {
                    foreach (var c in Cases.Where(c => c.Who.Contains(letter)))
                    {
                        foreach (var state in c.StatesFor.Contains(letter) ? c.States.Prepend(Page) : new[] { Page })
                        {
                            data.Add(role, c.Path, theme, width, state);
                        }
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Has_no_axe_violations(string role, string path, string theme, int width, string state)
    {
        var page = await fixture.PageAsync(role, theme, width);

        await fixture.App.OpenAsync(page, fixture.Resolve(path));
        await Axe.SettleAsync(page);
        if (state != Page)
        {
            await PageStates.OpenAsync(page, state);
            await Axe.SettleAsync(page);
        }

        var violations = await Axe.ViolationsAsync(page);
        if (width == 390)
        {
            // A phone: the page itself never scrolls sideways, whatever is open (wide tables scroll in their own region).
            var size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            Assert.True(size[0] <= size[1], $"{role}, {path}, {theme}, {width}px, {state}: the page is {size[0]} px wide on a {size[1]} px screen");
        }

        Assert.True(violations.Count == 0,
            $"{role}, {path}, {theme}, {width}px, {state}: {violations.Count} axe violation(s)\n" + string.Join("\n", violations));
    }
}
