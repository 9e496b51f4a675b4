using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Monitoring;

public class ReportingScheduleTests
{
    private static IReadOnlyList<PeriodSpec> For(string term, ReportingCadence cadence = ReportingCadence.Quarterly, int grace = 10) =>
        ReportingSchedule.For(TermParser.Parse(term), 2020, 2022, cadence, grace);

    [Fact]
    public void Quarterly_gives_four_periods_a_year_due_ten_days_after_each_quarter()
    {
        var periods = For("Що-квартально");

        Assert.Equal(12, periods.Count);
        Assert.Equal((new DateOnly(2020, 1, 1), new DateOnly(2020, 3, 31), new DateOnly(2020, 4, 10)), (periods[0].Start, periods[0].End, periods[0].Due));
        Assert.Equal((new DateOnly(2022, 10, 1), new DateOnly(2022, 12, 31), new DateOnly(2023, 1, 10)), (periods[11].Start, periods[11].End, periods[11].Due));
        Assert.All(periods, p => Assert.Equal(PeriodKind.Quarter, p.Kind));
    }

    [Fact]
    public void Annual_gives_one_period_a_year()
    {
        var periods = For("Щорічно");

        Assert.Equal([2020, 2021, 2022], periods.Select(p => p.Year));
        Assert.All(periods, p => Assert.Equal((new DateOnly(p.Year, 1, 1), new DateOnly(p.Year, 12, 31)), (p.Start, p.End)));
        Assert.Equal(new DateOnly(2021, 1, 10), periods[0].Due);
    }

    [Fact]
    public void Annual_in_the_first_quarter_is_due_after_the_first_quarter()
    {
        var periods = For("Щорічно (1 квартал)");

        Assert.Equal(3, periods.Count);
        Assert.Equal((new DateOnly(2021, 1, 1), new DateOnly(2021, 3, 31), new DateOnly(2021, 4, 10)), (periods[1].Start, periods[1].End, periods[1].Due));
    }

    [Fact]
    public void November_to_december_is_due_after_december()
    {
        var periods = For("Листопад – грудень щороку");

        Assert.Equal(3, periods.Count);
        Assert.Equal((new DateOnly(2020, 11, 1), new DateOnly(2020, 12, 31), new DateOnly(2021, 1, 10)), (periods[0].Start, periods[0].End, periods[0].Due));
        Assert.All(periods, p => Assert.Equal(PeriodKind.Months, p.Kind));
    }

    [Theory]
    [InlineData("Постійно", ReportingCadence.Quarterly, 12)]
    [InlineData("Постійно (за окремим графіком)", ReportingCadence.Quarterly, 12)]
    [InlineData("Постійно", ReportingCadence.HalfYearly, 6)]
    [InlineData("Постійно (за окремим графіком)", ReportingCadence.Annual, 3)]
    public void Ongoing_follows_the_plans_cadence(string term, ReportingCadence cadence, int expected)
    {
        var periods = For(term, cadence);

        Assert.Equal(expected, periods.Count);
        if (cadence == ReportingCadence.HalfYearly)
        {
            Assert.Equal((new DateOnly(2020, 7, 1), new DateOnly(2020, 12, 31)), (periods[1].Start, periods[1].End));
        }
    }

    [Fact]
    public void The_grace_period_is_the_plans()
    {
        Assert.Equal(new DateOnly(2021, 1, 30), For("Щорічно", grace: 30)[0].Due);
    }
}

/// <summary>Periods of the built-in plan, for every term kind it has.</summary>
public class BuiltInPeriodsTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task Every_measure_has_the_periods_its_term_gives()
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();
        var counts = await db.Measures.Select(m => new { m.Term.Kind, Periods = db.ReportingPeriods.Count(p => p.MeasureId == m.Id) }).ToListAsync();

        Assert.All(counts.Where(c => c.Kind is TermKind.Quarterly or TermKind.Ongoing or TermKind.OngoingScheduled), c => Assert.Equal(12, c.Periods));
        Assert.All(counts.Where(c => c.Kind is TermKind.Annual or TermKind.AnnualInQuarter or TermKind.AnnualInMonths), c => Assert.Equal(3, c.Periods));
        Assert.Equal(23 * 12 + 5 * 3, await db.ReportingPeriods.CountAsync());
    }
}
