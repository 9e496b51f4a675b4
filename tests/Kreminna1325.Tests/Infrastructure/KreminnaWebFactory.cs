using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Kreminna1325.Tests.Infrastructure;

/// <summary>
/// The real app over a test class's database. By default it starts as local mode does: migrations
/// (a no-op after the fixture's), roles and the demo accounts.
/// </summary>
public class KreminnaWebFactory(string connectionString, bool localMode = true, IDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["Database:MigrateOnStart"] = localMode ? "true" : "false",
            ["Accounts:DemoAccounts"] = localMode ? "true" : "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(values));
    }
}
