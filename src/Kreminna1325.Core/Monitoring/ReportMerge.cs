using System.Text.Json;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Editing;

namespace Kreminna1325.Core.Monitoring;

public enum ReportFieldKind
{
    Implementation,
    NotDoneReason,
    Narrative,

    /// <summary>The value of one indicator (<see cref="ReportField.IndicatorId"/>) with its breakdown.</summary>
    Value,

    /// <summary>The money spent from <see cref="ReportField.Source"/>.</summary>
    Spending,
}

public readonly record struct ReportField(ReportFieldKind Kind, int IndicatorId = 0, FundingSource Source = default);

/// <param name="Merged">The report with both people's changes, on the version of "theirs".</param>
/// <param name="Conflicts">Fields both changed differently; each took the side chosen, or "theirs" when none was.</param>
/// <param name="TheirChanges">Fields only the other person changed, kept automatically.</param>
public sealed record ReportMergeResult(ReportForm Merged, IReadOnlyList<ReportField> Conflicts, IReadOnlyList<ReportField> TheirChanges);

/// <summary>
/// The report's three-way merge, the same rule as a measure's (<see cref="MeasureMerge"/>): a field only one
/// person changed takes that person's value; only a field both changed differently is a choice.
/// </summary>
public static class ReportMerge
{
    public static ReportMergeResult Merge(ReportForm @base, ReportForm mine, ReportForm theirs, IReadOnlyDictionary<ReportField, MergeSide>? choices = null)
    {
        choices ??= new Dictionary<ReportField, MergeSide>();
        var conflicts = new List<ReportField>();
        var their = new List<ReportField>();

        T Pick<T>(ReportField field, T b, T m, T t, Func<T, string> key)
        {
            var (kb, km, kt) = (key(b), key(m), key(t));
            if (km == kt || kt == kb)
            {
                return m;
            }

            if (km == kb)
            {
                their.Add(field);
                return t;
            }

            conflicts.Add(field);
            return choices.TryGetValue(field, out var side) && side == MergeSide.Mine ? m : t;
        }

        var merged = Snapshot(theirs);
        merged.Implementation = Pick(new(ReportFieldKind.Implementation), @base.Implementation, mine.Implementation, theirs.Implementation, i => i?.ToString() ?? "");
        merged.NotDoneReason = Pick(new(ReportFieldKind.NotDoneReason), @base.NotDoneReason, mine.NotDoneReason, theirs.NotDoneReason, Text);
        merged.Narrative = Pick(new(ReportFieldKind.Narrative), @base.Narrative, mine.Narrative, theirs.Narrative, Text);

        // The indicators and sources are the measure's, as stored now; a value for an indicator removed since is not kept.
        for (var i = 0; i < merged.Values.Count; i++)
        {
            var id = merged.Values[i].IndicatorId;
            var m = mine.Values.FirstOrDefault(v => v.IndicatorId == id);
            if (m is not null)
            {
                var b = @base.Values.FirstOrDefault(v => v.IndicatorId == id) ?? Empty(merged.Values[i]);
                var value = Copy(Pick(new(ReportFieldKind.Value, id), b, m, theirs.Values[i], ValueKey));
                (value.IndicatorText, value.Kind, value.Requested) = (merged.Values[i].IndicatorText, merged.Values[i].Kind, merged.Values[i].Requested);
                merged.Values[i] = value;
            }
        }

        foreach (var line in merged.Spending)
        {
            static decimal? Amount(ReportForm f, FundingSource s) => f.Spending.FirstOrDefault(x => x.Source == s)?.Amount;
            line.Amount = Pick(new(ReportFieldKind.Spending, Source: line.Source), Amount(@base, line.Source), Amount(mine, line.Source), line.Amount,
                a => a?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }

        return new ReportMergeResult(merged, conflicts, their);
    }

    /// <summary>A deep copy, so a snapshot stays as it was while the form is edited.</summary>
    public static ReportForm Snapshot(ReportForm form) => JsonSerializer.Deserialize<ReportForm>(JsonSerializer.Serialize(form))!;

    /// <summary>What a value holds, for comparing: everything a person enters, nothing of the indicator's own.</summary>
    public static string ValueKey(ValueForm v) => JsonSerializer.Serialize(new
    {
        v.Number,
        v.Present,
        Document = Text(v.DocumentReference),
        Entries = v.Entries.Select(e => e.Trim()).Where(e => e.Length > 0).ToList(),
        Text = Text(v.Text),
        Breakdown = v.Breakdown.OrderBy(d => d.Key)
            .Select(d => d.Value.Where(c => c.Value is not null).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{d.Key}.{c.Key}={c.Value}"))
            .SelectMany(c => c).ToList(),
    });

    private static string Text(string? s) => s?.Trim() ?? "";

    private static ValueForm Copy(ValueForm v) => JsonSerializer.Deserialize<ValueForm>(JsonSerializer.Serialize(v))!;

    private static ValueForm Empty(ValueForm shape) => new() { IndicatorId = shape.IndicatorId, Kind = shape.Kind };
}
