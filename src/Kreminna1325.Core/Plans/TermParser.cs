using System.Text.RegularExpressions;

namespace Kreminna1325.Core.Plans;

/// <summary>Reads a printed term ("Що-квартально", "Щорічно (1 квартал)", …) into its meaning.</summary>
public static partial class TermParser
{
    private static readonly string[] MonthNames =
    [
        "січень", "лютий", "березень", "квітень", "травень", "червень",
        "липень", "серпень", "вересень", "жовтень", "листопад", "грудень",
    ];

    public static bool TryParse(string? text, out Term term)
    {
        term = new Term { Text = text?.Trim() ?? "" };
        var s = Normalize(text);
        if (s.Length == 0)
        {
            return false;
        }

        // The document hyphenates words across line breaks ("Що-квартально").
        var joined = s.Replace("-", "");
        if (joined.Contains("щоквартально"))
        {
            term.Kind = TermKind.Quarterly;
            return true;
        }

        if (s.StartsWith("постійно"))
        {
            term.Kind = s.Contains("графік") ? TermKind.OngoingScheduled : TermKind.Ongoing;
            return true;
        }

        var months = MonthRange().Match(s);
        if (months.Success)
        {
            term.Kind = TermKind.AnnualInMonths;
            term.FirstMonth = Array.IndexOf(MonthNames, months.Groups[1].Value) + 1;
            term.LastMonth = Array.IndexOf(MonthNames, months.Groups[2].Value) + 1;
            // Periods run inside one year: a reversed range ("грудень–січень") is not a term the schedule can keep.
            return term.FirstMonth > 0 && term.FirstMonth <= term.LastMonth;
        }

        if (s.StartsWith("щорічно") || s.StartsWith("щороку"))
        {
            var quarter = QuarterNumber().Match(s);
            if (quarter.Success)
            {
                term.Kind = TermKind.AnnualInQuarter;
                term.Quarter = int.Parse(quarter.Groups[1].Value);
                return term.Quarter is >= 1 and <= 4;
            }

            term.Kind = TermKind.Annual;
            return true;
        }

        return false;
    }

    public static Term Parse(string text) =>
        TryParse(text, out var term)
            ? term
            : throw new FormatException($"Невідомий термін виконання: «{text}».");

    private static string Normalize(string? text) =>
        Spaces().Replace((text ?? "").Trim().ToLowerInvariant().Replace('–', '-').Replace('—', '-'), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\((\d)\s*квартал")]
    private static partial Regex QuarterNumber();

    [GeneratedRegex(@"^(січень|лютий|березень|квітень|травень|червень|липень|серпень|вересень|жовтень|листопад|грудень)\s*-\s*(січень|лютий|березень|квітень|травень|червень|липень|серпень|вересень|жовтень|листопад|грудень)")]
    private static partial Regex MonthRange();
}
