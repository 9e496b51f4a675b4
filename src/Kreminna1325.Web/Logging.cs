using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;
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
    /// A save that failed for a reason the person cannot fix in the form: the database refused it or did not
    /// answer. Nothing was written (a write is one transaction), and what they typed is still in the form.
    /// </summary>
    public static bool IsFailedSave(Exception e) => e is DbUpdateException or NpgsqlException or TimeoutException;

    /// <summary>
    /// The one way a page answers a failed save: the failure is logged with what was being saved, under a trace
    /// id, and the person is told the reason (<paramref name="reasonKey"/>) and that id to quote, which is the
    /// log line's "@tr" as on the error page.
    /// </summary>
    public static string FailedSave(Microsoft.Extensions.Logging.ILogger logger, IStringLocalizer localizer, Exception e, string what, string reasonKey = "Editor.SaveFailed")
    {
        // A circuit's event may run with no activity at all: one is started, so the id shown and the logged one agree.
        using var activity = Activity.Current is null ? new Activity("Kreminna1325.FailedSave").Start() : null;
        var traceId = TraceId(null)!;

        // A browser that stopped sending a file is not the app's fault; the database failing is.
        logger.Log(e is IOException ? LogLevel.Warning : LogLevel.Error, e, "Save failed: {What}; nothing was written (trace {TraceId})", what, traceId);
        return $"{localizer[reasonKey]} {localizer["Common.FailureId", traceId]}";
    }

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
