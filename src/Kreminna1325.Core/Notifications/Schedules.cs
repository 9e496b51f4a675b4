using Kreminna1325.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kreminna1325.Core.Notifications;

/// <summary>What one check of the schedules did: the messages each job wrote, or null for a job that had nothing due.</summary>
public sealed record ScheduleResult(int? Reminders, int? Digests);

/// <summary>
/// Runs the daily reminders and the weekly digest for their latest slot (<see cref="ScheduleSlots"/>) unless that slot
/// has run. A run is its <see cref="ScheduleRun"/> row, inserted in the same transaction as the messages it writes: two
/// instances, or a restart in the middle, never run a slot twice, and a slot missed while the app was down is made up
/// once — only the latest one, not every missed day.
/// </summary>
public sealed class Schedules(
    IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, IOptions<NotificationOptions> options, WeeklyDigest digest)
{
    public const string RemindersJob = "reminders";
    public const string DigestJob = "digest";

    public async Task<ScheduleResult> RunDueAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        // The day the messages speak of is the day they are written: a run made up after midnight reminds of what is
        // due from that day, not from the missed one.
        var today = CommunityClock.DayOf(now);
        var reminders = await RunOnceAsync(RemindersJob, ScheduleSlots.LatestDaily(now), now,
            db => Reminders.WriteAsync(db, today, now, options.Value, ct), ct);
        var weekly = ScheduleSlots.LatestWeekly(now);
        var digests = await RunOnceAsync(DigestJob, weekly, now,
            db => digest.WriteAsync(db, weekly, today, now, options.Value, ct), ct);
        return new ScheduleResult(reminders, digests);
    }

    private async Task<int?> RunOnceAsync(string job, DateOnly slot, DateTimeOffset now, Func<AppDbContext, Task<int>> write, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Checked every minute: a plain read, so a slot that has run costs no transaction.
        if (await db.ScheduleRuns.AnyAsync(r => r.Job == job && r.Day == slot, ct))
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Another instance inserting the same slot holds its key until it commits or rolls back: this insert waits for
        // that, then inserts nothing (it ran) or inserts (it failed, so the slot is still to run).
        var claimed = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO schedule_runs (job, day, ran_at) VALUES ({job}, {slot}, {now}) ON CONFLICT DO NOTHING", ct);
        if (claimed == 0)
        {
            return null;
        }

        var written = await write(db);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return written;
    }
}
