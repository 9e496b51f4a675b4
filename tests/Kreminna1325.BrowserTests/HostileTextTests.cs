using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests;

/// <summary>The app over a database whose every typed text is hostile markup (see <see cref="HostileData"/>).</summary>
public sealed class HostileFixture : IAsyncLifetime
{
    public BrowserFixture App { get; } = new();

    public HostileData Data { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        Data = await HostileData.WriteAsync(App.DbFactory, App.Actor);
    }

    public Task DisposeAsync() => App.DisposeAsync();
}

/// <summary>
/// Every page each role can open, over hostile text in every field: as the server sends it and as the
/// browser shows it once interactive, no element or attribute came from what a person typed.
/// </summary>
public partial class HostileTextTests(HostileFixture fixture) : IClassFixture<HostileFixture>
{
    // Every attribute an injected payload could bring: its marker, an event handler, a javascript: address.
    private const string FindInjected = """
        () => {
          const found = [];
          for (const el of document.querySelectorAll('*')) {
            for (const a of Array.from(el.attributes)) {
              const n = a.name.toLowerCase();
              if (n === 'data-pwned' || n.startsWith('on') || /^\s*javascript:/i.test(a.value))
                found.push(`${el.tagName.toLowerCase()}[${n}=${a.value}]`);
            }
          }
          const text = document.body.innerText + ' ' + Array.from(document.querySelectorAll('svg text, title')).map(t => t.textContent).join(' ');
          return { found, text };
        }
        """;

    private HostileData Data => fixture.Data;

    private BrowserFixture App => fixture.App;

    [Fact]
    public Task Anonymous_pages_show_hostile_text_as_text() =>
        VisitAsync(null, ["/", $"/plans/{Data.PlanId}", "/account/login", $"/account/login?ReturnUrl={Address}", "/account/access-denied"]);

    // Typed into the address bar: every query parameter a page reads.
    private static readonly string Address = Uri.EscapeDataString(HostileData.Payload(HostileData.Reflected, 1, 80));

    [Fact]
    public Task Administrator_pages_show_hostile_text_as_text() =>
        VisitAsync("admin@kreminna.local",
        [
            "/admin/users", "/audit", $"/audit?entity=Measure", $"/measures?direction={Address}&body={Address}", "/plans", "/directions", "/bodies", "/measures", $"/measures?body={Data.BodyId}",
            $"/measures/{Data.MeasureId}", $"/measures/{Data.MeasureId}/edit", $"/directions/{Data.DirectionId}/measures/new",
            "/review", $"/reports/{Data.ApprovedPeriodId}", $"/reports/{Data.OpenPeriodId}", "/account/change-password",
        ]);

    [Fact]
    public Task Staff_pages_show_hostile_text_as_text() =>
        VisitAsync("staff@kreminna.local",
        [
            "/measures", $"/measures/{Data.MeasureId}", $"/measures/{Data.MeasureId}/edit", "/review", "/bodies", "/directions", "/plans",
            $"/reports/{Data.ApprovedPeriodId}", "/dashboard", "/",
        ]);

    [Fact]
    public Task Official_pages_show_hostile_text_as_text() =>
        VisitAsync("official@kreminna.local",
        ["/my-reports", "/measures", $"/measures/{Data.MeasureId}", $"/reports/{Data.OpenPeriodId}", $"/reports/{Data.ApprovedPeriodId}"]);

    [Fact]
    public Task Executive_pages_show_hostile_text_as_text() =>
        VisitAsync("executive@kreminna.local",
        [
            "/dashboard", "/dashboard?year=2020", $"/dashboard?year=2020&direction={Data.DirectionId}", $"/dashboard?year=2021&body={Data.BodyId}",
            "/reports?year=2022&state=overdue", $"/reports?year=2020&state=approved&body={Data.BodyId}", $"/reports?year=2021&state=returned&direction={Data.DirectionId}",
            $"/reports?year={Address}&state={Address}&direction={Address}&body={Address}", $"/dashboard?year={Address}&direction={Address}&body={Address}",
            "/audit", $"/measures/{Data.MeasureId}", $"/reports/{Data.ApprovedPeriodId}",
        ]);

