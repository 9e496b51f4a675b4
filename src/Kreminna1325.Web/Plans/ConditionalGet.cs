using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Kreminna1325.Web.Plans;

/// <summary>
/// Makes each response that the output cache is about to keep fit to share: a strong ETag made from
/// its body (a matching If-None-Match gets a 304), public cache headers, and nothing of the one
/// visitor it was rendered for. The cache keeps the ETag with its copy and answers later
/// If-None-Match itself; this covers the render that fills it. A hash of the body rather than a
/// counter, so every instance and every restart agree on it.
/// </summary>
/// <remarks>
/// Blazor gives every page response an antiforgery cookie, "no-cache, no-store", and the same token
/// again in its persisted component state; with those no page could be cached, and a cached one
/// would hand one visitor's token to everyone. The public page is statically rendered and has no form
/// for anonymous visitors (the sign-in page sets its own cookie), so both are dropped there.
/// </remarks>
internal sealed class ConditionalGet(RequestDelegate next, IOptions<AntiforgeryOptions> antiforgery, PublicCacheEvictions evictions)
{
    private static readonly byte[] ComponentState = "<!--Blazor-Server-Component-State:"u8.ToArray();
    private static readonly byte[] CommentEnd = "-->"u8.ToArray();

    private readonly string antiforgeryCookie = antiforgery.Value.Cookie.Name + "=";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method)
            || context.Features.Get<IOutputCacheFeature>() is not { Context: { AllowCacheStorage: true } cache })
        {
            await next(context);
            return;
        }

        var response = context.Response;
        var shared = false;
        var evictionsBefore = evictions.Count;

        // Registered before Blazor's own start callback, so it runs after it (last registered runs first).
        response.OnStarting(() =>
        {
            if (shared)
            {
                MakeShareable(response, cache);
            }

            return Task.CompletedTask;
        });

        var body = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
        }

        var content = new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (evictions.Count != evictionsBefore)
        {
            cache.AllowCacheStorage = false;
        }

        // Anything else (an error, another cookie) goes out as it was, and the cache does not keep it.
        shared = response.StatusCode == StatusCodes.Status200OK && response.Headers.SetCookie.All(IsAntiforgeryCookie);
        if (shared)
        {
            MakeShareable(response, cache);
            content = WithoutComponentState(content);
            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content.Span)[..16])}\"");
            response.Headers.ETag = etag.ToString();
            if (Matches(context.Request, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                return;
            }

            response.ContentLength = content.Length;
        }

        await body.WriteAsync(content, context.RequestAborted);
    }

    private void MakeShareable(HttpResponse response, OutputCacheContext cache)
    {
        response.Headers.SetCookie = new StringValues(response.Headers.SetCookie.Where(c => !IsAntiforgeryCookie(c)).ToArray());
        response.Headers.Remove(HeaderNames.Pragma);

        // Public data, stored anywhere but checked with the server before every use.
        response.Headers.CacheControl = "public, no-cache";
        if (cache.CacheVaryByRules.VaryByValues.ContainsKey(PublicCaching.UiVary))
        {
            response.Headers.Vary = HeaderNames.Cookie;
        }
    }

    private bool IsAntiforgeryCookie(string? cookie) => cookie?.StartsWith(antiforgeryCookie, StringComparison.Ordinal) == true;

    // State for interactive components, of which a statically rendered page has none; it holds the antiforgery token.
    private static ReadOnlyMemory<byte> WithoutComponentState(ReadOnlyMemory<byte> content)
    {
        var start = content.Span.IndexOf(ComponentState);
        if (start < 0)
        {
            return content;
        }

        var length = content.Span[start..].IndexOf(CommentEnd);
        if (length < 0)
        {
            return content;
        }

        var end = start + length + CommentEnd.Length;
        var result = new byte[content.Length - (end - start)];
        content.Span[..start].CopyTo(result);
        content.Span[end..].CopyTo(result.AsSpan(start));
        return result;
    }

    private static bool Matches(HttpRequest request, EntityTagHeaderValue etag) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
}
