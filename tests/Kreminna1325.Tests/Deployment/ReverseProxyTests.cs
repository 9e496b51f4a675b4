using System.Collections.Concurrent;
using System.Net;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Tests.Deployment;

/// <summary>
/// Production behind a TLS-terminating proxy, on a real Kestrel socket: the test's HttpClient plays
/// the proxy (plain HTTP from 127.0.0.1 with X-Forwarded-* headers, cookies passed through as a proxy
/// passes them). The headers count only when 127.0.0.1 is a configured known proxy.
/// </summary>
public class ReverseProxyTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private const string PublicHost = "kreminna.example.org";
    private const string ClientAddress = "203.0.113.7";

    [Fact]
    public async Task From_a_known_proxy_the_request_is_https_for_the_client_cookies_are_secure_and_sign_in_works()
    {
        var seen = new ConcurrentQueue<Seen>();
        await using var app = Start(seen, ["127.0.0.1"]);
        var proxy = new ProxyHandler(ClientAddress, "https", PublicHost);
        using var client = new HttpClient(proxy) { BaseAddress = app.BaseAddress };

        using var signIn = await SignIn.PostLoginAsync(client, "official@kreminna.local", SignIn.DemoPassword);
        using var myReports = await client.GetAsync("/my-reports");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, myReports.StatusCode);
        Assert.Contains("official@kreminna.local", await myReports.Content.ReadAsStringAsync());
        Assert.Contains(proxy.SetCookies, c => c.StartsWith("kreminna1325.antiforgery="));
        Assert.Contains(proxy.SetCookies, c => c.StartsWith("kreminna1325.auth="));
        Assert.All(proxy.SetCookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("max-age=", string.Join(",", myReports.Headers.GetValues("Strict-Transport-Security")));

        Assert.NotEmpty(seen);
        Assert.All(seen, s => Assert.Equal(new Seen(ClientAddress, "https", PublicHost), s));
    }

    [Fact]
    public async Task The_same_headers_from_an_unknown_address_are_ignored()
    {
        var seen = new ConcurrentQueue<Seen>();
        await using var app = Start(seen, ["10.20.30.40"]);
        var proxy = new ProxyHandler(ClientAddress, "https", PublicHost);
        using var client = new HttpClient(proxy) { BaseAddress = app.BaseAddress };

        using var login = await client.GetAsync("/account/login");

        // Plain HTTP as far as the app can tell: sent to HTTPS on the host it was really asked for, no cookie set.
        Assert.Equal(HttpStatusCode.TemporaryRedirect, login.StatusCode);
        Assert.StartsWith("https://127.0.0.1/account/login", login.Headers.Location!.ToString());
        Assert.Empty(proxy.SetCookies);
        var request = Assert.Single(seen);
        Assert.Equal("127.0.0.1", request.Address);
        Assert.Equal("http", request.Scheme);
    }

    [Fact]
    public async Task A_forwarded_host_outside_AllowedHosts_is_not_taken_even_from_a_known_proxy()
    {
        var seen = new ConcurrentQueue<Seen>();
        await using var app = Start(seen, ["127.0.0.1"]);
        using var client = new HttpClient(new ProxyHandler(ClientAddress, "https", "evil.example")) { BaseAddress = app.BaseAddress };

        using var response = await client.GetAsync("/account/login");

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.TemporaryRedirect, $"{(int)response.StatusCode}");
        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("evil.example", response.Headers.ToString());
        Assert.DoesNotContain(seen, s => s.Host.Contains("evil"));
    }

    private RunningApp Start(ConcurrentQueue<Seen> seen, string[] knownProxies)
    {
        var settings = new Dictionary<string, string?> { ["AllowedHosts"] = $"{PublicHost};localhost;127.0.0.1" };
        for (var i = 0; i < knownProxies.Length; i++)
        {
            settings[$"ReverseProxy:KnownProxies:{i}"] = knownProxies[i];
        }

        var factory = new KreminnaWebFactory(database.ConnectionString, settings: settings);
        var observed = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IStartupFilter>(new Observe(seen))));
        observed.UseKestrel(0);
        observed.StartServer();
        var address = observed.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var port = new Uri(address.Replace("[::]", "localhost").Replace("0.0.0.0", "localhost")).Port;
        return new RunningApp(factory, observed, new Uri($"http://127.0.0.1:{port}"));
    }

    private sealed record Seen(string? Address, string Scheme, string Host);

    private sealed record RunningApp(KreminnaWebFactory Factory, WebApplicationFactory<Program> Observed, Uri BaseAddress) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Observed.DisposeAsync();
            await Factory.DisposeAsync();
        }
    }

    /// <summary>Notes, for pages, what the app made of each request once the app's own pipeline (forwarded headers first) has run.</summary>
    private sealed class Observe(ConcurrentQueue<Seen> seen) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                await inner(context);
                if (context.Request.Path.StartsWithSegments("/account") || context.Request.Path.StartsWithSegments("/my-reports"))
                {
                    var address = context.Connection.RemoteIpAddress;
                    seen.Enqueue(new Seen(
                        address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4().ToString() : address?.ToString(),
                        context.Request.Scheme,
                        context.Request.Host.Host));
                }
            });
            next(app);
        };
    }

    /// <summary>What a TLS-terminating proxy adds, and the browser's cookies, which it passes through even when Secure.</summary>
    private sealed class ProxyHandler(string clientAddress, string proto, string host) : DelegatingHandler(
        new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        private readonly Dictionary<string, string> jar = [];

        public List<string> SetCookies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            request.Headers.Add("X-Forwarded-For", clientAddress);
            request.Headers.Add("X-Forwarded-Proto", proto);
            request.Headers.Add("X-Forwarded-Host", host);
            if (jar.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await base.SendAsync(request, ct);
            foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                SetCookies.Add(cookie);
                var pair = cookie.Split(';')[0];
                var eq = pair.IndexOf('=');
                jar[pair[..eq]] = pair[(eq + 1)..];
            }

            return response;
        }
    }
}
