using Microsoft.AspNetCore.Diagnostics;

namespace Kreminna1325.Web.Api;

/// <summary>An unexpected failure under /api is answered as problem+json, never as an HTML error page.</summary>
public sealed class ApiExceptionHandler(
    IProblemDetailsService problemDetails, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l, ILogger<ApiExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        logger.LogError(exception, "Unhandled error in {Path}", context.Request.Path);
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = l["Api.ServerError.Title"],
                Detail = l["Api.ServerError.Detail"],
            },
        });
    }
}
