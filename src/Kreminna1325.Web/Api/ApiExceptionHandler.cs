using Microsoft.AspNetCore.Diagnostics;

namespace Kreminna1325.Web.Api;

/// <summary>
/// An exception under /api is answered as problem+json, never as an HTML error page: a bad request
/// the framework detected keeps its own status (400, 413, 415), a refusal by Core is a 403; anything else is a 500 whose trace
/// id is in the answer and, with the exception, in the log.
/// </summary>
public sealed class ApiExceptionHandler(Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l, ILogger<ApiExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        // By now the middleware has pointed the request at the error page: the path asked for is in the feature.
        var path = new PathString(context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path);
        if (!path.StartsWithSegments("/api") || context.Response.HasStarted)
        {
            return false;
        }

        if (exception is BadHttpRequestException bad)
        {
            logger.LogInformation("Bad request to {Path}: {Status} {Reason}", path, bad.StatusCode, bad.Message);
            await ApiErrors.Problem(l, bad.StatusCode).ExecuteAsync(context);
            return true;
        }

        // Core refused the caller (its read and write checks): a 403 like the policies', should an endpoint's
        // policy ever let through someone its service does not.
        if (exception is Kreminna1325.Core.Accounts.ForbiddenException)
        {
            logger.LogWarning("Core refused {User} on {Method} {Path}", context.User.Identity?.Name ?? "anonymous", context.Request.Method, path);
            await ApiErrors.Problem(l, StatusCodes.Status403Forbidden).ExecuteAsync(context);
            return true;
        }

        var traceId = Logging.TraceId(context);
        logger.LogError(exception, "Unhandled error in {Method} {Path}, trace id {TraceId}", context.Request.Method, path, traceId);
        await ApiErrors.ServerError(l).ExecuteAsync(context);
        return true;
    }
}
