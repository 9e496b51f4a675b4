using Serilog;
using Serilog.Formatting.Compact;

namespace Kreminna1325.Web;

public static class Logging
{
    /// <summary>
    /// Serilog to the console: readable text in Development, one JSON object a line elsewhere so a
    /// log collector keeps the properties. A logger per host, so test hosts do not share one.
    /// </summary>
    public static void AddStructuredLogging(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSerilog(
            (services, log) =>
            {
                log.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext();
                if (development)
                {
                    log.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
                }
                else
                {
                    log.WriteTo.Console(new RenderedCompactJsonFormatter());
                }
            },
            preserveStaticLogger: true);
    }
}
