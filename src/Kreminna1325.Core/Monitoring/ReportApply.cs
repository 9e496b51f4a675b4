using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Monitoring;

/// <summary>
/// Copies a validated report form onto the tracked report, keeping the rows that stay so their
/// history continues; only what the indicator's kind allows is stored.
/// </summary>
internal static class ReportApply
{
    public static void Apply(ReportForm form, Report report)
    {
        report.Implementation = form.Implementation;
        report.NotDoneReason = form.Implementation == ImplementationStatus.NotDone ? form.NotDoneReason?.Trim() : null;
        report.Narrative = form.Narrative?.Trim();

        foreach (var f in form.Values)
        {
            var value = report.Values.FirstOrDefault(v => v.IndicatorId == f.IndicatorId);
            if (value is null)
            {
                value = new IndicatorValue { IndicatorId = f.IndicatorId, MeasureId = form.MeasureId };
                report.Values.Add(value);
            }

            value.Number = f.Kind is IndicatorKind.Count or IndicatorKind.Percentage ? f.Number : null;
            value.Present = f.Kind == IndicatorKind.Presence ? f.Present : null;
            value.DocumentReference = f.Kind == IndicatorKind.Presence ? f.DocumentReference?.Trim() : null;
            var entries = f.Kind == IndicatorKind.List ? f.Entries.Select(e => e.Trim()).Where(e => e.Length > 0).ToList() : [];
            if (!entries.SequenceEqual(value.Entries))
            {
                value.Entries = entries;
            }

            value.Text = f.Kind == IndicatorKind.Text ? f.Text?.Trim() : null;

            var cells = f.Kind != IndicatorKind.Count ? [] : f.Breakdown
                .Where(d => f.Requested.Contains(d.Key))
                .SelectMany(d => d.Value.Where(c => c.Value is not null && Breakdowns.IsKnown(d.Key, c.Key)).Select(c => (Dimension: d.Key, Category: c.Key, Count: c.Value!.Value)))
                .ToList();
            value.Breakdown.RemoveAll(b => !cells.Any(c => c.Dimension == b.Dimension && c.Category == b.Category));
            foreach (var (dimension, category, count) in cells)
            {
                var row = value.Breakdown.FirstOrDefault(b => b.Dimension == dimension && b.Category == category);
                if (row is null)
                {
                    value.Breakdown.Add(new ValueBreakdown { Dimension = dimension, Category = category, Count = count, MeasureId = form.MeasureId });
                }
                else
                {
                    row.Count = count;
                }
            }
        }

        report.Spending.RemoveAll(s => form.Spending.All(f => f.Source != s.Source || f.Amount is null));
        foreach (var f in form.Spending.Where(f => f.Amount is not null))
        {
            var row = report.Spending.FirstOrDefault(s => s.Source == f.Source);
            if (row is null)
            {
                report.Spending.Add(new ReportSpending { Source = f.Source, Amount = f.Amount!.Value, MeasureId = form.MeasureId });
            }
            else
            {
                row.Amount = f.Amount!.Value;
            }
        }
    }
}
