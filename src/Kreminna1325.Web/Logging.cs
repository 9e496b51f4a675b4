using Serilog;
using Serilog.Formatting.Compact;

namespace Kreminna1325.Web;

public static class Logging
{
    /// <summary>
    /// The id a person is shown for a failure (error page, problem+json): the trace id as the log writes
    /// it in "@tr", so it can be searched for as it is.
    /// </summary>
    public static string? TraceId(HttpContext? context) =>
        System.Diagnostics.Activity.Current is { } activity ? activity.TraceId.ToHexString() : context?.TraceIdentifier;

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
