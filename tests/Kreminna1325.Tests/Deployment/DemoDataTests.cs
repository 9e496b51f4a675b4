using System.Diagnostics;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Tests.Infrastructure;
using Kreminna1325.Web.Accounts;
using Kreminna1325.Web.Deployment;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Deployment;

/// <summary>Demo accounts (a published password) and demo reports only ever in run.sh's own local cluster.</summary>
public class DemoDataTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task Run_sh_with_a_given_database_starts_the_app_without_any_demo_data()
    {
        // Whatever the caller's environment says, run.sh decides: Demo__Enabled=true here must not survive.
        var settings = await RunShSettingsAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = database.ConnectionString,
            ["Demo__Enabled"] = "true",
        });
        Assert.Equal("false", settings["Demo:Enabled"]);
        Assert.Equal("Production", settings["ASPNETCORE_ENVIRONMENT"]);

        // The start-up code with exactly those settings (migrate on start, the Production pipeline).
        var environment = settings["ASPNETCORE_ENVIRONMENT"]!;
        settings.Remove("ASPNETCORE_ENVIRONMENT");
        await using var factory = new KreminnaWebFactory(database.ConnectionString, localMode: false, settings!, environment);
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("http://localhost") });
        var page = await client.GetStringAsync("/");

        await using var db = await database.DbFactory.CreateDbContextAsync();
        var demoEmails = AccountSetup.DemoAccounts.Select(a => a.Email.ToUpperInvariant()).ToList();
        Assert.True(await db.Roles.AnyAsync(r => r.Name == Roles.SystemAdministrator), "the start-up code ran (the instance roles exist)");
        Assert.False(await db.Users.AnyAsync(u => demoEmails.Contains(u.NormalizedEmail!)));
        Assert.False(await db.Reports.AnyAsync(r => r.IsDemo));
        Assert.DoesNotContain("data-demo", page);
    }

    [Fact]
    public async Task The_app_refuses_demo_data_for_a_database_that_is_not_on_this_machine()
    {
        await using var factory = new KreminnaWebFactory("Host=db.example.org;Database=kreminna1325;Username=kreminna", localMode: true);

        var error = Record.Exception(() => factory.Server);

        Assert.NotNull(error);
        Assert.Contains(DemoMode.EnabledKey, error.ToString());
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=5432", true)]
    [InlineData("Host=localhost", true)]
    [InlineData("Host=::1", true)]
    [InlineData("Host=[::1]:5433", true)]
    [InlineData("Host=127.0.0.1:5432,localhost:5433", true)]
    [InlineData("Host=/var/run/postgresql", true)]
    [InlineData("Host=db", false)]
    [InlineData("Host=10.0.0.5", false)]
    [InlineData("Host=localhost.example.org", false)]
    [InlineData("Host=localhost,db.example.org", false)]
    public void Only_loopback_and_socket_hosts_count_as_local(string connectionString, bool local) =>
        Assert.Equal(local, DemoMode.IsLocalDatabase(connectionString));

    /// <summary>What scripts/run.sh would give the app, from its own --print-settings, as configuration keys.</summary>
    private static async Task<Dictionary<string, string?>> RunShSettingsAsync(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot(), "scripts", "run.sh"), "--print-settings"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"run.sh --print-settings failed: {errors}");

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(p => p[0] == "ASPNETCORE_ENVIRONMENT" ? p[0] : p[0].Replace("__", ":"), p => (string?)p[1]);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "run.sh")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("scripts/run.sh not found above " + AppContext.BaseDirectory);
    }
}
