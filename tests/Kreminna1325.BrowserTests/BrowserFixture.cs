using Kreminna1325.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests;

/// <summary>
/// The app on a real Kestrel socket over a seeded database of its own, and Debian's Chromium
/// driven by Playwright. Playwright's own browser download is never used.
/// </summary>
public class BrowserFixture : SeededDatabase
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private KreminnaWebFactory? factory;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();

        // Production on plain HTTP, as scripts/run.sh serves it.
        var settings = new Dictionary<string, string?> { ["Deployment:PlainHttp"] = "true" };
        var port = await ConfigureAsync(settings);
        factory = new KreminnaWebFactory(ConnectionString, settings: settings);
        factory.UseKestrel(port);
        factory.StartServer();
        BaseUrl = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');

        var chromium = Environment.GetEnvironmentVariable("KREMINNA_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium is not at {chromium}. Run the tests with scripts/test.sh, which installs Debian's chromium.");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>Settings a fixture adds to the app's, and the port it is to listen on (0: any free one).</summary>
    protected virtual Task<int> ConfigureAsync(Dictionary<string, string?> settings) => Task.FromResult(0);

    /// <summary>
    /// Waits until the page runs on its circuit. The layout marks its main element when the render
    /// is interactive; before that, prerendered controls are on screen but do nothing.
    /// </summary>
    public static Task InteractiveAsync(IPage page) =>
        page.Locator("main[data-interactive='true']").WaitForAsync(new() { Timeout = 30_000 });

    /// <summary>
    /// Opens a path of the app and waits until the page is ready: a page on a circuit until it is interactive, a page
    /// drawn once on the server (<see cref="AppPages.IsStatic"/>) once it has loaded, as it has no circuit to wait for.
    /// </summary>
    public async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(BaseUrl + path);
        if (!AppPages.IsStatic(path))
        {
            await InteractiveAsync(page);
        }
    }

    /// <summary>
    /// Picks an option of a MudSelect and waits until the select shows it. MudSelect awaits a JS
    /// round trip before it sets its value, and a click sent meanwhile (a "filter" or "submit"
    /// button) would be handled with the old value.
    /// </summary>
    public static async Task ChooseAsync(IPage page, string label, string option)
    {
        await page.GetByLabel(label).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true })).ToHaveTextAsync(option);
    }

    /// <summary>The demo accounts' password (scripts/run.sh's, and every seeded test database's).</summary>
    public const string DemoPassword = "Demo-Kreminna-1325";

    /// <summary>
    /// Signs in through the sign-in page, as a person does, in a browser of its own, and waits for where the app sends
    /// the person: <paramref name="landing"/> when given, otherwise a start page.
    /// </summary>
    public async Task<(IBrowserContext Context, IPage Page)> SignInAsync(
        string email, string password = DemoPassword, string? landing = null, BrowserNewContextOptions? options = null, List<string>? consoleErrors = null)
    {
        var context = await Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        if (consoleErrors is not null)
        {
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    consoleErrors.Add(message.Text);
                }
            };
        }

        await page.GotoAsync(BaseUrl + "/account/login");
        await page.GetByLabel("Електронна пошта").FillAsync(email);
        await page.GetByLabel("Пароль").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Увійти" }).ClickAsync();
        if (landing is not null)
        {
            await Assertions.Expect(page).ToHaveURLAsync(BaseUrl + landing, new() { Timeout = 30_000 });
        }
        else
        {
            // Coordinators land on "/", the system administrator on /admin/communities.
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/(measures|my-reports|dashboard|admin/users|admin/communities|national|oblast/UA\\d{17})?$"), new() { Timeout = 30_000 });
        }

        return (context, page);
    }

    /// <summary>A browser of its own for the person with this email, signed in, or for anyone (null), and its page.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> VisitorAsync(string? email)
    {
        if (email is not null)
        {
            return await SignInAsync(email);
        }

        var context = await Browser.NewContextAsync();
        return (context, await context.NewPageAsync());
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
