using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kreminna1325.Core.Plans.Editing;

namespace Kreminna1325.Core.Exchange;

/// <summary>
/// Amounts as people type them into a spreadsheet: a numeric cell, or text written the Ukrainian way ("1 234,5", with
/// a space or a non-breaking one between thousands) or the English way ("1234.5"). Words ("2,5 тис") are not numbers.
/// </summary>
internal static partial class ImportAmounts
{
    public static decimal? Read(WorkbookCell cell)
    {
        if (cell.Number is { } number)
        {
            // The cell holds a binary double; the plan's amounts have at most two decimals, which this recovers exactly.
            return double.IsFinite(number) && Math.Abs(number) < 1e15 ? decimal.Round((decimal)number, 6) : null;
        }

        var text = Spaces().Replace(cell.Text.Trim(), "");
        if (!Plain().IsMatch(text))
        {
            return null;
        }

        return decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary>A dash is how the document and the export's number format show "none".</summary>
    public static bool IsNone(string text) => text.Trim() is "" or "-" or "–" or "—";

    /// <summary>The measure editor's own limits on an amount, by message key.</summary>
    public static string? Problem(decimal amount) =>
        amount < 0 ? "Funding.AmountNegative"
        : amount >= MeasureFormValidator.MaxAmount ? "Funding.AmountTooLarge"
        : decimal.Round(amount, 2) != amount ? "Funding.AmountPrecision"
        : null;

    // Thousands separated by a space, a non-breaking space, a narrow or thin one.
    [GeneratedRegex(@"[\s\u00A0\u202F\u2009]")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^-?\d+([.,]\d+)?$")]
    private static partial Regex Plain();
}

/// <summary>
/// How a body's name in the workbook is matched to the registry: letter case, the kind of dash, the kind of
/// apostrophe and runs of spaces do not make another body.
/// </summary>
public static partial class BodyNames
{
    public static string Key(string name)
    {
        var s = name.Trim().ToLowerInvariant();
        var b = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            b.Append(c switch
            {
                '‐' or '‑' or '‒' or '–' or '—' or '―' or '−' => '-',
                '’' or 'ʼ' or '‘' or '`' or '´' or 'ʹ' or '′' => '\'',
                '\u00A0' or '\u202F' or '\u2009' => ' ',
                _ => c,
            });
        }

        return Dashes().Replace(Spaces().Replace(b.ToString(), " "), "-");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s*-\s*")]
    private static partial Regex Dashes();
}
