using Kreminna1325.Core;
using Microsoft.Extensions.Time.Testing;

namespace Kreminna1325.Tests.Time;

/// <summary>The community's day is a Kyiv day: it starts at 22:00 UTC in winter and 21:00 UTC in summer.</summary>
public sealed class CommunityClockTests
{
    [Theory]
    // Winter (+02:00): 21:59 UTC is still the 15th in Kyiv, 22:00 UTC is already the 16th.
    [InlineData("2022-01-15T21:59:59Z", "2022-01-15")]
    [InlineData("2022-01-15T22:00:00Z", "2022-01-16")]
    // Summer (+03:00): the day turns at 21:00 UTC.
    [InlineData("2022-07-15T20:59:59Z", "2022-07-15")]
    [InlineData("2022-07-15T21:00:00Z", "2022-07-16")]
    // The night clocks go forward (27 March 2022, 03:00 → 04:00) and back (30 October 2022, 04:00 → 03:00).
    [InlineData("2022-03-26T21:59:59Z", "2022-03-26")]
    [InlineData("2022-03-26T22:00:00Z", "2022-03-27")]
    [InlineData("2022-10-29T20:59:59Z", "2022-10-29")]
    [InlineData("2022-10-29T21:00:00Z", "2022-10-30")]
    // New Year's Eve: the UTC year is still 2021, the community's is 2022.
    [InlineData("2021-12-31T22:30:00Z", "2022-01-01")]
    public void Today_is_the_Kyiv_date(string utc, string kyivDay)
    {
        var clock = new CommunityClock(new FakeTimeProvider(DateTimeOffset.Parse(utc)));

        Assert.Equal(DateOnly.Parse(kyivDay), clock.Today);
        Assert.Equal(DateOnly.Parse(kyivDay), CommunityClock.DayOf(DateTimeOffset.Parse(utc)));
    }

    [Theory]
    [InlineData("2022-01-16", "2022-01-15T22:00:00Z")]
    [InlineData("2022-07-16", "2022-07-15T21:00:00Z")]
    // The first day of summer time still began in winter time; the day after the change back began in summer time.
    [InlineData("2022-03-27", "2022-03-26T22:00:00Z")]
    [InlineData("2022-03-28", "2022-03-27T21:00:00Z")]
    [InlineData("2022-10-30", "2022-10-29T21:00:00Z")]
    [InlineData("2022-10-31", "2022-10-30T22:00:00Z")]
    public void A_day_starts_at_Kyiv_midnight(string day, string utc) =>
        Assert.Equal(DateTimeOffset.Parse(utc), CommunityClock.StartOf(DateOnly.Parse(day)));

    [Fact]
    public void Now_carries_the_Kyiv_offset()
    {
        Assert.Equal(TimeSpan.FromHours(2), new CommunityClock(new FakeTimeProvider(DateTimeOffset.Parse("2022-01-15T12:00:00Z"))).Now.Offset);
        Assert.Equal(TimeSpan.FromHours(3), new CommunityClock(new FakeTimeProvider(DateTimeOffset.Parse("2022-07-15T12:00:00Z"))).Now.Offset);
    }
}
