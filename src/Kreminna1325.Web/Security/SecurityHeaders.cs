namespace Kreminna1325.Web.Security;

/// <summary>
/// Headers on every response: only the app's own scripts and its Blazor websocket, nothing from
/// other origins, no framing. MudBlazor sets inline style attributes, hence 'unsafe-inline' for styles
/// only; scripts stay strict.
/// </summary>
public static class SecurityHeaders
{
    public static void UseSecurityHeaders(this WebApplication app)
    {
        if (app.Environment.IsProduction())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.Use((context, next) =>
        {
            var host = context.Request.Host.Value;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                "default-src 'self'; "
                + "script-src 'self'; "
                + "style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; "
                + "font-src 'self' data:; "
                + $"connect-src 'self' ws://{host} wss://{host}; "
                + "object-src 'none'; "
                + "base-uri 'self'; "
                + "form-action 'self'; "
                + "frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return next(context);
        });
    }
}
