using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Kreminna1325.Tests.Infrastructure;

/// <summary>The real app over a test class's database; migrations are the fixture's job, not the app's.</summary>
public class KreminnaWebFactory(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["Database:MigrateOnStart"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        }));
    }
}
