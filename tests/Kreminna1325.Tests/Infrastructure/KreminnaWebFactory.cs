using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Kreminna1325.Tests.Infrastructure;

/// <summary>
/// The real app over a test class's database, in the Production environment unless a test asks for
/// another, reached over HTTPS as a real deployment is (set Deployment:PlainHttp to reach it over
/// plain HTTP, as run.sh does). By default it starts as run.sh's own cluster does: migrations (a
/// no-op after the fixture's), roles, the demo accounts and reports.
/// </summary>
public class KreminnaWebFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> values;
    private readonly string environment;

    public KreminnaWebFactory(string connectionString, bool localMode = true, IDictionary<string, string?>? settings = null, string environment = "Production")
    {
        this.environment = environment;
        values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["Database:MigrateOnStart"] = localMode ? "true" : "false",
            ["Demo:Enabled"] = localMode ? "true" : "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",

            // The real clock would write today's reminders and digest into every test's database at start; the tests
            // of the schedules run them on a fake clock, and a test that wants them on says so.
            ["Notifications:Schedules"] = "false",

            // Kreminna alone, as the tests written for one community expect; a test of the two demo communities asks for both.
            [Kreminna1325.Web.Accounts.DemoCommunities.SecondCommunityKey] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var plainHttp = values.TryGetValue("Deployment:PlainHttp", out var plain) && plain == "true";
        ClientOptions.BaseAddress = new Uri(plainHttp || environment == "Development" ? "http://localhost" : "https://localhost");
    }

    /// <summary>A client that keeps cookies and shows redirects instead of following them, at the factory's scheme.</summary>
    public HttpClient NewClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = ClientOptions.BaseAddress });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(values));
    }
}
