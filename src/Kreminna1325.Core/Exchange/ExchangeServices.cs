using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Core.Exchange;

public static class ExchangeServices
{
    public static IServiceCollection AddExchange(this IServiceCollection services) => services
        .AddScoped<OpenDataService>()
        .AddScoped<OpenDataResults>()
        .AddScoped<AnnualReportService>()
        .AddScoped<PlanImporter>()
        .AddSingleton(sp => OpenDataContact.From(sp.GetService<IConfiguration>()))
        .AddSingleton(sp => DownloadNames.From(sp.GetService<IConfiguration>()));
}
