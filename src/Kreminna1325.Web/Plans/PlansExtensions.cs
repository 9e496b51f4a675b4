using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Seed;

namespace Kreminna1325.Web.Plans;

public static class PlansExtensions
{
    public static void AddPlans(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PlanQueries>();
        builder.Services.AddSingleton<BudgetReportService>();
        builder.Services.AddSingleton<PlanLoader>();
    }
}
