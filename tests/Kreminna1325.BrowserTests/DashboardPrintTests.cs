using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests;

/// <summary>The dashboard's headline figures in a browser, and the dashboard printed on A4 landscape.</summary>
public class DashboardPrintTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // A4 landscape less the 10 mm margins of app.css's @page, at 96 px per inch: 277 × 190 mm.
    private const int PaperWidth = 1047;
    private const int PaperHeight = 718;

    private const float Timeout = 30_000;

    [Fact]
    public async Task Printed_on_a4_landscape_every_dashboard_column_is_on_the_paper_and_the_navigation_is_not()
    {
        var (context, page) = await fixture.SignInAsync("executive@kreminna.local");
        await using var _ = context;
        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseUrl + "/dashboard", new() { Timeout = Timeout });
        await BrowserFixture.InteractiveAsync(page);

        await page.SetViewportSizeAsync(PaperWidth, PaperHeight);
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Assertions.Expect(page.Locator(".mud-drawer")).ToBeHiddenAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-action='print']")).ToBeHiddenAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-headline='due']")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        // The drawer's margin is gone with the drawer: the content starts at the paper's edge.
        var main = (await page.Locator("main").BoundingBoxAsync())!;
        Assert.True(main.X < 1 && main.Width <= PaperWidth + 0.5, $"main at x={main.X}, {main.Width} px wide");

        // Each table's last column ends on the paper, and nothing around a table clips it (a scroll container would).
        var tables = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('.dashboard-table table')].map(t => {
                const lastRight = Math.max(...[...t.rows].map(r => r.cells[r.cells.length - 1].getBoundingClientRect().right));
                let clipped = null;
                for (let e = t.parentElement; e && e !== document.body; e = e.parentElement) {
                    const s = getComputedStyle(e);
                    if (s.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1) { clipped = e.className || e.tagName; break; }
                }
                return { table: t.closest('.dashboard-table').className, lastRight, clipped };
            })
            """);
        var found = tables.EnumerateArray().ToList();
        Assert.True(found.Count >= 6, $"only {found.Count} dashboard tables");
        foreach (var t in found)
        {
            var name = t.GetProperty("table").GetString();
            Assert.True(t.GetProperty("lastRight").GetDouble() <= PaperWidth + 0.5, $"{name}: last column ends at {t.GetProperty("lastRight").GetDouble()} px");
            Assert.True(t.GetProperty("clipped").ValueKind == JsonValueKind.Null, $"{name}: clipped by {t.GetProperty("clipped")}");
        }

        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= PaperWidth, "the page is wider than the paper");

        // Chromium's own print: the @page rule makes it A4 landscape (842 × 595 pt).
        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = false });
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF", text, StringComparison.Ordinal);
        var box = Regex.Match(text, @"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]");
        Assert.True(box.Success, "the PDF names no page size");
        var (width, height) = (double.Parse(box.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(box.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.True(Math.Abs(width - 842) < 2 && Math.Abs(height - 595) < 2, $"page {width} × {height} pt");
    }

    [Fact]
    public async Task A_headline_figure_opens_a_list_of_as_many_reports_under_the_dashboards_filter()
    {
        int centre;
        await using (var db = await fixture.DbFactory.CreateDbContextAsync())
        {
            centre = await db.ResponsibleBodies.Where(b => b.ShortName == "Центр гендерної рівності").Select(b => b.Id).SingleAsync();
        }

        var (context, page) = await fixture.SignInAsync("executive@kreminna.local");
        await using var _ = context;
        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseUrl + "/dashboard", new() { Timeout = Timeout });

        var opened = 0;
        foreach (var (query, figure) in new[]
        {
            ("", "due"), ("", "overdue"), ("", "approved"),
            ($"?year=2021&body={centre}", "due"), ($"?year=2021&body={centre}", "approved"),
            ($"?year=2021&body={centre}", "submitted"), ($"?year=2021&body={centre}", "returned"),
        })
        {
            await fixture.OpenAsync(page, "/dashboard" + query);
            var link = page.Locator($"a[data-headline='{figure}']");
            var count = (await link.Locator(".headline-value").InnerTextAsync()).Trim();
            await link.ClickAsync();

            var state = new Regex($"/reports\\?year=\\d{{4}}&state={figure}{(query.Length == 0 ? "" : $"&body={centre}")}$");
            await Assertions.Expect(page).ToHaveURLAsync(state, new() { Timeout = Timeout });
            await Assertions.Expect(page.Locator("[data-count]")).ToHaveAttributeAsync("data-count", count, new() { Timeout = 15_000 });
            await Assertions.Expect(page.Locator(".reports-list tbody tr")).ToHaveCountAsync(int.Parse(count), new() { Timeout = 15_000 });
            opened += int.Parse(count);
        }

        Assert.True(opened > 0, "every headline figure was 0: nothing was opened");
    }

    [Fact]
    public async Task The_print_button_opens_the_browsers_print()
    {
        var (context, page) = await fixture.SignInAsync("executive@kreminna.local");
        await using var _ = context;
        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseUrl + "/dashboard", new() { Timeout = Timeout });
        await BrowserFixture.InteractiveAsync(page);

        // The real dialog would block a headless browser: count the calls instead.
        await page.EvaluateAsync("() => { window.printed = 0; window.print = () => { window.printed++; }; }");
        await page.Locator("[data-action='print']").ClickAsync();
        await page.WaitForFunctionAsync("() => window.printed === 1", null, new() { Timeout = 15_000 });
    }
}
