using System.Globalization;
using Kreminna1325.Core.Plans;
using Microsoft.AspNetCore.OutputCaching;

namespace Kreminna1325.Web.Plans;

/// <summary>
/// What anonymous visitors get — the public plan page and the open-data API — is rendered once and
/// served from memory until the plan changes, and a visitor who already has it gets a 304. A council
/// session or a news article sends everyone at once; every one of them reading the database would not hold.
/// </summary>
/// <remarks>
/// Only anonymous GETs are cached or served from the cache (output caching's default rules: no signed-in
/// user, no Authorization header, no response that sets a cookie, only 200s), so nobody signed in ever
/// gets the anonymous copy and no signed-in page is ever kept. A committed change to plan data
/// (<see cref="PlanChanges"/>) evicts everything at once, here and, through PostgreSQL's NOTIFY
/// (<see cref="Data.DatabaseChanges"/>), on every other instance; the short expiry bounds a copy that
/// another instance's notice did not reach.
/// </remarks>
public static class PublicCaching
{
    public const string PagePolicy = "public-page";
    public const string DataPolicy = "open-data";

    internal const string Tag = "plan-data";
    internal const string UiVary = "ui";
    internal const string VersionQuery = "version";
    private static readonly TimeSpan Expiry = TimeSpan.FromSeconds(30);

    public static void AddPublicCaching(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PublicCacheEvictions>();
        builder.Services.AddOutputCache(options =>
        {
            // The page is one HTML per language, theme and chosen plan (the app bar names it), all read
            // from cookies; the value is what the page reads, not the raw cookie, so junk cannot multiply
            // copies. No cached answer reads the query string but the plan's version ("?version=adopted"; an
            // unknown one is a 404, which is not kept), so "/?1", "/?2"… share one copy. Blazor's
            // enhanced navigation gets headers of its own (a per-request ssr-framing id).
            options.AddPolicy(PagePolicy, policy => policy.Expire(Expiry).Tag(Tag).SetVaryByQuery([VersionQuery]).VaryByValue(context =>
            {
                var ui = UiState.From(context);
                var enhanced = context.Request.Headers.Accept.ToString().Contains("blazor-enhanced-nav=on", StringComparison.Ordinal);
                return new(UiVary, string.Create(CultureInfo.InvariantCulture, $"{ui.Culture}|{(ui.Dark ? "dark" : "light")}|{ui.PlanId}|{enhanced}"));
            }));
            options.AddPolicy(DataPolicy, policy => policy.Expire(Expiry).Tag(Tag).SetVaryByQuery([VersionQuery]));
        });
    }

    /// <summary>After authentication (the cache must know who is signed in) and request localization.</summary>
    public static void UsePublicCaching(this WebApplication app)
    {
        app.Services.GetRequiredService<PlanChanges>().Subscribe(app.Services.GetRequiredService<PublicCacheEvictions>().EvictAsync);
        app.UseOutputCache();
        app.UseMiddleware<ConditionalGet>();
    }
}

/// <summary>
/// Evicts every shared copy, and counts evictions: a render that began before one and ends after it
/// may hold the old data, so it is served but not kept (<see cref="ConditionalGet"/>).
/// </summary>
internal sealed class PublicCacheEvictions(IOutputCacheStore store)
{
    private long count;

    public long Count => Interlocked.Read(ref count);

    public ValueTask EvictAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref count);
        return store.EvictByTagAsync(PublicCaching.Tag, ct);
    }
}
