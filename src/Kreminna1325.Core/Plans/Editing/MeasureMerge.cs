namespace Kreminna1325.Core.Plans.Editing;

/// <summary>What one field of a measure is, for a three-way merge: its kind and, for entries, which entry.</summary>
public enum MergeFieldKind
{
    Content,
    TermText,
    TermKind,
    FundingNote,

    /// <summary>Whether a responsible body (<see cref="MergeField.Key"/> = body id) is in the list.</summary>
    Body,
    BodyByAgreement,
    BodiesOrder,

    /// <summary>Whether an indicator (<see cref="MergeField.Key"/> = indicator id) is in the list.</summary>
    Indicator,
    IndicatorText,

    /// <summary>An indicator's kind; when kind and breakdowns cannot be merged apart, both go with it.</summary>
    IndicatorKind,
    IndicatorDisaggregations,
    IndicatorsOrder,

    /// <summary>The amount of the line for <see cref="MergeField.Source"/> and <see cref="MergeField.Year"/> (none = no line).</summary>
    FundingLine,
}

public readonly record struct MergeField(MergeFieldKind Kind, int Key = 0, FundingSource Source = default, int Year = 0);

public enum MergeSide
{
    Mine,
    Theirs,
}

/// <param name="Merged">The measure with both people's changes, on the version of "theirs".</param>
/// <param name="Conflicts">Fields both people changed differently; each took the side chosen, or "theirs" when none was.</param>
/// <param name="TheirChanges">Fields only the other person changed, kept automatically.</param>
public sealed record MeasureMergeResult(MeasureForm Merged, IReadOnlyList<MergeField> Conflicts, IReadOnlyList<MergeField> TheirChanges);

/// <summary>
/// Merges a person's edits (mine) with what another person saved meanwhile (theirs), both starting from
/// the same version (base), field by field: a field only one side changed takes that side's value, and
/// only a field both changed differently is a conflict, settled by the person's choice. Nothing the other
/// person changed is overwritten unless the person chose so for that very field.
/// </summary>
public static class MeasureMerge
{
    public static MeasureMergeResult Merge(MeasureForm @base, MeasureForm mine, MeasureForm theirs, IReadOnlyDictionary<MergeField, MergeSide>? choices = null)
    {
        var merger = new Merger(choices ?? new Dictionary<MergeField, MergeSide>());
        var merged = merger.Run(@base, mine, theirs);
        return new MeasureMergeResult(merged, merger.Conflicts, merger.TheirChanges);
    }

    /// <summary>A deep copy, so a snapshot stays as it was while the form is edited.</summary>
    public static MeasureForm Snapshot(MeasureForm f) => new()
    {
        Id = f.Id,
        DirectionId = f.DirectionId,
        Number = f.Number,
        Content = f.Content,
        Term = new TermForm { Text = f.Term.Text, Kind = f.Term.Kind, Quarter = f.Term.Quarter, FirstMonth = f.Term.FirstMonth, LastMonth = f.Term.LastMonth },
        ResponsibleBodies = f.ResponsibleBodies.Select(r => new ResponsibleForm { BodyId = r.BodyId, Name = r.Name, ByAgreement = r.ByAgreement }).ToList(),
        Indicators = f.Indicators.Select(i => new IndicatorForm { Id = i.Id, Text = i.Text, Kind = i.Kind, Disaggregations = [.. i.Disaggregations] }).ToList(),
        FundingNote = f.FundingNote,
        FundingLines = f.FundingLines.Select(l => new FundingLineForm { Source = l.Source, Year = l.Year, Amount = l.Amount }).ToList(),
        Version = f.Version,
        PlanStartYear = f.PlanStartYear,
        PlanEndYear = f.PlanEndYear,
    };

    /// <summary>The term's meaning as it is stored (the parts that do not apply to its kind are dropped).</summary>
    public static (TermKind Kind, int? Quarter, int? FirstMonth, int? LastMonth) TermMeaning(TermForm t)
    {
        var term = t.ToTerm();
        return (term.Kind, term.Quarter, term.FirstMonth, term.LastMonth);
    }

    /// <summary>Breakdowns as stored: each once, in a fixed order.</summary>
    public static string Breakdowns(IEnumerable<Disaggregation> d) => string.Join(",", d.Distinct().Order());

    private sealed class Merger(IReadOnlyDictionary<MergeField, MergeSide> choices)
    {
        public List<MergeField> Conflicts { get; } = [];

        public List<MergeField> TheirChanges { get; } = [];

