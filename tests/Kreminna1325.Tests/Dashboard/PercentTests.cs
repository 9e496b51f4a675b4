using System.Globalization;
using Kreminna1325.Core;
using Kreminna1325.Core.Dashboard;
using Kreminna1325.Web;

namespace Kreminna1325.Tests.Dashboard;

/// <summary>One rounding rule for every share and execution percentage, and one dash for "nothing to measure".</summary>
public sealed class PercentTests
{
    [Theory]
    [InlineData(49, 400, 12.3)] // 12.25: half away from zero, not to even (12.2)
    [InlineData(1, 8, 12.5)]
    [InlineData(1, 3, 33.3)]
    [InlineData(2, 3, 66.7)]
    [InlineData(-49, 400, -12.3)]
    [InlineData(3, 3, 100)]
    public void Halves_round_away_from_zero(int part, int whole, double expected) =>
        Assert.Equal((decimal)expected, Percent.Of(part, whole));

    [Fact]
    public void Nothing_to_measure_is_null_and_shown_as_a_dash()
    {
        Assert.Null(Percent.Of(0, 0));
        Assert.Null(Percent.Of(5, 0));
        Assert.Null(new ImplementationRow(1, "I", 0, 0, 0, 0, 0, DueReports: 0, 0, 0, 0, 0).SubmittedShare);
        Assert.Null(new BudgetRow(1, "I", Core.Plans.FundingSource.Local, Planned: 0, Spent: 3).Execution);
        Assert.Equal("—", Format.Percent(null));
    }

    [Fact]
    public void Percentages_read_the_Ukrainian_way()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("uk-UA");
        try
        {
            Assert.Equal("12,3 %", Format.Percent(Percent.Of(49, 400)));
            Assert.Equal("40 %", Format.Percent(Percent.Of(4, 10)));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
