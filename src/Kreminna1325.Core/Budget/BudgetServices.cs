using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Core.Budget;

public static class BudgetServices
{
    public static IServiceCollection AddBudget(this IServiceCollection services) => services.AddScoped<BudgetReportService>();
}