        public MeasureForm Run(MeasureForm b, MeasureForm m, MeasureForm t)
        {
            var merged = Snapshot(t);
            merged.Content = Pick(new(MergeFieldKind.Content), b.Content, m.Content, t.Content, s => s.Trim());
            merged.Term.Text = Pick(new(MergeFieldKind.TermText), b.Term.Text, m.Term.Text, t.Term.Text, s => s.Trim());
            var term = Pick(new(MergeFieldKind.TermKind), b.Term, m.Term, t.Term, TermMeaning);
            (merged.Term.Kind, merged.Term.Quarter, merged.Term.FirstMonth, merged.Term.LastMonth) = (term.Kind, term.Quarter, term.FirstMonth, term.LastMonth);
            merged.FundingNote = Pick(new(MergeFieldKind.FundingNote), b.FundingNote, m.FundingNote, t.FundingNote, n => n);
            merged.ResponsibleBodies = Entries(
                MergeFieldKind.Body, MergeFieldKind.BodiesOrder, b.ResponsibleBodies, m.ResponsibleBodies, t.ResponsibleBodies,
                (r, _) => r.BodyId, r => r.ByAgreement.ToString(), MergeBody);
            merged.Indicators = Entries(
                MergeFieldKind.Indicator, MergeFieldKind.IndicatorsOrder, b.Indicators, m.Indicators, t.Indicators,
                (i, index) => i.Id != 0 ? i.Id : -(index + 1), i => $"{i.Text.Trim()}|{i.Kind}|{Breakdowns(i.Disaggregations)}", MergeIndicator);
            merged.FundingLines = FundingLines(b.FundingLines, m.FundingLines, t.FundingLines);
            return merged;
        }

        /// <summary>The three-way rule for one field, values compared as <paramref name="key"/> says.</summary>
        private T Pick<T, TKey>(MergeField field, T? b, T m, T t, Func<T, TKey> key, bool hasBase = true)
        {
            var (km, kt) = (key(m), key(t));
            if (EqualityComparer<TKey>.Default.Equals(km, kt))
            {
                return m;
            }

            if (hasBase && EqualityComparer<TKey>.Default.Equals(km, key(b!)))
            {
                TheirChanges.Add(field);
                return t;
            }

            if (hasBase && EqualityComparer<TKey>.Default.Equals(kt, key(b!)))
            {
                return m;
            }

            return Conflict(field, m, t);
        }

        private T Conflict<T>(MergeField field, T m, T t)
        {
            Conflicts.Add(field);
            return choices.TryGetValue(field, out var side) && side == MergeSide.Mine ? m : t;
        }

        private ResponsibleForm MergeBody(int key, ResponsibleForm? b, ResponsibleForm m, ResponsibleForm t) => new()
        {
            BodyId = t.BodyId,
            Name = t.Name ?? m.Name,
            ByAgreement = Pick(new(MergeFieldKind.BodyByAgreement, key), b, m, t, r => r.ByAgreement, b is not null).ByAgreement,
        };

        private IndicatorForm MergeIndicator(int key, IndicatorForm? b, IndicatorForm m, IndicatorForm t)
        {
            var text = Pick(new(MergeFieldKind.IndicatorText, key), b, m, t, i => i.Text.Trim(), b is not null).Text;
            IndicatorKind kind;
            List<Disaggregation> breakdowns;
            var kinds = Outcomes(b, m, t, i => i.Kind);
            var sets = Outcomes(b, m, t, i => Breakdowns(i.Disaggregations));
            if (kinds.Any(k => k != IndicatorKind.Count) && sets.Any(d => d.Length > 0))
            {
                // One side made it another kind (which has no breakdowns), the other changed its breakdowns: merged
                // apart they could make an indicator that cannot exist, so kind and breakdowns are one choice.
                var both = Pick(new(MergeFieldKind.IndicatorKind, key), b, m, t, i => (i.Kind, Breakdowns(i.Disaggregations)), b is not null);
                (kind, breakdowns) = (both.Kind, both.Disaggregations);
            }
            else
            {
                kind = Pick(new(MergeFieldKind.IndicatorKind, key), b, m, t, i => i.Kind, b is not null).Kind;
                breakdowns = Pick(new(MergeFieldKind.IndicatorDisaggregations, key), b, m, t, i => Breakdowns(i.Disaggregations), b is not null).Disaggregations;
            }

            return new IndicatorForm { Id = t.Id != 0 ? t.Id : m.Id, Text = text, Kind = kind, Disaggregations = [.. breakdowns] };
        }