    [Fact]
    public async Task Dashboard_charts_label_bodies_with_their_names_as_text()
    {
        var (context, page) = await App.SignInAsync("executive@kreminna.local");
        await using var _ = context;
        await App.OpenAsync(page, "/dashboard");

        // The discipline chart names the bodies that owe reports: their short names, shown literally, not parsed and not escaped twice.
        // The charts draw after the figures arrive over the circuit, so wait for the hostile name's label before reading them all.
        await Assertions.Expect(page.Locator(".mud-chart svg text", new() { HasText = "data-pwned=" }).First)
            .ToBeAttachedAsync(new() { Timeout = 30_000 });
        var labels = await page.Locator(".mud-chart svg text").AllTextContentsAsync();
        Assert.Contains(labels, l => l.Contains("data-pwned=", StringComparison.Ordinal) && l.Contains('<'));
        Assert.DoesNotContain(labels, l => l.Contains("&lt;", StringComparison.Ordinal) || l.Contains("&amp;", StringComparison.Ordinal));

        // A bar's tooltip names it the same way.
        await page.Locator(".mud-chart").Nth(2).Locator("path.mud-chart-bar").First.HoverAsync(new() { Force = true });
        await AssertNothingInjectedAsync(page, "/dashboard (tooltip)");

        // The body filter lists the same names.
        await page.GetByLabel("Виконавець").ClickAsync();
        await page.GetByRole(AriaRole.Option).First.WaitForAsync();
        await AssertNothingInjectedAsync(page, "/dashboard (body list open)");
    }

    [Fact]
    public async Task Api_answers_and_downloads_carry_hostile_text_as_data()
    {
        await using var anonymous = await App.Browser.NewContextAsync();
        foreach (var path in new[] { "/api/plans", $"/api/plans/{Data.PlanId}", $"/api/plans/{Data.PlanId}/budget", "/api/responsible-bodies" })
        {
            await AssertJsonAsync(anonymous, path);
        }

        var (context, _) = await App.SignInAsync("executive@kreminna.local");
        await using var __ = context;
        await AssertJsonAsync(context, "/api/dashboard?year=2022");

        // The evidence file's stored name has quotes, CR/LF, markup and a bidi override: the download keeps it out of
        // the header's structure, offers it as an attachment, and forges no header.
        var download = await context.APIRequest.GetAsync($"{App.BaseUrl}/evidence/{Data.EvidenceId}");
        Assert.Equal(200, download.Status);
        var headers = download.HeadersArray;
        Assert.DoesNotContain(headers, h => h.Name.Equals("X-Pwned", StringComparison.OrdinalIgnoreCase));
        Assert.All(headers, h => Assert.DoesNotMatch("[\\r\\n]", h.Value));
        var disposition = headers.Single(h => h.Name.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase)).Value;
        Assert.StartsWith("attachment", disposition, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(disposition, "(^|;)\\s*filename="));
        var offered = Uri.UnescapeDataString(Regex.Match(disposition, "filename\\*=UTF-8''([^;]+)").Groups[1].Value);
        Assert.StartsWith("звіт", offered, StringComparison.Ordinal);
        Assert.EndsWith("fdp.exe", offered, StringComparison.Ordinal);
        Assert.DoesNotMatch("[\"<>;\\r\\n\u202E]", offered);
        Assert.Equal("application/pdf", headers.Single(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value);
        Assert.Equal("nosniff", headers.Single(h => h.Name.Equals("X-Content-Type-Options", StringComparison.OrdinalIgnoreCase)).Value);
    }

