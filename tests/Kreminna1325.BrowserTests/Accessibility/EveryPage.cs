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

    /// <summary>A page, who opens it (N anonymous, O official, S staff, E executive, A administrator), and its states beyond "page".</summary>
    private sealed record Case(string Path, string Who, bool Static, params string[] States);

    private static readonly Case[] Cases =
    [
        // Public, statically rendered: no circuit, the plan switcher is a disclosure of links.
        new("/", "NOSEA", Static: true, PageStates.StaticPlanSwitcher),
        new("/plans/{plan}", "N", Static: true),
        new("/open-data", "NOSEA", Static: true),
        new("/account/login", "N", Static: true),
        new("/account/change-password", "OSEA", Static: true),
        new("/no-such-page", "NOSEA", Static: false),
        new("/account/access-denied", "O", Static: false),
        new("/audit", "O", Static: false), // refused: the access-denied message inside the layout

        // Signed in.
        new("/measures", "OSEA", Static: false, PageStates.PlanSwitcher, PageStates.DirectionFilter),
        new("/measures/{measure}", "OSEA", Static: false),
        new("/my-reports", "OA", Static: false),
        new("/reports/{draft}", "OA", Static: false, PageStates.ImplementationSelect),
        new("/reports/{submitted}", "SA", Static: false),
        new("/reports/{approved}", "OSEA", Static: false),
        new("/review", "SA", Static: false),
        new("/reports?state=overdue", "SEA", Static: false),
        new("/dashboard", "SEA", Static: false, PageStates.YearSelect),
        new("/plans/{plan}/annual-report/2021", "SEA", Static: false),
        new("/audit", "EA", Static: false, PageStates.PersonSelect, PageStates.DatePicker),
        new("/admin/users", "A", Static: false, PageStates.UserForm, PageStates.UserBodies),
        new("/measures/{measure}/edit", "SA", Static: false, PageStates.BodyAutocomplete, PageStates.TermKindSelect, PageStates.MeasureDelete),
        new("/directions/{direction}/measures/new", "SA", Static: false),
        new("/directions", "SA", Static: false),
        new("/bodies", "SA", Static: false, PageStates.BodyForm, PageStates.BodyDelete),
        new("/plans", "SA", Static: false, PageStates.PlanCopyForm),
        new("/plans/import", "SA", Static: false),
    ];

    private static readonly (char Letter, string Role)[] RoleLetters =
        [('N', Anonymous), ('O', Official), ('S', Staff), ('E', Executive), ('A', Administrator)];

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
                        foreach (var state in c.States.Prepend(Page))
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
        var c = Cases.First(c => c.Path == path && c.Who.Contains(RoleLetters.First(r => r.Role == role).Letter));

        await page.GotoAsync(fixture.App.BaseUrl + fixture.Resolve(path));
        await page.Locator(c.Static ? "main" : "main[data-interactive='true']").WaitForAsync(new() { Timeout = 30_000 });
        await Axe.SettleAsync(page);
        if (state != Page)
        {
            await PageStates.OpenAsync(page, state);
            await Axe.SettleAsync(page);
        }

        var violations = await Axe.ViolationsAsync(page);

        Assert.True(violations.Count == 0,
            $"{role}, {path}, {theme}, {width}px, {state}: {violations.Count} axe violation(s)\n" + string.Join("\n", violations));
    }
}
