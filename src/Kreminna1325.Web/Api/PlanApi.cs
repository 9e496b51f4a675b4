using System.Security.Claims;
using Kreminna1325.Core.Plans;
using Kreminna1325.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kreminna1325.Web.Api;

/// <summary>Writes to the plan over HTTP, for staff tools and scripts: the same service and checks as the pages.</summary>
public static class PlanApi
{
    public sealed record MeasureDetailsRequest(string? Content, string? TermText, FundingNote? FundingNote, uint Version);

    public sealed record MeasureDetailsResponse(int Id, string Content, string TermText, FundingNote? FundingNote, uint Version);

    public static void MapPlanApi(this WebApplication app)
    {
        app.MapPut("/api/measures/{id:int}", SaveMeasureAsync)
            .RequireAuthorization(Policies.CanEditPlan)
            .WithTags("Plan editing")
            .WithSummary("Змінює зміст, термін і примітку щодо фінансування заходу (CouncilStaff, Administrator).");
    }

    private static async Task<Results<Ok<MeasureDetailsResponse>, ValidationProblem, ProblemHttpResult>> SaveMeasureAsync(
        int id, MeasureDetailsRequest request, ClaimsPrincipal user, MeasureDetailsEditor editor, CancellationToken ct)
    {
        var form = new MeasureDetailsForm
        {
            Id = id,
            Content = request.Content ?? "",
            TermText = request.TermText ?? "",
            FundingNote = request.FundingNote,
            Version = request.Version,
        };
        var result = await editor.SaveAsync(user, form, ct);
        return result.Outcome switch
        {
            EditOutcome.Saved => TypedResults.Ok(new MeasureDetailsResponse(id, result.Current!.Content, result.Current.TermText, result.Current.FundingNote, result.Version!.Value)),
            EditOutcome.Invalid => TypedResults.ValidationProblem(result.Errors, title: "Дані не пройшли перевірку"),
            EditOutcome.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Захід не знайдено", detail: result.Errors.Values.First()[0]),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Конфлікт версій", detail: result.Errors.Values.First()[0],
                extensions: new Dictionary<string, object?> { ["currentVersion"] = result.Version, ["current"] = result.Current }),
        };
    }
}
