using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Core;

/// <summary>
/// The community's calendar: Kreminna lives in Kyiv time, so "today", due and overdue, the current
/// year and quarter, and the days people filter by are Kyiv days, decided here and nowhere else.
/// The database keeps instants in UTC; <see cref="TimeProvider"/> keeps tests in charge of "now".
/// </summary>
public sealed class CommunityClock(TimeProvider time)
{
    public static readonly TimeZoneInfo Zone = FindKyiv();

    /// <summary>Now as a Kyiv wall clock shows it, with its offset (+02:00 in winter, +03:00 in summer).</summary>
    public DateTimeOffset Now => ToKyiv(time.GetUtcNow());

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    public static DateTimeOffset ToKyiv(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The Kyiv day an instant falls on.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToKyiv(instant).DateTime);

    /// <summary>The instant a Kyiv day begins, in UTC: 22:00 or 21:00 UTC the day before, by the season.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    private static TimeZoneInfo FindKyiv()
    {
        foreach (var id in new[] { "Europe/Kyiv", "Europe/Kiev", "FLE Standard Time" })
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                return zone;
            }
        }

        throw new InvalidOperationException("The Europe/Kyiv time zone is not installed (tzdata); dates would be wrong.");
    }
}

public static class CommunityClockServices
{
    /// <summary>The system clock and the community's calendar over it; tests replace <see cref="TimeProvider"/>.</summary>
    public static IServiceCollection AddCommunityClock(this IServiceCollection services) => services
        .AddSingleton(TimeProvider.System)
        .AddSingleton<CommunityClock>();
}
