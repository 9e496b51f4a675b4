using Kreminna1325.Core;
using Kreminna1325.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kreminna1325.Tests.Notifications;

/// <summary>When the schedules run: 09:00 Kyiv in winter and summer, once per slot, a missed slot made up once, never twice at once.</summary>
public class ScheduleRunTests(ScheduleFixture f) : IClassFixture<ScheduleFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => f.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Checks every quarter of an hour, as the app's minute timer would, from one Kyiv noon to another.</summary>
    private async Task WalkAsync(DateTimeOffset from, DateTimeOffset to)
    {
        var clock = new FakeTimeProvider(from);
        for (var at = from; at <= to; at = at.AddMinutes(15))
        {
            await f.RunAtAsync(clock, at);
        }
    }

    [Fact]
    public async Task Across_the_change_to_summer_time_the_reminders_run_at_0900_Kyiv_once_a_day()
    {
        // Kyiv moved its clocks from 03:00 to 04:00 on Sunday 28 March 2021.
        await WalkAsync(ScheduleFixture.Kyiv(2021, 3, 26, 12), ScheduleFixture.Kyiv(2021, 3, 31, 12));

        var runs = await f.RunsAsync(Schedules.RemindersJob);
        Assert.Equal(
            [
                (new DateOnly(2021, 3, 27), new DateTimeOffset(2021, 3, 27, 7, 0, 0, TimeSpan.Zero)),
                (new DateOnly(2021, 3, 28), new DateTimeOffset(2021, 3, 28, 6, 0, 0, TimeSpan.Zero)),
                (new DateOnly(2021, 3, 29), new DateTimeOffset(2021, 3, 29, 6, 0, 0, TimeSpan.Zero)),
                (new DateOnly(2021, 3, 30), new DateTimeOffset(2021, 3, 30, 6, 0, 0, TimeSpan.Zero)),
                (new DateOnly(2021, 3, 31), new DateTimeOffset(2021, 3, 31, 6, 0, 0, TimeSpan.Zero)),
            ],
            runs.Skip(1).Select(r => (r.Day, r.RanAt.ToUniversalTime())));
        // The first check, at noon on the 26th, made up that morning's run.
        Assert.Equal((new DateOnly(2021, 3, 26), ScheduleFixture.Kyiv(2021, 3, 26, 12)), (runs[0].Day, runs[0].RanAt.ToUniversalTime()));

        // Monday 29 March: the digest at 09:00 summer time, after the one the first check made up for Monday the 22nd.
        Assert.Equal(
            [new DateTimeOffset(2021, 3, 26, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2021, 3, 29, 6, 0, 0, TimeSpan.Zero)],
            (await f.RunsAsync(Schedules.DigestJob)).Select(r => r.RanAt.ToUniversalTime()));
        await OneMessageADayAsync();
    }

    [Fact]
    public async Task Across_the_change_back_to_winter_time_the_reminders_run_at_0900_Kyiv_once_a_day()
    {
        // Kyiv moved its clocks from 04:00 back to 03:00 on Sunday 31 October 2021.
        await WalkAsync(ScheduleFixture.Kyiv(2021, 10, 29, 12), ScheduleFixture.Kyiv(2021, 11, 2, 12));

        Assert.Equal(
            [
                new DateTimeOffset(2021, 10, 30, 6, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2021, 10, 31, 7, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2021, 11, 1, 7, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2021, 11, 2, 7, 0, 0, TimeSpan.Zero),
            ],
            (await f.RunsAsync(Schedules.RemindersJob)).Skip(1).Select(r => r.RanAt.ToUniversalTime()));
        Assert.Equal(new DateTimeOffset(2021, 11, 1, 7, 0, 0, TimeSpan.Zero), (await f.RunsAsync(Schedules.DigestJob)).Last().RanAt.ToUniversalTime());
        await OneMessageADayAsync();
    }

    private async Task OneMessageADayAsync()
    {
        var days = (await f.MessagesOfAsync(f.CentreId)).Select(m => CommunityClock.DayOf(m.CreatedAt)).ToList();
        Assert.NotEmpty(days);
        Assert.Equal(days.Distinct().Count(), days.Count);
    }

    [Fact]
    public async Task A_run_missed_while_the_app_was_down_is_made_up_once()
    {
        var clock = new FakeTimeProvider(ScheduleFixture.Kyiv(2021, 6, 1, 9, 5));
        Assert.NotNull((await f.RunAtAsync(clock, ScheduleFixture.Kyiv(2021, 6, 1, 9, 5))).Reminders);
        Assert.Null((await f.RunAtAsync(clock, ScheduleFixture.Kyiv(2021, 6, 1, 9, 6))).Reminders);

        // Down from the 1st to the 4th at 10:00: one run, for the 4th, not three.
        Assert.NotNull((await f.RunAtAsync(clock, ScheduleFixture.Kyiv(2021, 6, 4, 10))).Reminders);
        Assert.Null((await f.RunAtAsync(clock, ScheduleFixture.Kyiv(2021, 6, 4, 10, 1))).Reminders);
        Assert.Equal([new DateOnly(2021, 6, 1), new DateOnly(2021, 6, 4)], (await f.RunsAsync(Schedules.RemindersJob)).Select(r => r.Day));

        // Down again until 08:00 on the 8th, before the day's slot: the 7th's run is made up, then the 8th's at 09:00.
        Assert.NotNull((await f.RunAtAsync(clock, ScheduleFixture.Kyiv(2021, 6, 8, 8))).Reminders);
        Assert.Null((await f.RunAtAsync(clock, ScheduleFixture.Kyiv(2021, 6, 8, 8, 59))).Reminders);
        Assert.NotNull((await f.RunAtAsync(clock, ScheduleFixture.Kyiv(2021, 6, 8, 9))).Reminders);
        Assert.Equal(
            [new DateOnly(2021, 6, 1), new DateOnly(2021, 6, 4), new DateOnly(2021, 6, 7), new DateOnly(2021, 6, 8)],
            (await f.RunsAsync(Schedules.RemindersJob)).Select(r => r.Day));

        // The periods overdue on the 1st were reminded of then, and not again within the week.
        var messages = await f.MessagesOfAsync(f.CentreId);
        var q1 = await f.PeriodAsync("III", 5, 2021, 1);
        Assert.Equal([new DateOnly(2021, 6, 1), new DateOnly(2021, 6, 8)], messages.Where(m => f.Lists(m, q1)).Select(m => CommunityClock.DayOf(m.CreatedAt)));
    }

    [Fact]
    public async Task Two_instances_at_once_write_one_set_of_messages()
    {
        for (var day = 10; day <= 14; day++)
        {
            var at = ScheduleFixture.Kyiv(2021, 6, day, 9);
            var results = await Task.WhenAll(
                Task.Run(() => f.SchedulesOn(new FakeTimeProvider(at)).RunDueAsync()),
                Task.Run(() => f.SchedulesOn(new FakeTimeProvider(at)).RunDueAsync()));
            Assert.Single(results, r => r.Reminders is not null);
        }

        Assert.Equal(5, (await f.RunsAsync(Schedules.RemindersJob)).Count);
        var days = (await f.MessagesOfAsync(f.CentreId)).Select(m => CommunityClock.DayOf(m.CreatedAt)).ToList();
        Assert.Equal(days.Distinct().Count(), days.Count);
    }

    [Fact]
    public async Task An_instance_waits_for_another_running_the_slot_and_runs_it_only_if_that_one_failed()
    {
        var at = ScheduleFixture.Kyiv(2021, 7, 20, 9, 30);
        foreach (var othersCommit in new[] { false, true })
        {
            await f.ResetAsync();
            await using var other = await f.DbFactory.CreateDbContextAsync();
            await using var transaction = await other.Database.BeginTransactionAsync();
            await other.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO schedule_runs (job, day, ran_at) VALUES ({Schedules.RemindersJob}, {new DateOnly(2021, 7, 20)}, {at})");

            var mine = Task.Run(() => f.SchedulesOn(new FakeTimeProvider(at)).RunDueAsync());
            await WaitUntilBlockedAsync();
            Assert.False(mine.IsCompleted);
            if (othersCommit)
            {
                await transaction.CommitAsync();
            }
            else
            {
                await transaction.RollbackAsync();
            }

            var result = await mine;
            Assert.Equal(othersCommit, result.Reminders is null);
            Assert.Equal(othersCommit ? 0 : 1, (await f.MessagesOfAsync(f.CentreId)).Count);
            Assert.Single(await f.RunsAsync(Schedules.RemindersJob));
        }
    }

    /// <summary>Until a session of this database waits for a lock: the second insert of the slot's key.</summary>
    private async Task WaitUntilBlockedAsync()
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var waiting = await db.Database.SqlQueryRaw<int>(
                "SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'").SingleAsync();
            if (waiting > 0)
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The second instance never waited for the first one's slot.");
    }
}
