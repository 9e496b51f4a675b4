using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Microsoft.Extensions.Localization;

namespace Kreminna1325.Web.Monitoring;

/// <summary>A reported value as one readable line: "40 (жінки 26, чоловіки 14; ВПО 5, ветерани 3 — категорії можуть перетинатися)", "так: Наказ № 12", "—".</summary>
public static class ReportText
{
    public static string Value(ValueForm v, IStringLocalizer l)
    {
        var main = v.Kind switch
        {
            IndicatorKind.Count => v.Number is { } n ? Format.Count(n) : null,
            IndicatorKind.Percentage => v.Number is { } p ? Format.Percent(p) : null,
            IndicatorKind.Presence => v.Present is { } present
                ? (present ? l["Reports.Yes"].Value : l["Reports.No"].Value) + (string.IsNullOrWhiteSpace(v.DocumentReference) ? "" : $": {v.DocumentReference}")
                : null,
            IndicatorKind.List => v.Entries.Count > 0 ? string.Join("; ", v.Entries) : null,
            _ => v.Text,
        };
        if (main is null)
        {
            return "—";
        }

        // Overlapping categories say so, lest a reader add them up to more people than were counted.
        var parts = v.Breakdown
            .Where(b => b.Value.Values.Any(c => c is > 0))
            .Select(b => string.Join(", ", b.Value.Where(c => c.Value is > 0).Select(c => $"{l[$"Category.{c.Key}"]} {c.Value}"))
                + (Breakdowns.Overlaps(b.Key) ? $" — {l["Breakdown.MayOverlap"]}" : ""));
        var breakdown = string.Join("; ", parts);
        return breakdown.Length == 0 ? main : $"{main} ({breakdown})";
    }
}
