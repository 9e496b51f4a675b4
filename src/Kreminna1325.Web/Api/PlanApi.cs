using System.Security.Claims;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Kreminna1325.Web.Api;

/// <summary>Writes to the plan over HTTP, for staff tools and scripts: the same service, validator and checks as the editor page.</summary>
public static class PlanApi
{
    public static void MapPlanApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.CanEditPlan).WithTags("Plan editing");
        api.MapGet("/measures/{id:int}/form", async Task<Results<Ok<MeasureForm>, ProblemHttpResult>> (
                int id, MeasureEditor editor, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await editor.LoadAsync(id, ct) is { } form ? TypedResults.Ok(form) : NotFound(l))
            .WithSummary("Захід у формі для редагування, з його поточною версією (CouncilStaff, Administrator).");
        api.MapPut("/measures/{id:int}", SaveMeasureAsync)
            .WithSummary("Зберігає захід цілком: зміст, термін, виконавців, показники, фінансування; version — та, з якої почали (409 при конфлікті).");
    }

    private static async Task<Results<Ok<MeasureForm>, ValidationProblem, ProblemHttpResult>> SaveMeasureAsync(
        int id, MeasureForm form, ClaimsPrincipal user, MeasureEditor editor, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        form.Id = id;
        if (form.DirectionId == 0 && await editor.LoadAsync(id, ct) is { } stored)
        {
            // A client may leave the direction out: the measure stays where it is.
            form.DirectionId = stored.DirectionId;
        }

        var result = await editor.SaveAsync(user, form, ct);
        return result.Outcome switch
        {
            EditOutcome.Saved => TypedResults.Ok(result.Current!),
            EditOutcome.Invalid => TypedResults.ValidationProblem(result.Errors, title: l["Api.Invalid.Title"]),
            EditOutcome.NotFound => NotFound(l, result.Message),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: l["Api.Conflict.Title"], detail: result.Message,
                extensions: new Dictionary<string, object?> { ["current"] = result.Current }),
        };
    }

    private static ProblemHttpResult NotFound(IStringLocalizer l, string? detail = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: l["Api.NotFound.Title"], detail: detail);
}
