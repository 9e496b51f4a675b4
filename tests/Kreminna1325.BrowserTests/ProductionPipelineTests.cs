using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests;

/// <summary>The app as scripts/run.sh serves it: Production on plain HTTP, with demo data, in a real browser.</summary>
public class ProductionPipelineTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_circuit_runs_over_a_websocket_the_csp_allows_and_demo_data_is_marked()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var sockets = new List<string>();
        var errors = new List<string>();
        page.WebSocket += (_, socket) => sockets.Add(socket.Url);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync(fixture.BaseUrl + "/account/login"); // the sign-in page is static: never interactive
        await page.GetByLabel("Електронна пошта").FillAsync("executive@kreminna.local");
        await page.GetByLabel("Пароль").FillAsync("Demo-Kreminna-1325");
        await page.GetByRole(AriaRole.Button, new() { Name = "Увійти" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dashboard$"), new() { Timeout = 30_000 });
        await BrowserFixture.InteractiveAsync(page);

        // connect-src 'self' covers the same origin's ws: in Chromium: the circuit did not fall back to long polling.
        Assert.Contains(sockets, url => url.StartsWith(fixture.BaseUrl.Replace("http://", "ws://") + "/_blazor"));
        Assert.DoesNotContain(errors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        await Assertions.Expect(page.Locator("[data-demo]")).ToContainTextAsync("Демонстраційні дані");
    }
}
