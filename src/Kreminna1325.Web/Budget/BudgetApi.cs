using Kreminna1325.Core.Budget;
using Kreminna1325.Web.Api;
using Kreminna1325.Web.Plans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Kreminna1325.Web.Budget;

/// <summary>A plan's budget as open data: anonymous, read-only, cached like the rest of it.</summary>
public static class BudgetApi
{
    public static void MapBudgetApi(this WebApplication app) =>
        app.MapGroup("/api").AllowAnonymous().WithTags("Open data").CacheOutput(PublicCaching.DataPolicy)
            .MapGet("/plans/{id}/budget", GetBudgetAsync)
            .WithName("GetPlanBudget")
            .WithSummary("Обсяги фінансування за напрямами, джерелами і роками; надруковані підсумки і розбіжності з ними.");

    private static async Task<Results<Ok<BudgetReport>, ProblemHttpResult>> GetBudgetAsync(
        string id, BudgetReportService budget, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (ApiRequests.Id(id) is not { } planId)
        {
            return OpenDataApi.MalformedId(id, l);
        }

        var report = planId > 0 ? await budget.GetAsync(planId, ct) : null;
        return report is null ? OpenDataApi.PlanNotFound(planId, l) : TypedResults.Ok(report);
    }
}
