using Kreminna1325.Core.Budget;
using Kreminna1325.Web.Api;
using Kreminna1325.Core.Plans;
using Kreminna1325.Web.Plans;
using Kreminna1325.Web.Plans.Amendments;
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
            .WithSummary("Обсяги фінансування за напрямами, джерелами і роками; надруковані підсумки і розбіжності з ними. "
                + "?version=adopted — план, як його ухвалено; ?version={id зміни} — в редакції цього рішення; без параметра — чинний план.");

    private static async Task<Results<Ok<BudgetReport>, ProblemHttpResult>> GetBudgetAsync(
        string id, string? version, BudgetReportService budget, PlanQueries plans, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (ApiRequests.Id(id) is not { } planId)
        {
            return OpenDataApi.MalformedId(id, l);
        }

        if (AmendmentsApi.Version(version) is not { } chosen)
        {
            return AmendmentsApi.MalformedVersion(version, l);
        }

        var report = planId > 0 ? await budget.GetAsync(planId, chosen, ct) : null;
        if (report is not null)
        {
            return TypedResults.Ok(report);
        }

        // Unknown plan, or a plan without that amendment.
        return chosen.Kind == PlanVersionKind.Amendment && await plans.ExistsAsync(planId, ct)
            ? AmendmentsApi.AmendmentNotFound(l)
            : OpenDataApi.PlanNotFound(planId, l);
    }
}
