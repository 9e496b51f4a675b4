using System.Globalization;
using System.Security.Claims;
using Kreminna1325.Core.Exchange;
using Kreminna1325.Web.Accounts;
using Kreminna1325.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Kreminna1325.Web.Exchange;

/// <summary>
/// A new plan from the plan's workbook, for staff and administrators: a dry run answers the preview, <c>confirm=true</c>
/// writes it. The body is the workbook itself; a cross-site form cannot send that content type (and the sign-in cookie
/// is SameSite), which is what protects this write as it protects the JSON ones.
/// </summary>
public static class PlanImportApi
{
    public const string Path = "/api/plans/import";

    public static void MapPlanImportApi(this WebApplication app) =>
        app.MapPost(Path, ImportAsync)
            .RequireAuthorization(Policies.CanEditPlan)
            .WithTags("Plan editing")
            .WithName("ImportPlanXlsx")
            .AddOpenApiOperationTransformer((operation, context, ct) =>
            {
                // The handler reads the body itself (to answer 413/415 precisely), so the document is told what it takes.
                operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>
                    {
                        [PlanSheet.ContentType] = new() { Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Format = "binary" } },
                    },
                };
                return Task.CompletedTask;
            })
            .WithSummary("Новий план з книги Excel (як у експорті чи шаблоні): без confirm=true — попередній перегляд (200), з confirm=true — створює план (201); відхилений файл — 400 з problems[] (рядок, стовпець, повідомлення).");

    private static async Task<Results<Ok<PlanImportPreview>, Created<PlanImported>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, ClaimsPrincipal user, PlanImporter importer, IStringLocalizer<SharedResource> l, CancellationToken ct,
        string? title = null, string? municipality = null, string? startYear = null, string? endYear = null, string? confirm = null)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !string.Equals(type.MediaType.Value, PlanSheet.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return ApiErrors.UnsupportedMediaType(l);
        }

        var confirmed = string.Equals(confirm, "true", StringComparison.OrdinalIgnoreCase);
        var details = new PlanImportRequest(title ?? "", municipality ?? "", Year(startYear), Year(endYear));
        PlanImportResult result;
        try
        {
            result = await importer.ImportAsync(user, request.Body, details, PlanXlsxApi.Text(l), confirmed, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ApiErrors.TooLarge(l, PlanImporter.MaxFileBytes);
        }

        if (result.Outcome == PlanImportOutcome.TooLarge)
        {
            return ApiErrors.TooLarge(l, PlanImporter.MaxFileBytes);
        }

        var preview = result.Preview!;
        if (!preview.CanImport)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: l["Exchange.Import.Refused.Title"],
                detail: l["Exchange.Import.Refused.Detail", preview.Problems.Count],
                extensions: new Dictionary<string, object?>
                {
                    ["problems"] = preview.Problems.Select(p => new { p.Sheet, p.Row, p.Column, p.Message }).ToList(),
                });
        }

        return result.PlanId is { } id
            ? TypedResults.Created($"/api/plans/{id}", new PlanImported(id))
            : TypedResults.Ok(preview);
    }

    /// <summary>Zero, which the plan's rules refuse with their own message, when the year is missing or not a number.</summary>
    private static int Year(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : 0;
}

public sealed record PlanImported(int Id);
