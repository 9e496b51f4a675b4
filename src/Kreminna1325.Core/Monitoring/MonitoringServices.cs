using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Core.Monitoring;

public static class MonitoringServices
{
    public static IServiceCollection AddMonitoring(this IServiceCollection services) => services
        .AddScoped<ReportService>()
        .AddScoped<ReportQueries>()
        .AddScoped<Worklist>()
        .AddSingleton<ReportChanges>()
        .AddScoped<EvidenceFiles>();
}
