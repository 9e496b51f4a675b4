using Kreminna1325.Web.Accounts;
using Microsoft.AspNetCore.Localization;

namespace Kreminna1325.Web;

/// <summary>What a person chose for the app's look and scope: language, theme, plan. Kept in cookies.</summary>
public sealed record UiState(int? PlanId, bool Dark, string Culture)
{
    public const string PlanCookie = "kreminna1325.plan";
    public const string ThemeCookie = "kreminna1325.theme";

    public static UiState From(HttpContext context) => new(
        int.TryParse(context.Request.Cookies[PlanCookie], out var plan) ? plan : null,
        context.Request.Cookies[ThemeCookie] == "dark",
        System.Globalization.CultureInfo.CurrentUICulture.Name);
}

public static class PreferencesEndpoints
{
    /// <summary>
    /// <c>GET /preferences?culture=en-US&amp;theme=dark&amp;plan=2&amp;returnUrl=/measures</c>: remembers the
    /// choice and goes back. A full page load, so the whole page, circuit included, speaks the new choice.
    /// </summary>
    public static void MapPreferences(this WebApplication app) =>
        app.MapGet("/preferences", async (HttpContext context, string? culture, string? theme, string? plan, string? community, string? returnUrl,
                Core.Notifications.NotificationSettings settings) =>
            {
                var options = new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                    IsEssential = true,
                };
                if (culture is not null && WebUi.SupportedCultures.Contains(culture))
                {
                    context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)), options);

                    // A signed-in person's choice is theirs, not only this browser's: e-mails follow it too.
                    if (Core.Accounts.Permissions.UserId(context.User) is { } userId)
                    {
                        await settings.RememberCultureAsync(userId, culture, context.RequestAborted);
                    }
                }

                if (theme is "dark" or "light")
                {
                    context.Response.Cookies.Append(UiState.ThemeCookie, theme, options);
                }

                // The switcher's community: checked against the person's grants on every request (CommunityRoles).
                if (QueryValues.Int(community) is { } communityId)
                {
                    context.Response.Cookies.Append(Communities.CommunityRoles.CommunityCookie,
                        communityId.ToString(System.Globalization.CultureInfo.InvariantCulture), options);
                    context.Response.Cookies.Delete(UiState.PlanCookie);
                }

                if (QueryValues.Int(plan) is { } planId)
                {
                    context.Response.Cookies.Append(UiState.PlanCookie, planId.ToString(System.Globalization.CultureInfo.InvariantCulture), options);
                }

                return Results.LocalRedirect(StartPages.LocalPath(returnUrl));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}
