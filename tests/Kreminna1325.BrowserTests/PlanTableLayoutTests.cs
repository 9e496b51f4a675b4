using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests;

/// <summary>The public plan table on a common office screen (1366×768): every year on screen, headings whole.</summary>
public class PlanTableLayoutTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // Where each cell's text breaks into lines: a break must follow a space (or a dash, comma or slash the text has),
    // never fall inside a word; and no cell's content may be wider than the cell (it would be cut off).
    private const string Measure = """
        () => {
          const wrap = document.querySelector('.plan-table-wrap');
          const table = wrap.querySelector('.plan-table');
          const years = table.querySelectorAll('thead tr:nth-child(2) th');
          const last = years[years.length - 1].getBoundingClientRect();
          const broken = [];
          for (const cell of table.querySelectorAll('thead th')) {
            let prevTop = null, prev = ' ';
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              for (let i = 0; i < n.length; i++) {
                const ch = n.data[i];
                if (/\s/.test(ch)) { prev = ch; continue; }
                const range = document.createRange();
                range.setStart(n, i);
                range.setEnd(n, i + 1);
                const rect = range.getClientRects()[0];
                if (!rect) continue;
                if (prevTop !== null && rect.top > prevTop + 2 && !/[\s\-–—,\/]/.test(prev))
                  broken.push(`«${cell.innerText.replace(/\s+/g, ' ')}» breaks inside a word before «${n.data.slice(i, i + 6)}»`);
                prevTop = rect.top;
                prev = ch;
              }
            }
          }
          const cut = [];
          for (const cell of table.querySelectorAll('th, td')) {
            if (cell.scrollWidth > cell.clientWidth + 1)
              cut.push(`«${cell.innerText.replace(/\s+/g, ' ').slice(0, 60)}» is ${cell.scrollWidth}px wide in a ${cell.clientWidth}px cell`);
          }
          return {
            lastYear: years[years.length - 1].innerText,
            lastRight: last.right,
            wrapRight: wrap.getBoundingClientRect().right,
            viewport: window.innerWidth,
            scrolls: wrap.scrollWidth > wrap.clientWidth + 1,
            broken,
            cut,
          };
        }
        """;

    [Fact]
    public async Task At_1366_px_every_year_is_on_screen_and_no_heading_breaks_inside_a_word()
    {
        await using var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{fixture.BaseUrl}/plans/{fixture.PlanId}");
        await Assertions.Expect(page.Locator(".plan-table thead th", new() { HasText = "2022" })).ToBeVisibleAsync(new() { Timeout = 15_000 });

        var layout = await page.EvaluateAsync<Layout>(Measure);

        Assert.Equal("2022", layout.LastYear);
        Assert.False(layout.Scrolls, "The plan table scrolls sideways at 1366 px: its last columns are off screen.");
        Assert.True(layout.LastRight <= layout.WrapRight + 0.5 && layout.LastRight <= layout.Viewport,
            $"The 2022 column ends at {layout.LastRight}px, past its container ({layout.WrapRight}px) or the window ({layout.Viewport}px).");
        Assert.True(layout.Broken.Length == 0, string.Join('\n', layout.Broken));
        Assert.True(layout.Cut.Length == 0, string.Join('\n', layout.Cut));
    }

    private sealed class Layout
    {
        public string LastYear { get; set; } = "";

        public double LastRight { get; set; }

        public double WrapRight { get; set; }

        public double Viewport { get; set; }

        public bool Scrolls { get; set; }

        public string[] Broken { get; set; } = [];

        public string[] Cut { get; set; } = [];
    }
}