        /// <summary>The values a field can end with: one when the rule settles it, both sides' when it is a choice.</summary>
        private static List<TKey> Outcomes<T, TKey>(T? b, T m, T t, Func<T, TKey> key)
        {
            var (km, kt) = (key(m), key(t));
            var comparer = EqualityComparer<TKey>.Default;
            return comparer.Equals(km, kt) ? [km]
                : b is not null && comparer.Equals(km, key(b)) ? [kt]
                : b is not null && comparer.Equals(kt, key(b)) ? [km]
                : [km, kt];
        }

        /// <summary>
        /// Entries of a list matched by key: one added by either side is kept; one removed by a side is
        /// removed unless the other side changed it (then a conflict); one on both sides merges field by field.
        /// </summary>
        private List<T> Entries<T>(
            MergeFieldKind presenceKind, MergeFieldKind orderKind, List<T> b, List<T> m, List<T> t,
            Func<T, int, int> keyOf, Func<T, string> valueOf, Func<int, T?, T, T, T> mergeEntry)
            where T : class
        {
            var (bk, mk, tk) = (Keyed(b, keyOf), Keyed(m, keyOf), Keyed(t, keyOf));
            var merged = new Dictionary<int, T>();
            foreach (var key in mk.Keys.Concat(tk.Keys).Concat(bk.Keys).Distinct())
            {
                var (be, me, te) = (bk.GetValueOrDefault(key), mk.GetValueOrDefault(key), tk.GetValueOrDefault(key));
                var field = new MergeField(presenceKind, key);
                T? entry;
                if (me is not null && te is not null)
                {
                    entry = mergeEntry(key, be, me, te);
                }
                else if (be is null)
                {
                    // Added by one side only.
                    entry = me ?? te;
                    if (te is not null)
                    {
                        TheirChanges.Add(field);
                    }
                }
                else if (me is null && te is null)
                {
                    entry = null;
                }
                else if (valueOf((me ?? te)!) == valueOf(be))
                {
                    // Removed by one side, untouched by the other: removed.
                    entry = null;
                    if (te is null)
                    {
                        TheirChanges.Add(field);
                    }
                }
                else
                {
                    entry = Conflict(field, me, te);
                }

                if (entry is not null)
                {
                    merged[key] = entry;
                }
            }

            var order = Order(new MergeField(orderKind), [.. bk.Keys], [.. mk.Keys], [.. tk.Keys], merged.Keys.ToHashSet());
            return order.Select(k => merged[k]).ToList();
        }

        private static Dictionary<int, T> Keyed<T>(List<T> list, Func<T, int, int> keyOf)
        {
            var keyed = new Dictionary<int, T>();
            for (var i = 0; i < list.Count; i++)
            {
                keyed.TryAdd(keyOf(list[i], i), list[i]);
            }

            return keyed;
        }

        /// <summary>
        /// The order of the entries that stay: the order of the entries all three share is one field; entries
        /// only one side has go after the entry that precedes them on that side.
        /// </summary>
        private List<int> Order(MergeField field, List<int> b, List<int> m, List<int> t, HashSet<int> kept)
        {
            var common = b.Where(k => m.Contains(k) && t.Contains(k)).ToHashSet();
            var (ob, om, ot) = (b.Where(common.Contains).ToList(), m.Where(common.Contains).ToList(), t.Where(common.Contains).ToList());
            var mineFirst = Pick(field, ob, om, ot, o => string.Join(",", o)) == om;
            var (primary, secondary) = mineFirst ? (m, t) : (t, m);
            var result = primary.Where(kept.Contains).ToList();
            for (var i = 0; i < secondary.Count; i++)
            {
                var key = secondary[i];
                if (kept.Contains(key) && !result.Contains(key))
                {
                    var before = secondary.Take(i).LastOrDefault(result.Contains, int.MinValue);
                    result.Insert(before == int.MinValue ? 0 : result.IndexOf(before) + 1, key);
                }
            }

            return result;
        }

        private List<FundingLineForm> FundingLines(List<FundingLineForm> b, List<FundingLineForm> m, List<FundingLineForm> t)
        {
            static decimal? Amount(List<FundingLineForm> lines, FundingSource s, int y) => lines.FirstOrDefault(l => l.Source == s && l.Year == y)?.Amount;
            var merged = new List<FundingLineForm>();
            foreach (var (source, year) in b.Concat(m).Concat(t).Select(l => (l.Source, l.Year)).Distinct().OrderBy(k => k.Source).ThenBy(k => k.Year))
            {
                var field = new MergeField(MergeFieldKind.FundingLine, Source: source, Year: year);
                var amount = Pick(field, Amount(b, source, year), Amount(m, source, year), Amount(t, source, year), a => a);
                if (amount is { } a)
                {
                    merged.Add(new FundingLineForm { Source = source, Year = year, Amount = a });
                }
            }

            return merged;
        }
    }
}
