using Kreminna1325.Core;
using Kreminna1325.Tests.Editing;

namespace Kreminna1325.Tests.Numbers;

/// <summary>How a typed number is read: every form and anything else reading typed numbers uses this one rule.</summary>
public class TypedNumberTests
{
    [Theory]
    [InlineData("2,5", "2.5")]
    [InlineData("2.5", "2.5")]
    [InlineData("1 250,5", "1250.5")]
    [InlineData("1\u00A0250,5", "1250.5")]
    [InlineData("1\u202F250,5", "1250.5")]
    [InlineData("1\u2009250.5", "1250.5")]
    [InlineData("12 345 678,25", "12345678.25")]
    [InlineData("1250", "1250")]
    [InlineData("  7 ", "7")]
    [InlineData("0,05", "0.05")]
    [InlineData(",5", "0.5")]
    [InlineData("5,", "5")]
    [InlineData("-3", "-3")]
    [InlineData("\u22123,5", "-3.5")]
    [InlineData("+4", "4")]
    [InlineData("007", "7")]
    [InlineData("1,250", "1.25")]
    [InlineData("0,1234567890123456789012345678", "0.1234567890123456789012345678")]
    public void Reads_numbers_written_either_way(string text, string expected)
    {
        var read = TypedNumber.Read(text);

        Assert.True(read.IsRead, read.Message);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), read.Value);
        Assert.Null(read.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u00A0")]
    public void An_empty_field_is_no_value_not_a_mistake(string? text)
    {
        Assert.Equal(TypedNumber.Empty, TypedNumber.Read(text));
        Assert.Equal(TypedNumber.Empty, TypedNumber.ReadWhole(text));
    }

    [Theory]
    [InlineData("2,5,1", NumberProblem.NotANumber)]
    [InlineData("1.250,5", NumberProblem.NotANumber)]
    [InlineData("1,250.5", NumberProblem.NotANumber)]
    [InlineData("abc", NumberProblem.NotANumber)]
    [InlineData("12 5", NumberProblem.NotANumber)]
    [InlineData("1250 000", NumberProblem.NotANumber)]
    [InlineData("1  250", NumberProblem.NotANumber)]
    [InlineData("1 250,5 0", NumberProblem.NotANumber)]
    [InlineData("- 3", NumberProblem.NotANumber)]
    [InlineData("--3", NumberProblem.NotANumber)]
    [InlineData("-", NumberProblem.NotANumber)]
    [InlineData(",", NumberProblem.NotANumber)]
    [InlineData("1e5", NumberProblem.NotANumber)]
    [InlineData("0x10", NumberProblem.NotANumber)]
    [InlineData("NaN", NumberProblem.NotANumber)]
    [InlineData("∞", NumberProblem.NotANumber)]
    [InlineData("2,5 тис.", NumberProblem.NotANumber)]
    [InlineData("٣", NumberProblem.NotANumber)]
    [InlineData("12345678901234567890123456789", NumberProblem.TooLarge)]
    [InlineData("0,00000000000000000000000000001", NumberProblem.TooManyDigits)]
    [InlineData("1,0000000000000000000000000001", NumberProblem.TooManyDigits)]
    public void Refuses_what_it_cannot_read_without_guessing(string text, NumberProblem problem)
    {
        var read = TypedNumber.Read(text);

        Assert.False(read.IsRead);
        Assert.Equal(problem, read.Problem);
        Assert.Null(read.Value);
    }

    [Theory]
    [InlineData("3", 3)]
    [InlineData("1 250", 1250)]
    [InlineData("2,0", 2)]
    [InlineData("2.00", 2)]
    [InlineData("-7", -7)]
    [InlineData("2 147 483 647", int.MaxValue)]
    public void Reads_whole_numbers(string text, int expected)
    {
        var read = TypedNumber.ReadWhole(text);

        Assert.True(read.IsRead, read.Message);
        Assert.Equal(expected, read.Value);
    }

    [Theory]
    [InlineData("3.5", NumberProblem.NotWhole)]
    [InlineData("3,5", NumberProblem.NotWhole)]
    [InlineData("0,01", NumberProblem.NotWhole)]
    [InlineData("2 147 483 648", NumberProblem.TooLarge)]
    [InlineData("-2147483649", NumberProblem.TooLarge)]
    [InlineData("3,5,1", NumberProblem.NotANumber)]
    public void Refuses_a_fraction_or_an_overflow_where_a_whole_number_is_needed(string text, NumberProblem problem)
    {
        var read = TypedNumber.ReadWhole(text);

        Assert.Equal(problem, read.Problem);
        Assert.Null(read.Value);
    }

    [Theory]
    [InlineData("uk-UA", NumberProblem.NotANumber, "Не вдалося прочитати число")]
    [InlineData("uk-UA", NumberProblem.NotWhole, "ціле число")]
    [InlineData("uk-UA", NumberProblem.TooLarge, "завелике")]
    [InlineData("uk-UA", NumberProblem.TooManyDigits, "Забагато цифр")]
    [InlineData("en", NumberProblem.NotANumber, "cannot be read as a number")]
    [InlineData("en", NumberProblem.NotWhole, "whole number")]
    [InlineData("en", NumberProblem.TooLarge, "too large")]
    [InlineData("en", NumberProblem.TooManyDigits, "Too many digits")]
    public void Says_why_in_the_persons_language(string culture, NumberProblem problem, string expected)
    {
        using var _ = new CultureScope(culture);

        Assert.Contains(expected, new TypedNumber(null, problem).Message);
    }
}
