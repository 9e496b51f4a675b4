using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests.Accessibility;

/// <summary>
/// axe-core 4.14.1, vendored next to this file (npm pack axe-core@4.14.1; its licence is
/// axe-core.LICENSE), so the test never fetches a script from a CDN.
/// </summary>
public static class Axe
{
    /// <summary>WCAG 2.0 and 2.1, levels A and AA: what DSTU EN 301 549 asks of Ukrainian public-sector sites.</summary>
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly Lazy<string> Source = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Accessibility", "axe.min.js")));

    /// <summary>
    /// Waits until the page has stopped changing — no DOM mutation for 300 ms and no running
    /// animation — so a popover or dialog is measured where it comes to rest, not half faded in.
    /// </summary>
    public static Task SettleAsync(IPage page) => page.EvaluateAsync(
        """
        () => new Promise(resolve => {
            let last = performance.now();
            const observer = new MutationObserver(() => last = performance.now());
            observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
            const started = performance.now();
            const check = () => {
                const running = document.getAnimations().some(a => a.playState === 'running');
                const now = performance.now();
                if ((!running && now - last >= 300) || now - started > 10000) {
                    observer.disconnect();
                    resolve();
                } else {
                    setTimeout(check, 50);
                }
            };
            check();
        })
        """);

    /// <summary>Runs axe over the whole document and answers one readable line group per violation (empty when none).</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new() { Content = Source.Value });
        }

        var result = await page.EvaluateAsync<JsonElement>(
            """
            async tags => {
                const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
                return r.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => ({
                        target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(' '),
                        html: n.html,
                        summary: (n.any.concat(n.all, n.none).map(c => c.message).filter(m => m).join('; ')),
                    })),
                }));
            }
            """, Tags);

        var found = new List<string>();
        foreach (var violation in result.EnumerateArray())
        {
            var text = new StringBuilder();
            text.Append(violation.GetProperty("id").GetString()).Append(" (").Append(violation.GetProperty("impact").GetString())
                .Append("): ").Append(violation.GetProperty("help").GetString());
            foreach (var node in violation.GetProperty("nodes").EnumerateArray())
            {
                text.Append("\n    ").Append(node.GetProperty("target").GetString())
                    .Append("\n      ").Append(Shorten(node.GetProperty("html").GetString() ?? "", 200))
                    .Append("\n      ").Append(Shorten(node.GetProperty("summary").GetString() ?? "", 300));
            }

            found.Add(text.ToString());
        }

        return found;
    }

    private static string Shorten(string text, int length)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= length ? line : line[..length] + "…";
    }
}
