using System.Globalization;
using System.Text;

namespace Kreminna1325.Core;

public enum NumberProblem
{
    None,
    NotANumber,
    NotWhole,
    TooLarge,
    TooManyDigits,
}

/// <summary>
/// What a person typed into a number field, read. Both decimal separators are accepted ("2,5" and
/// "2.5"), and thousands separated by a space, a no-break space or a narrow no-break space
/// ("1 250,5"). Anything else is refused rather than guessed: "2,5,1", "1.250,5" or "1,250.5"
/// could mean two different numbers, and a value silently read as another is a value lost.
/// </summary>
public readonly record struct TypedNumber(decimal? Value, NumberProblem Problem)
{
    // decimal holds 28 significant digits exactly; more would be rounded without a word.
    private const int MaxDigits = 28;

    public static readonly TypedNumber Empty = new(null, NumberProblem.None);

    /// <summary>True when the text was read (an empty text reads as no value).</summary>
    public bool IsRead => Problem == NumberProblem.None;

    /// <summary>Why the text could not be read, in the current UI language; null when it was.</summary>
    public string? Message => Problem == NumberProblem.None ? null : Messages.Get($"Number.{Problem}");

    /// <summary>Reads a number with or without a fraction.</summary>
    public static TypedNumber Read(string? text) => Parse(text, whole: false);

    /// <summary>Reads a whole number that fits an <see cref="int"/> (counts, years, months).</summary>
    public static TypedNumber ReadWhole(string? text) => Parse(text, whole: true);

    private static TypedNumber Parse(string? text, bool whole)
    {
        var s = (text ?? "").Trim();
        if (s.Length == 0)
        {
            return Empty;
        }

        var i = 0;
        var negative = false;
        if (s[0] is '-' or '+' or '\u2212')
        {
            negative = s[0] != '+';
            i = 1;
        }

        var integer = new StringBuilder();
        var groups = new List<int>();
        var groupLength = 0;
        for (; i < s.Length && !IsDecimalSeparator(s[i]); i++)
        {
            if (char.IsAsciiDigit(s[i]))
            {
                integer.Append(s[i]);
                groupLength++;
            }
            else if (IsGroupSeparator(s[i]) && groupLength > 0)
            {
                groups.Add(groupLength);
                groupLength = 0;
            }
            else
            {
                return new(null, NumberProblem.NotANumber);
            }
        }

        groups.Add(groupLength);

        // Thousands separators only where thousands are: "1 250", not "12 5" (a slip, not a number).
        if (groups.Count > 1 && (groups[0] > 3 || groups.Skip(1).Any(g => g != 3)))
        {
            return new(null, NumberProblem.NotANumber);
        }

        var fraction = new StringBuilder();
        if (i < s.Length)
        {
            for (i++; i < s.Length; i++)
            {
                if (!char.IsAsciiDigit(s[i]))
                {
                    return new(null, NumberProblem.NotANumber);
                }

                fraction.Append(s[i]);
            }
        }

        if (integer.Length == 0 && fraction.Length == 0)
        {
            return new(null, NumberProblem.NotANumber);
        }

        var significantInteger = integer.ToString().TrimStart('0');
        var significantFraction = fraction.ToString().TrimEnd('0');
        if (whole && significantFraction.Length > 0)
        {
            return new(null, NumberProblem.NotWhole);
        }

        if (significantInteger.Length > MaxDigits)
        {
            return new(null, NumberProblem.TooLarge);
        }

        if (significantInteger.Length + significantFraction.Length > MaxDigits)
        {
            return new(null, NumberProblem.TooManyDigits);
        }

        var value = decimal.Parse(
            (significantInteger.Length == 0 ? "0" : significantInteger) + (fraction.Length > 0 ? "." + fraction : ""),
            NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (negative)
        {
            value = -value;
        }

        if (whole && (value < int.MinValue || value > int.MaxValue))
        {
            return new(null, NumberProblem.TooLarge);
        }

        return new(value, NumberProblem.None);
    }

    private static bool IsDecimalSeparator(char c) => c is ',' or '.';

    // A space, a no-break space, a narrow no-break space (what uk-UA formatting writes) and a thin space.
    private static bool IsGroupSeparator(char c) => c is ' ' or '\u00A0' or '\u202F' or '\u2009';
}
