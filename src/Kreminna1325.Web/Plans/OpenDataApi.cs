using System.Text.Json;
using System.Text.Json.Serialization;
using Kreminna1325.Core.Plans;
using Microsoft.AspNetCore.Http.HttpResults;
using Kreminna1325.Web.Api;
using Microsoft.Extensions.Localization;

namespace Kreminna1325.Web.Plans;

/// <summary>Anonymous, read-only open data: the plans and the responsible bodies (the budget is <see cref="Budget.BudgetApi"/>'s).</summary>
public static class OpenDataApi
{
    public static void AddOpenDataApi(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        // Every problem carries the trace id as the log writes it ("@tr"), so the one a person reports is searchable.
        builder.Services.AddProblemDetails(options =>
            options.CustomizeProblemDetails = context => context.ProblemDetails.Extensions["traceId"] = Logging.TraceId(context.HttpContext));
        builder.Services.AddSingleton<ApiRequests>();
        builder.Services.AddOpenApi();
    }

    public static void MapOpenDataApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();

        var api = app.MapGroup("/api").AllowAnonymous().WithTags("Open data").CacheOutput(PublicCaching.DataPolicy);
        api.MapGet("/plans", (PlanQueries plans, CancellationToken ct) => plans.ListAsync(ct))
            .WithName("ListPlans")
            .WithSummary("Усі плани: громада, назва, роки.");
        api.MapGet("/plans/{id}", GetPlanAsync)
            .WithName("GetPlan")
            .WithSummary("План з напрямами, заходами, відповідальними, показниками і фінансуванням.");
        api.MapGet("/responsible-bodies", (PlanQueries plans, CancellationToken ct) => plans.ListBodiesAsync(ct))
            .WithName("ListResponsibleBodies")
            .WithSummary("Реєстр відповідальних виконавців з варіантами назв.");
        api.MapFallback((IStringLocalizer<SharedResource> l) => ApiErrors.Problem(l, StatusCodes.Status404NotFound))
            .ExcludeFromDescription();
    }

    private static async Task<Results<Ok<PlanView>, ProblemHttpResult>> GetPlanAsync(
        string id, PlanQueries plans, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (ApiRequests.Id(id) is not { } planId)
        {
            return MalformedId(id, l);
        }

        var plan = planId > 0 ? await plans.GetAsync(planId, ct) : null;
        return plan is null ? PlanNotFound(planId, l) : TypedResults.Ok(plan);
    }

    // Ids are taken as text, so a malformed one answers 400 with a reason, not a bare 404 or an exception;
    // a well-formed id of nothing (0, -1) is a 404 like any other unknown id.
    internal static ProblemHttpResult MalformedId(string? id, IStringLocalizer l) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: l["Api.BadId.Title"], detail: l["Api.BadId.Detail", id ?? ""]);

    internal static ProblemHttpResult PlanNotFound(int id, IStringLocalizer l) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: l["Api.PlanNotFound.Title"], detail: l["Api.PlanNotFound.Detail", id]);
}
