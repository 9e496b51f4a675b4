using System.Data.Common;
using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kreminna1325.Tests.Monitoring;

/// <summary>
/// The start-up sync writes a plan out of step from what its check read, in a context of its own, without reading the
/// plan's periods a second time; what it writes, and what the audit trail says of it, is only what really changed.
/// </summary>
public class PeriodSyncReadsOnceTests(SeededDatabase f) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task A_plan_out_of_step_is_synced_from_the_one_read_of_its_periods_and_only_the_changed_field_is_written()
    {
        int moved;
        await using (var db = await f.DbFactory.CreateDbContextAsync())
        {
            var periods = db.ReportingPeriods.Where(p => p.Measure.Direction.PlanId == f.PlanId).OrderBy(p => p.Id);
            moved = await periods.Select(p => p.Id).FirstAsync();
            await periods.Take(1).ExecuteUpdateAsync(s => s.SetProperty(p => p.Due, p => p.Due.AddDays(3)));
        }

        var since = await LastAuditAsync();
        var factory = new Recording(f.ConnectionString, f.Actor);
        Assert.Equal([f.PlanId], await PeriodSync.SyncOutOfStepAsync(factory));

        var periodReads = factory.Commands.Where(c => c.StartsWith("SELECT", StringComparison.Ordinal) && c.Contains("FROM reporting_periods", StringComparison.Ordinal));
        Assert.Single(periodReads);
        Assert.Contains(factory.Commands, c => c.StartsWith("UPDATE reporting_periods", StringComparison.Ordinal));
        Assert.Empty(await PeriodSync.PlansOutOfStepAsync(f.DbFactory));

        await using var read = await f.DbFactory.CreateDbContextAsync();
        var audited = await read.AuditEntries.Where(a => a.Id > since).ToListAsync();
        var entry = Assert.Single(audited);
        Assert.Equal((nameof(ReportingPeriod), AuditAction.Update, moved.ToString(System.Globalization.CultureInfo.InvariantCulture)), (entry.EntityType, entry.Action, entry.EntityKey));
        Assert.Equal(["Due"], FieldChange.Parse(entry.Changes).Select(c => c.Field));
    }

    private async Task<long> LastAuditAsync()
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        return await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0;
    }

    /// <summary>Contexts as the app makes them at start-up (audited), which keep the text of every command they send.</summary>
    private sealed class Recording(string connectionString, ICurrentActor actor) : IDbContextFactory<AppDbContext>
    {
        private readonly Recorder recorder = new();

        public IReadOnlyList<string> Commands => recorder.Commands;

        public AppDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<AppDbContext>();
            options.UseKreminnaDatabase(connectionString).AddInterceptors(recorder, new AuditInterceptor(actor, TimeProvider.System));
            return new AppDbContext(options.Options);
        }

        private sealed class Recorder : DbCommandInterceptor
        {
            public List<string> Commands { get; } = [];

            public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
                DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
            {
                Commands.Add(command.CommandText.TrimStart());
                return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
            }
        }
    }
}