    private async Task AssertJsonAsync(IBrowserContext context, string path)
    {
        var response = await context.APIRequest.GetAsync(App.BaseUrl + path);
        Assert.True(response.Status == 200, $"{path} answered {response.Status}");
        Assert.StartsWith("application/json", response.Headers["content-type"], StringComparison.Ordinal);

        // Stored text comes back as the same text, inside JSON strings; nothing reads it as markup.
        using var json = System.Text.Json.JsonDocument.Parse(await response.TextAsync());
        Assert.Contains(Strings(json.RootElement), s => s.Contains("data-pwned=", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Strings(System.Text.Json.JsonElement element) => element.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => [element.GetString()!],
        System.Text.Json.JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        System.Text.Json.JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    private async Task VisitAsync(string? email, string[] paths)
    {
        var (context, page) = await App.VisitorAsync(email);
        await using var _ = context;
        var findings = new List<string>();
        foreach (var path in paths)
        {
            // As the server sends it: the prerendered HTML parsed as a browser would, before any script runs.
            var raw = await context.APIRequest.GetAsync(App.BaseUrl + path, new() { MaxRedirects = 0 });
            // The access-denied page says so with its status too (403), and still shows its text.
            var expected = path.Split('?')[0] == "/account/access-denied" ? 403 : 200;
            Assert.True(raw.Status == expected, $"{email ?? "anonymous"} {path} answered {raw.Status}, not {expected}");
            findings.AddRange(InjectedIn(new HtmlParser().ParseDocument(await raw.TextAsync())).Select(f => $"{path} (server HTML): {f}"));

            // As the browser shows it once the circuit has rendered, with the page's editors open where there are some.
            await App.OpenAsync(page, path);

            await OpenEditorsAsync(page, path);
            findings.AddRange(await InjectedAsync(page, path));
        }

        Assert.True(findings.Count == 0, $"Injected as {email ?? "anonymous"}:\n{string.Join('\n', findings.Distinct())}");
    }

    private static async Task OpenEditorsAsync(IPage page, string path)
    {
        if (path is "/bodies" or "/admin/users" or "/plans")
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Змінити", Exact = true }).First.ClickAsync();
            await page.Locator("main input[type=text], main textarea").First.WaitForAsync();
        }
        else if (path == "/measures")
        {
            await page.GetByLabel("Виконавець").ClickAsync();
            await page.GetByRole(AriaRole.Option).First.WaitForAsync();
        }
        else if (path.EndsWith("/edit", StringComparison.Ordinal))
        {
            await page.GetByLabel("Додати виконавця").FillAsync("pwned");
            await page.GetByRole(AriaRole.Option).First.WaitForAsync();
        }
    }

    private async Task AssertNothingInjectedAsync(IPage page, string where)
    {
        var findings = await InjectedAsync(page, where);
        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    private async Task<List<string>> InjectedAsync(IPage page, string path)
    {
        var result = await page.EvaluateAsync<PageScan>(FindInjected);
        var findings = result.Found.Select(f => $"{path}: {Describe(f)}").ToList();

        // Text escaped twice would show a person "&lt;" where they typed "<".
        if (result.Text.Contains("&lt;", StringComparison.Ordinal) || result.Text.Contains("&amp;", StringComparison.Ordinal))
        {
            findings.Add($"{path}: text escaped twice");
        }

        return findings;
    }

    private IEnumerable<string> InjectedIn(AngleSharp.Dom.IDocument document) =>
        from element in document.All
        from attribute in element.Attributes
        let name = attribute.Name.ToLowerInvariant()
        where name == "data-pwned" || name.StartsWith("on", StringComparison.Ordinal) || JavascriptUrl().IsMatch(attribute.Value)
        select Describe($"{element.LocalName}[{name}={attribute.Value}]");

    private string Describe(string finding) =>
        Marker().Match(finding) is { Success: true } m ? $"{finding} — from {Data.FieldOf(int.Parse(m.Groups[1].Value))}" : finding;

    [GeneratedRegex("data-pwned=['\"]?(\\d+)")]
    private static partial Regex Marker();

    [GeneratedRegex("^\\s*javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex JavascriptUrl();

    private sealed class PageScan
    {
        public string[] Found { get; set; } = [];

        public string Text { get; set; } = "";
    }
}
