using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Amendments;

namespace Kreminna1325.Web.Plans.Amendments;

/// <summary>
/// A decision as staff fill it in: the changed amounts, and for every total they touch the printed figure the
/// decision states — offered as what the lines will add up to until staff type the decision's own figure over it.
/// </summary>
public sealed class AmendmentDraft(PlanView plan, BudgetReport budget)
{
    public string Number { get; set; } = "";
    public DateTime? DecidedOn { get; set; }
    public string Title { get; set; } = "";
    public List<LineRow> Lines { get; } = [];

    /// <summary>The figures staff typed over the offered ones.</summary>
    public Dictionary<TotalKey, decimal?> Typed { get; } = [];

    public PlanView Plan => plan;

    public sealed class LineRow
    {
        public int? MeasureId { get; set; }
        public FundingSource Source { get; set; } = FundingSource.Local;
        public int Year { get; set; }
        public decimal? Amount { get; set; }
    }

    public readonly record struct TotalKey(int? DirectionId, FundingSource Source, int Year);

    public sealed record TotalRow(TotalKey Key, string? Direction, decimal? PrintedNow, decimal After, decimal? Stated);

    public IEnumerable<(MeasureView Measure, string Code)> Measures =>
        plan.Directions.SelectMany(d => d.Measures.Select(m => (m, $"{d.Number}.{m.Number}")));

    /// <summary>The line's amount in the plan as it stands (0 where the measure has no such line).</summary>
    public decimal Now(LineRow row) => MeasureOf(row)?.Funding.Lines.FirstOrDefault(l => l.Source == row.Source && l.Year == row.Year)?.Amount ?? 0m;

    public DirectionView? DirectionOf(LineRow row) => plan.Directions.FirstOrDefault(d => d.Measures.Any(m => m.Id == row.MeasureId));

    /// <summary>Each direction total and plan total a changed line is part of, in the table's order.</summary>
    public IReadOnlyList<TotalRow> Totals()
    {
        var changed = Lines.Where(l => l.MeasureId is not null && l.Amount is not null).ToList();
        var keys = changed.Select(l => new TotalKey(DirectionOf(l)!.Id, l.Source, l.Year))
            .Concat(changed.Select(l => new TotalKey(null, l.Source, l.Year)))
            .Distinct()
            .OrderBy(k => k.DirectionId is null).ThenBy(k => plan.Directions.ToList().FindIndex(d => d.Id == k.DirectionId))
            .ThenBy(k => k.Source).ThenBy(k => k.Year);
        return [.. keys.Select(k =>
        {
            var direction = k.DirectionId is { } id ? budget.Directions.Single(d => d.DirectionId == id) : null;
            var now = direction?.Total(k.Source, k.Year) ?? budget.Total(k.Source, k.Year);
            var delta = changed.Where(l => l.Source == k.Source && l.Year == k.Year && (k.DirectionId is null || DirectionOf(l)!.Id == k.DirectionId))
                .Sum(l => l.Amount!.Value - Now(l));
            var printed = (direction?.PrintedTotals ?? budget.PrintedTotals).FirstOrDefault(p => p.Source == k.Source && p.Year == k.Year)?.Amount;
            return new TotalRow(k, direction?.Number, printed, now + delta, Typed.TryGetValue(k, out var typed) ? typed : now + delta);
        })];
    }

    public AmendmentForm ToForm() => new()
    {
        PlanId = plan.Id,
        Number = Number,
        DecidedOn = DecidedOn is { } d ? DateOnly.FromDateTime(d) : null,
        Title = Title,
        Lines = [.. Lines.Where(l => l.MeasureId is not null).Select(l => new AmendedLine { MeasureId = l.MeasureId!.Value, Source = l.Source, Year = l.Year, Amount = l.Amount ?? 0m })],
        PrintedTotals = [.. Totals().Where(t => t.Stated is not null && t.Stated != t.PrintedNow)
            .Select(t => new AmendedTotal { DirectionId = t.Key.DirectionId, Source = t.Key.Source, Year = t.Key.Year, Amount = t.Stated!.Value })],
    };

    private MeasureView? MeasureOf(LineRow row) => plan.Directions.SelectMany(d => d.Measures).FirstOrDefault(m => m.Id == row.MeasureId);
}
