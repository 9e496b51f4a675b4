using System.Security.Claims;
using Bunit;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Tests.Deployment;
using Kreminna1325.Tests.Monitoring;
using Kreminna1325.Web.Monitoring;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace Kreminna1325.Tests.Components;

/// <summary>When the database refuses a report's save, the page keeps the form, says so with an id, and the log has that id.</summary>
public sealed class ReportSaveFailureTests : IClassFixture<ReportingFixture>, IAsyncLifetime
{
    private readonly ReportingFixture f;
    private readonly BunitContext context = new();
    private readonly LogCapture log = new();

    public ReportSaveFailureTests(ReportingFixture fixture)
    {
        f = fixture;
        BunitSetup.Prepare(context);
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseKreminnaDatabase(f.ConnectionString).AddInterceptors(new RefuseEverySave());
        context.Services.AddSingleton(new ReportService(new PooledDbContextFactory<AppDbContext>(options.Options), new ReportFormValidator(), f.Access, f.Clock, f.Changes, f.Notices));
        context.Services.AddSingleton(f.Files);
        context.Services.AddSingleton(f.Access);
        context.Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(f.CentreOfficial));
        context.Services.AddSingleton<ILoggerFactory>(new SerilogLoggerFactory(new LoggerConfiguration().WriteTo.Sink(log).CreateLogger(), dispose: true));
        context.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        BunitSetup.Ready(context);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => context.DisposeAsync().AsTask();

    [Fact]
    public async Task A_failed_save_keeps_the_form_says_why_and_logs_the_id_it_shows()
    {
        var period = await f.PeriodAsync("I", 4, 2020, 1);
        var page = context.Render<ReportPage>(p => p.Add(c => c.PeriodId, period));
        page.WaitForAssertion(() => page.Find("[data-action='save-draft']"), TimeSpan.FromSeconds(30));

        await page.Find("[data-action='save-draft']").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("#report-error"), TimeSpan.FromSeconds(30));
        var logged = Assert.Single(log.Events, e => e.Exception is DbUpdateException);
        Assert.Equal(LogEventLevel.Error, logged.Level);
        var shown = page.Find("#report-error").TextContent;
        Assert.Contains("Не вдалося зберегти: зміни не записано.", shown);
        Assert.Contains(logged.TraceId!.Value.ToHexString(), shown);
        Assert.NotNull(page.Find("[data-action='save-draft']"));
        await using var db = await f.DbFactory.CreateDbContextAsync();
        Assert.False(await db.Reports.AnyAsync(r => r.PeriodId == period));
    }

    private sealed class RefuseEverySave : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            throw new DbUpdateException("The database refused the write.");
    }

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
