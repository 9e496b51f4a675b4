namespace Kreminna1325.Web.Accounts;

/// <summary>
/// Someone signed in with a one-time password can reach only the account pages until they have
/// chosen their own password; everything else sends them there (or answers 403 under /api).
/// </summary>
public sealed class MustChangePasswordMiddleware(RequestDelegate next)
{
    public const string ChangePasswordPath = "/account/change-password";

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.User.HasClaim(AppClaimsFactory.MustChangePasswordClaim, "true") || IsAllowed(context.Request.Path))
        {
            return next(context);
        }

        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            var l = context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
            return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: l["Api.MustChangePassword.Title"],
                detail: l["Api.MustChangePassword.Detail"]).ExecuteAsync(context);
        }

        context.Response.Redirect(ChangePasswordPath);
        return Task.CompletedTask;
    }

    private static bool IsAllowed(PathString path) =>
        path.StartsWithSegments("/account")
        || path.StartsWithSegments("/_framework")
        || path.StartsWithSegments("/_content")
        || path.StartsWithSegments("/health")
        || Path.HasExtension(path.Value);
}
