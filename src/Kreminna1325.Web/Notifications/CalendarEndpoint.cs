using Kreminna1325.Core.Notifications;
using Kreminna1325.Web.Api;
using Microsoft.Extensions.Localization;

namespace Kreminna1325.Web.Notifications;

/// <summary>
/// <c>GET /calendar/{token}.ics</c>: a person's private calendar for Outlook or Google Calendar. Anonymous, because
/// calendar apps cannot sign in: the token in the address is the secret, so it is neither cached nor logged.
/// </summary>
public static class CalendarEndpoint
{
    public const string Prefix = "/calendar/";

    public static void MapCalendarFeed(this WebApplication app) =>
        app.MapGet(Prefix + "{token}.ics", async (string token, CalendarFeed feed, HttpContext context, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                context.Response.Headers.CacheControl = "private, no-store";
                var calendar = await feed.RenderAsync(token, ct);
                return calendar is null
                    ? ApiErrors.Problem(l, StatusCodes.Status404NotFound)
                    : Results.Text(calendar, "text/calendar; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

    /// <summary>The path as the request log writes it: a calendar address without its secret.</summary>
    public static string LoggedPath(string path) =>
        path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? Prefix + "***.ics" : path;
}
