using System.Net;
using System.Text.RegularExpressions;
using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Kreminna1325.Tests.Deployment;

/// <summary>In Production nobody sees exception details: a friendly page with a trace id, and the details in the log under that id.</summary>
public partial class ErrorPageTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private const string Secret = "Host=db.internal;Password=s3cret-from-the-exception";

    [Fact]
    public async Task An_unexpected_exception_gives_the_friendly_page_with_a_trace_id_that_is_in_the_log()
    {
        var log = new LogCapture();
        await using var factory = new KreminnaWebFactory(database.ConnectionString, localMode: false);
        await using var failing = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILogEventSink>(log);
            services.AddScoped<PlanQueries>(_ => throw new InvalidOperationException($"Unexpected failure; {Secret}"));
        }));
        using var client = failing.CreateClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Сталася помилка", html);
        AssertNoDetails(html);
        var traceId = TraceIdPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException("No trace id on the error page:\n" + html);

        var logged = log.Events.Where(e => e.Level >= LogEventLevel.Error && e.Exception?.ToString().Contains(Secret) == true).ToList();
        Assert.NotEmpty(logged);
        Assert.Contains(logged, e => e.TraceId?.ToHexString() == traceId);
    }

    [Fact]
    public async Task A_developer_who_asks_for_Development_sees_the_exception()
    {
        await using var factory = new KreminnaWebFactory(database.ConnectionString, localMode: false, environment: "Development");
        await using var failing = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<PlanQueries>(_ => throw new InvalidOperationException($"Unexpected failure; {Secret}"))));
        using var client = failing.CreateClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Сталася помилка", html);
        Assert.Contains("InvalidOperationException", html);
    }

    [Fact]
    public async Task With_the_database_down_the_public_page_and_the_api_tell_nothing_about_it()
    {
        const string unreachable = "Host=127.0.0.1;Port=1;Database=secret_db_name;Username=secret_user;Password=secret-password;Timeout=3";
        await using var factory = new KreminnaWebFactory(unreachable, localMode: false);
        using var client = factory.CreateClient();

        using var page = await client.GetAsync("/");
        using var api = await client.GetAsync("/api/plans");

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Сталася помилка", html);
        Assert.Matches(TraceIdPattern(), html);
        AssertNoDetails(html);

        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        AssertNoDetails(await api.Content.ReadAsStringAsync());
    }

    private static void AssertNoDetails(string body)
    {
        foreach (var leak in new[] { "s3cret", "secret", "Exception", "Npgsql", "Port=1", "db.internal", "   at ", "Kreminna1325.Core", "Stack" })
        {
            Assert.DoesNotContain(leak, body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [GeneratedRegex("data-trace-id[^>]*>([0-9a-f]{32})<")]
    private static partial Regex TraceIdPattern();
}
