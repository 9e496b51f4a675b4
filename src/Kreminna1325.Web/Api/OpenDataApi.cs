using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Plans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kreminna1325.Web.Api;

/// <summary>Anonymous, read-only open data: the plans, their budget and the responsible bodies.</summary>
public static class OpenDataApi
{
    public static void AddOpenDataApi(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
    }

    public static void MapOpenDataApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();

        var api = app.MapGroup("/api").AllowAnonymous().WithTags("Open data");
        api.MapGet("/plans", (PlanQueries plans, CancellationToken ct) => plans.ListAsync(ct))
            .WithName("ListPlans")
            .WithSummary("Усі плани: громада, назва, роки.");
        api.MapGet("/plans/{id}", GetPlanAsync)
            .WithName("GetPlan")
            .WithSummary("План з напрямами, заходами, відповідальними, показниками і фінансуванням.");
        api.MapGet("/plans/{id}/budget", GetBudgetAsync)
            .WithName("GetPlanBudget")
            .WithSummary("Обсяги фінансування за напрямами, джерелами і роками; надруковані підсумки і розбіжності з ними.");
        api.MapGet("/responsible-bodies", (PlanQueries plans, CancellationToken ct) => plans.ListBodiesAsync(ct))
            .WithName("ListResponsibleBodies")
            .WithSummary("Реєстр відповідальних виконавців з варіантами назв.");
        api.MapFallback(() => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Немає такого ресурсу",
                detail: "Відкриті дані: /api/plans, /api/plans/{id}, /api/plans/{id}/budget, /api/responsible-bodies."))
            .ExcludeFromDescription();
    }

    private static async Task<Results<Ok<PlanView>, ProblemHttpResult>> GetPlanAsync(
        string id, PlanQueries plans, CancellationToken ct)
    {
        if (!TryParseId(id, out var planId))
        {
            return MalformedId(id);
        }

        var plan = await plans.GetAsync(planId, ct);
        return plan is null ? PlanNotFound(planId) : TypedResults.Ok(plan);
    }

    private static async Task<Results<Ok<BudgetReport>, ProblemHttpResult>> GetBudgetAsync(
        string id, BudgetReportService budget, CancellationToken ct)
    {
        if (!TryParseId(id, out var planId))
        {
            return MalformedId(id);
        }

        var report = await budget.GetAsync(planId, ct);
        return report is null ? PlanNotFound(planId) : TypedResults.Ok(report);
    }

    // The id is taken as a string so a malformed one answers 400 with a reason, not a bare 404.
    private static bool TryParseId(string id, out int planId) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out planId) && planId > 0;

    private static ProblemHttpResult MalformedId(string id) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Некоректний ідентифікатор плану",
            detail: $"«{id}» не є ідентифікатором плану: очікується додатне ціле число.");

    private static ProblemHttpResult PlanNotFound(int id) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "План не знайдено",
            detail: $"Плану з ідентифікатором {id} немає.");
}
