using System.Security.Claims;
using Kreminna1325.Core.Dashboard;
using Kreminna1325.Core.Plans;
using Kreminna1325.Web.Accounts;
using Kreminna1325.Web.Api;
using Kreminna1325.Web.Plans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Kreminna1325.Web.Dashboard;

public static class DashboardApi
{
    /// <summary>The dashboard's figures as JSON, for executives, staff and administrators to reuse.</summary>
    public static void MapDashboardApi(this WebApplication app) =>
        app.MapGet("/api/dashboard", async Task<Results<Ok<DashboardFigures>, ProblemHttpResult>> (
                string? plan, string? year, string? direction, string? body, ClaimsPrincipal user,
                PlanQueries plans, DashboardService dashboard, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                // A plan id of nothing (0, -1) is an unknown plan, as on every other endpoint.
                if (ApiRequests.Id(plan) is int none and <= 0)
                {
                    return OpenDataApi.PlanNotFound(none, l);
                }

                if (new[] { plan, year, direction, body }.FirstOrDefault(v => !QueryValues.IsAbsentOrInt(v)) is { } malformed)
                {
                    return OpenDataApi.MalformedId(malformed, l);
                }

                var planId = QueryValues.Int(plan);
                var chosen = await plans.ChooseAsync(planId, ct);
                if (chosen is null || (planId is not null && chosen.Id != planId))
                {
                    return OpenDataApi.PlanNotFound(planId ?? 0, l);
                }

                var figures = await dashboard.GetAsync(user,
                    new DashboardFilter(chosen.Id, QueryValues.Int(year), QueryValues.Int(direction), QueryValues.Int(body)), ct);
                return figures is null ? OpenDataApi.PlanNotFound(chosen.Id, l) : TypedResults.Ok(figures);
            })
            .RequireAuthorization(Policies.CanViewDashboard)
            .WithTags("Dashboard")
            .WithSummary("Виконання, дисципліна звітності, бюджет і охоплення за планом і роком (лише затверджені звіти).");
}
