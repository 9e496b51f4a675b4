using Kreminna1325.Core.Plans;

namespace Kreminna1325.Tests.Plans;

public class TermParserTests
{
    [Theory]
    [InlineData("Що-квартально", TermKind.Quarterly, null, null, null)]
    [InlineData("Щоквартально", TermKind.Quarterly, null, null, null)]
    [InlineData("Постійно", TermKind.Ongoing, null, null, null)]
    [InlineData("Постійно (за окремим графіком)", TermKind.OngoingScheduled, null, null, null)]
    [InlineData("Щорічно", TermKind.Annual, null, null, null)]
    [InlineData("Щорічно (1 квартал)", TermKind.AnnualInQuarter, 1, null, null)]
    [InlineData("Щорічно (3 квартал)", TermKind.AnnualInQuarter, 3, null, null)]
    [InlineData("Листопад – грудень щороку", TermKind.AnnualInMonths, null, 11, 12)]
    [InlineData("листопад-грудень щороку", TermKind.AnnualInMonths, null, 11, 12)]
    public void Reads_every_printed_form(string text, TermKind kind, int? quarter, int? firstMonth, int? lastMonth)
    {
        var term = TermParser.Parse(text);

        Assert.Equal(kind, term.Kind);
        Assert.Equal(text, term.Text);
        Assert.Equal(quarter, term.Quarter);
        Assert.Equal(firstMonth, term.FirstMonth);
        Assert.Equal(lastMonth, term.LastMonth);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Колись")]
    [InlineData("Щорічно (5 квартал)")]
    public void Refuses_what_it_cannot_read(string text)
    {
        Assert.False(TermParser.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => TermParser.Parse(text));
        Assert.Contains("термін", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
