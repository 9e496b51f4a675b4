using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Core.Audit;

public static class AuditServices
{
    /// <summary>Reading the trail; writing it is <see cref="AuditInterceptor"/>'s, added to every context by the host.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddScoped<AuditQueries>();
}
