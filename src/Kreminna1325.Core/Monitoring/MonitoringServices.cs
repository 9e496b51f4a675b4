using Kreminna1325.Core.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Core.Monitoring;

public static class MonitoringServices
{
    // The workflow's notices with the service that writes them: wherever reports can be reviewed, people are told.
    // AddOptions so NotificationOptions resolve (to their defaults) where nothing configured them.
    public static IServiceCollection AddMonitoring(this IServiceCollection services) => services
        .AddOptions()
        .AddSingleton<WorkflowNotices>()
        .AddScoped<ReportService>()
        .AddScoped<ReportQueries>()
        .AddScoped<Worklist>()
        .AddSingleton<ReportChanges>()
        .AddScoped<EvidenceFiles>();
}
