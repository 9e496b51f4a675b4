using Kreminna1325.Core.Dashboard;
using Kreminna1325.Core.Plans;
using Kreminna1325.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kreminna1325.Web.Api;

public static class DashboardApi
{
    /// <summary>The dashboard's figures as JSON, for executives, staff and administrators to reuse.</summary>
    public static void MapDashboardApi(this WebApplication app) =>
        app.MapGet("/api/dashboard", async Task<Results<Ok<DashboardFigures>, ProblemHttpResult>> (
                int? plan, int? year, int? direction, int? body, PlanQueries plans, DashboardService dashboard, CancellationToken ct) =>
            {
                var chosen = await plans.ChooseAsync(plan, ct);
                if (chosen is null || (plan is not null && chosen.Id != plan))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "План не знайдено");
                }

                var figures = await dashboard.GetAsync(new DashboardFilter(chosen.Id, year, direction, body), ct);
                return figures is null
                    ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "План не знайдено")
                    : TypedResults.Ok(figures);
            })
            .RequireAuthorization(Policies.CanViewDashboard)
            .WithTags("Dashboard")
            .WithSummary("Виконання, дисципліна звітності, бюджет і охоплення за планом і роком (лише затверджені звіти).");
}
