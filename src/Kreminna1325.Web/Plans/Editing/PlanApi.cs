using System.Security.Claims;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Web.Accounts;
using Kreminna1325.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Kreminna1325.Web.Plans.Editing;

/// <summary>Writes to the plan over HTTP, for staff tools and scripts: the same service, validator and checks as the editor page.</summary>
public static class PlanApi
{
    public static void MapPlanApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.CanEditPlan).WithTags("Plan editing");
        api.MapGet("/measures/{id}/form", LoadMeasureAsync)
            .WithSummary("Захід у формі для редагування, з його поточною версією (CouncilStaff, Administrator).");
        api.MapPut("/measures/{id}", SaveMeasureAsync)
            .AddOpenApiOperationTransformer(async (operation, context, ct) =>
            {
                // The handler reads the body itself (to answer 413/415/400 precisely), so the document is told what it takes.
                operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(MeasureForm), null, ct) },
                    },
                };
            })
            .WithSummary("Зберігає наявний захід цілком: зміст, термін, виконавців, показники, фінансування; version — та, з якої почали (409 при конфлікті).");
    }

    private static async Task<Results<Ok<MeasureForm>, ProblemHttpResult>> LoadMeasureAsync(
        string id, MeasureEditor editor, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (ApiRequests.Id(id) is not { } measureId)
        {
            return OpenDataApi.MalformedId(id, l);
        }

        return measureId > 0 && await editor.LoadAsync(measureId, ct) is { } form ? TypedResults.Ok(form) : MeasureNotFound(l, measureId);
    }

    private static async Task<Results<Ok<MeasureForm>, ValidationProblem, ProblemHttpResult>> SaveMeasureAsync(
        string id, HttpRequest request, ClaimsPrincipal user, MeasureEditor editor, ApiRequests requests, IStringLocalizer<SharedResource> l,
        CancellationToken ct)
    {
        if (ApiRequests.Id(id) is not { } measureId)
        {
            return OpenDataApi.MalformedId(id, l);
        }

        if (measureId <= 0)
        {
            return MeasureNotFound(l, measureId);
        }

        var (form, problem) = await requests.ReadJsonAsync<MeasureForm>(request, l, ct);
        if (problem is not null)
        {
            return problem;
        }

        // This endpoint saves a measure that exists; it never creates one (the editor does that).
        if (await editor.DirectionOfAsync(measureId, ct) is not { } directionId)
        {
            return MeasureNotFound(l, measureId);
        }

        form!.Id = measureId;
        if (form.DirectionId == 0)
        {
            // A client may leave the direction out: the measure stays where it is.
            form.DirectionId = directionId;
        }
        else if (form.DirectionId != directionId)
        {
            return Invalid(l, new Dictionary<string, string[]> { [nameof(MeasureForm.DirectionId)] = [l["Api.DirectionFixed"]] });
        }

        var result = await editor.SaveAsync(user, form, ct);
        return result.Outcome switch
        {
            EditOutcome.Saved => TypedResults.Ok(result.Current!),
            EditOutcome.Invalid => Invalid(l, result.Errors),
            EditOutcome.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: l["Api.NotFound.Title"], detail: result.Message),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: l["Api.Conflict.Title"], detail: result.Message,
                extensions: new Dictionary<string, object?> { ["current"] = result.Current }),
        };
    }

    /// <summary>Field errors under the names the client sent: "indicators[2].kind", as in the JSON.</summary>
    private static ValidationProblem Invalid(IStringLocalizer l, IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(e => string.Join('.', e.Key.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..])), e => e.Value),
            title: l["Api.Invalid.Title"]);

    private static ProblemHttpResult MeasureNotFound(IStringLocalizer l, int id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: l["Api.NotFound.Title"], detail: l["Api.MeasureNotFound.Detail", id]);
}
