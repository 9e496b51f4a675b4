namespace Kreminna1325.Web.Security;

/// <summary>
/// Headers on every response: only the app's own scripts and its Blazor websocket, nothing from
/// other origins, no framing. MudBlazor sets inline style attributes, hence 'unsafe-inline' for styles
/// only; scripts stay strict. The policy is the same text for every request: nothing in it comes from
/// the request (CSP 3's 'self' covers the same origin's ws: and wss:, in Chromium since 71, Firefox, and Safari since 16).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; "
        + "script-src 'self'; "
        + "style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; "
        + "font-src 'self' data:; "
        + "connect-src 'self'; "
        + "object-src 'none'; "
        + "base-uri 'self'; "
        + "form-action 'self'; "
        + "frame-ancestors 'none'";

    public static void UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return next(context);
        });
    }
}
