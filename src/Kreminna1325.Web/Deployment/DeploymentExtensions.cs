using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace Kreminna1325.Web.Deployment;

/// <summary>
/// How the app meets the network: behind a TLS-terminating reverse proxy in Production (forwarded
/// headers trusted only from the configured proxies, Secure cookies, HSTS, HTTPS redirection), or on
/// plain http://localhost when someone tries it on their own machine (<see cref="PlainHttpKey"/>).
/// </summary>
public static class DeploymentExtensions
{
    /// <summary>Only for trying the app on one's own machine: cookies follow the request's scheme, no HTTPS redirection or HSTS.</summary>
    public const string PlainHttpKey = "Deployment:PlainHttp";
    public const string KnownProxiesKey = "ReverseProxy:KnownProxies";
    public const string KnownNetworksKey = "ReverseProxy:KnownNetworks";

    public static void AddDeployment(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Run from a build output (scripts/run.sh, the tests) the package assets (MudBlazor, blazor.web.js)
        // are found through this manifest; Development loads it by itself, a published app has none.
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, $"{builder.Environment.ApplicationName}.staticwebassets.runtime.json")))
        {
            builder.WebHost.UseStaticWebAssets();
        }

        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;

            // The framework trusts loopback by default; here only what the operator names is trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in configuration.GetSection(KnownProxiesKey).Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection(KnownNetworksKey).Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            // With both lists empty the middleware would trust every sender, so no proxy named means
            // no forwarded header read at all.
            if (options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0)
            {
                options.ForwardedHeaders = ForwardedHeaders.None;
            }

            // A forwarded host is held to the same list as the Host header itself.
            var allowedHosts = (configuration["AllowedHosts"] ?? "*").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (!allowedHosts.Contains("*"))
            {
                options.AllowedHosts = allowedHosts;
            }
        });

        services.AddSingleton<IConfigureOptions<CookieAuthenticationOptions>, CookieSecurity>();
        services.AddSingleton<IConfigureOptions<AntiforgeryOptions>, CookieSecurity>();

        // Behind a proxy the app has no HTTPS port of its own to discover: redirect to the standard one.
        services.AddOptions<HttpsRedirectionOptions>().Configure<IConfiguration>((options, configuration) =>
            options.HttpsPort = configuration.GetValue<int?>("HTTPS_PORT") ?? 443);
    }

    /// <summary>
    /// First in the pipeline: everything after it (cookies, antiforgery, HTTPS redirection, the
    /// sign-in rate limit, the log) sees the client's address and scheme as the trusted proxy reported them.
    /// Also refuses demo data outside a local database before anything runs.
    /// </summary>
    public static void UseDeployment(this WebApplication app)
    {
        DemoMode.RefuseOutsideLocalDatabase(app.Configuration);
        app.UseForwardedHeaders();

        if (!SecureCookiesOnly(app.Configuration, app.Environment))
        {
            return;
        }

        if (app.Environment.IsProduction()
            && app.Configuration.GetSection(KnownProxiesKey).Get<string[]>() is not { Length: > 0 }
            && app.Configuration.GetSection(KnownNetworksKey).Get<string[]>() is not { Length: > 0 })
        {
            app.Logger.LogWarning(
                "No {KnownProxies} or {KnownNetworks}: X-Forwarded-* headers are ignored. Behind a reverse proxy, name it there; "
                + "to try the app over plain HTTP on this machine, set {PlainHttp}=true.",
                KnownProxiesKey, KnownNetworksKey, PlainHttpKey);
        }

        app.UseHsts();
        // Health probes come from inside, over plain HTTP, and must get their answer rather than a redirect.
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), branch => branch.UseHttpsRedirection());
    }

    /// <summary>Outside Development and the plain-HTTP trial, every cookie is Secure: the original request was HTTPS.</summary>
    private static bool SecureCookiesOnly(IConfiguration configuration, IHostEnvironment environment) =>
        !environment.IsDevelopment() && !configuration.GetValue<bool>(PlainHttpKey);

    // Read when the options are first built, from the final configuration (test hosts add theirs late).
    private sealed class CookieSecurity(IConfiguration configuration, IHostEnvironment environment)
        : IConfigureNamedOptions<CookieAuthenticationOptions>, IConfigureOptions<AntiforgeryOptions>
    {
        private CookieSecurePolicy Policy =>
            SecureCookiesOnly(configuration, environment) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

        public void Configure(string? name, CookieAuthenticationOptions options) => options.Cookie.SecurePolicy = Policy;

        public void Configure(CookieAuthenticationOptions options) => Configure(Options.DefaultName, options);

        public void Configure(AntiforgeryOptions options) => options.Cookie.SecurePolicy = Policy;
    }
}
