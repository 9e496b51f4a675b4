namespace Kreminna1325.Core.Notifications;

/// <summary>
/// When the scheduled jobs are due: 09:00 on the Kyiv wall clock, whatever the season (06:00 UTC in summer, 07:00 in
/// winter). Kyiv changes its clocks at 03:00/04:00, so 09:00 always exists and happens once a day.
/// </summary>
public static class ScheduleSlots
{
    public static readonly TimeOnly At = new(9, 0);

    /// <summary>The Kyiv day of the latest daily slot at or before an instant: yesterday's until 09:00, today's from then.</summary>
    public static DateOnly LatestDaily(DateTimeOffset now)
    {
        var kyiv = CommunityClock.ToKyiv(now).DateTime;
        var day = DateOnly.FromDateTime(kyiv);
        return TimeOnly.FromDateTime(kyiv) >= At ? day : day.AddDays(-1);
    }

    /// <summary>The Monday of the latest weekly slot (Mondays 09:00 Kyiv) at or before an instant.</summary>
    public static DateOnly LatestWeekly(DateTimeOffset now)
    {
        var day = LatestDaily(now);
        return day.AddDays(-(((int)day.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }

    /// <summary>The instant a Kyiv day's slot falls on.</summary>
    public static DateTimeOffset InstantOf(DateOnly day)
    {
        var local = day.ToDateTime(At, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, CommunityClock.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
