using System.Diagnostics;
using Kreminna1325.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace Kreminna1325.Tests.Deployment;

/// <summary>A failed save is logged with a trace id, and the person is told the reason and that same id.</summary>
public class FailedSaveTests
{
    private readonly LogCapture log = new();

    private readonly Microsoft.Extensions.Logging.ILogger logger;

    private readonly IStringLocalizer localizer;

    public FailedSaveTests()
    {
        logger = new SerilogLoggerFactory(new LoggerConfiguration().WriteTo.Sink(log).CreateLogger(), dispose: true).CreateLogger("Pages");
        localizer = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider()
            .GetRequiredService<IStringLocalizer<SharedResource>>();
    }

    [Fact]
    public void Outside_any_request_the_id_shown_is_the_logged_one()
    {
        using var _ = new Editing.CultureScope("uk-UA");
        Activity.Current = null; // as in a circuit's event with no request around it
        var failure = new DbUpdateException("insert refused", new TimeoutException());

        var message = Logging.FailedSave(logger, localizer, failure, "report of period 7");

        var logged = Assert.Single(log.Events);
        Assert.Equal(LogEventLevel.Error, logged.Level);
        Assert.Same(failure, logged.Exception);
        Assert.Equal("\"report of period 7\"", logged.Properties["What"].ToString());
        var traceId = logged.TraceId!.Value.ToHexString();
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        Assert.Equal(
            $"Не вдалося зберегти: зміни не записано. Ваші значення залишились у формі; спробуйте ще раз. Якщо помилка повториться, назвіть адміністраторові її номер: {traceId}.",
            message);
        Assert.Null(Activity.Current);
    }

    [Fact]
    public void Within_a_request_it_is_the_requests_trace_id_and_a_broken_upload_is_a_warning()
    {
        using var _ = new Editing.CultureScope("en");
        using var request = new Activity("request").Start();

        var message = Logging.FailedSave(logger, localizer, new IOException("stream ended"), "evidence", "Reports.UploadFailed");

        var logged = Assert.Single(log.Events);
        Assert.Equal(LogEventLevel.Warning, logged.Level);
        Assert.Equal(request.TraceId, logged.TraceId);
        Assert.Equal(
            $"The file did not arrive whole, so it was not stored. Try again. If it happens again, give the administrator its number: {request.TraceId.ToHexString()}.",
            message);
    }

    [Fact]
    public void Only_failures_of_the_database_are_failed_saves()
    {
        Assert.True(Logging.IsFailedSave(new DbUpdateException("x")));
        Assert.True(Logging.IsFailedSave(new DbUpdateConcurrencyException("x")));
        Assert.True(Logging.IsFailedSave(new Npgsql.NpgsqlException("x")));
        Assert.True(Logging.IsFailedSave(new TimeoutException()));
        Assert.False(Logging.IsFailedSave(new InvalidOperationException()));
        Assert.False(Logging.IsFailedSave(new Kreminna1325.Core.Accounts.ForbiddenException("x")));
    }
}
