using System.Net;
using Kreminna1325.Tests.Infrastructure;

namespace Kreminna1325.Tests.Deployment;

/// <summary>The Host header is the visitor's to choose: it is checked against AllowedHosts and never copied into a header.</summary>
public class HostAndCspTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task A_host_not_in_AllowedHosts_is_refused()
    {
        await using var factory = new KreminnaWebFactory(database.ConnectionString);
        using var client = factory.CreateClient();

        using var hostile = await client.GetAsync("https://evil.example/");
        using var allowed = await client.GetAsync("https://localhost/");

        Assert.Equal(HttpStatusCode.BadRequest, hostile.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task The_csp_is_the_configured_text_whatever_the_host()
    {
        // Even where any host is allowed, a hostile one reaches no header.
        await using var factory = new KreminnaWebFactory(database.ConnectionString,
            settings: new Dictionary<string, string?> { ["AllowedHosts"] = "*" });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("https://evil.example:8443/account/login");
        using var own = await client.GetAsync("https://localhost/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(Assert.Single(own.Headers.GetValues("Content-Security-Policy")), csp);
        Assert.Equal(
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
            csp.TrimEnd(';', ' '));
        Assert.DoesNotContain("evil", string.Join("\n", response.Headers.Select(h => string.Join(",", h.Value))));
    }
}
