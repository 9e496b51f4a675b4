using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Kreminna1325.Web.Api;

/// <summary>
/// Every answer under /api is problem+json with a status that says what happened. Pages re-execute
/// an error status as the not-found page; for the API that would answer a PUT with the page's 405
/// and an empty body, so here it is switched off and any bare error status gets its problem+json.
/// </summary>
public static class ApiErrors
{
    /// <summary>A whole measure with its maximum of indicators and text fits well inside this.</summary>
    public const long MaxRequestBodySize = 1024 * 1024;

    public static void UseApiErrors(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        var max = MaxBodySize(context.Request.Path);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max;
        }

        if (context.Request.ContentLength > max)
        {
            await TooLarge(Localizer(context), max).ExecuteAsync(context);
            return;
        }

        await next(context);
        var response = context.Response;
        if (!response.HasStarted && response.StatusCode >= 400 && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
        {
            await Problem(Localizer(context), response.StatusCode).ExecuteAsync(context);
        }
    });

    /// <summary>A plan's workbook is a file, not a JSON body: it has its own, larger limit.</summary>
    private static long MaxBodySize(PathString path) =>
        path.StartsWithSegments(Exchange.PlanImportApi.Path) ? Core.Exchange.PlanImporter.MaxFileBytes : MaxRequestBodySize;

    private static IStringLocalizer Localizer(HttpContext context) => context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    public static ProblemHttpResult TooLarge(IStringLocalizer l, long limit = MaxRequestBodySize) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge, title: l["Api.TooLarge.Title"], detail: l["Api.TooLarge.Detail", Format.FileSize(limit, l)]);

    /// <summary>The answer for a status that an endpoint or the framework set without a body.</summary>
    public static ProblemHttpResult Problem(IStringLocalizer l, int status) => status switch
    {
        StatusCodes.Status401Unauthorized => TypedResults.Problem(statusCode: status, title: l["Api.Unauthorized.Title"], detail: l["Api.Unauthorized.Detail"]),
        StatusCodes.Status403Forbidden => TypedResults.Problem(statusCode: status, title: l["Api.Forbidden.Title"], detail: l["Api.Forbidden.Detail"]),
        StatusCodes.Status404NotFound => TypedResults.Problem(statusCode: status, title: l["Api.NoSuchResource.Title"], detail: l["Api.NoSuchResource.Detail"]),
        StatusCodes.Status405MethodNotAllowed => TypedResults.Problem(statusCode: status, title: l["Api.MethodNotAllowed.Title"], detail: l["Api.MethodNotAllowed.Detail"]),
        StatusCodes.Status413PayloadTooLarge => TooLarge(l),
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType(l),
        >= 500 => ServerError(l),
        _ => TypedResults.Problem(statusCode: status, title: l["Api.BadRequest.Title"], detail: l["Api.BadRequest.Detail"]),
    };

    public static ProblemHttpResult UnsupportedMediaType(IStringLocalizer l) => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType, title: l["Api.UnsupportedMediaType.Title"], detail: l["Api.UnsupportedMediaType.Detail"]);

    /// <summary>An unexpected failure: nothing about it but the trace id (added to every problem), which is in the log with the details.</summary>
    public static ProblemHttpResult ServerError(IStringLocalizer l) => TypedResults.Problem(
        statusCode: StatusCodes.Status500InternalServerError, title: l["Api.ServerError.Title"], detail: l["Api.ServerError.Detail"]);
}
