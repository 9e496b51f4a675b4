using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Core.Dashboard;

public static class DashboardServices
{
    public static IServiceCollection AddDashboard(this IServiceCollection services) => services.AddScoped<DashboardService>();
}
