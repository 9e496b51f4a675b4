using System.Globalization;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Exchange;

/// <summary>
/// The <c>results</c> dataset: approved indicator values per period, a row for the value and a row for each
/// breakdown cell, small numbers of sensitive indicators hidden (<see cref="SmallNumbers"/>).
/// </summary>
public sealed class OpenDataResults(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>The value itself; a breakdown row names its dimension.</summary>
    public const string Total = "total";

    public sealed record ResultRow(ResultValue Value, string Dimension, string Category, string Published);

    public sealed record ResultValue(
        int MeasureId, string DirectionNumber, int MeasureNumber, int IndicatorId, IndicatorKind Kind,
        int Year, int Sequence, PeriodKind PeriodKind, DateOnly Start, DateOnly End);

    public static readonly OpenDataTable<ResultRow> Table = new("results",
        [
            OpenDataColumn<ResultRow>.Integer("measure_id", r => r.Value.MeasureId),
            OpenDataColumn<ResultRow>.Text("direction_number", r => r.Value.DirectionNumber),
            OpenDataColumn<ResultRow>.Integer("measure_number", r => r.Value.MeasureNumber),
            OpenDataColumn<ResultRow>.Integer("indicator_id", r => r.Value.IndicatorId, "OpenData.results.field.indicator_id"),
            OpenDataColumn<ResultRow>.Text("indicator_kind", r => OpenDataSets.Code(r.Value.Kind)),
            OpenDataColumn<ResultRow>.Integer("year", r => r.Value.Year, "OpenData.results.field.year"),
            OpenDataColumn<ResultRow>.Text("period_kind", r => OpenDataSets.Code(r.Value.PeriodKind)),
            OpenDataColumn<ResultRow>.Integer("period_number", r => r.Value.Sequence),
            OpenDataColumn<ResultRow>.Text("period_start", r => r.Value.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            OpenDataColumn<ResultRow>.Text("period_end", r => r.Value.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            OpenDataColumn<ResultRow>.Text("dimension", r => r.Dimension),
            OpenDataColumn<ResultRow>.Text("category", r => r.Category),
            OpenDataColumn<ResultRow>.Text("value", r => r.Published),
        ]);

    public async Task<IReadOnlyList<ResultRow>> RowsAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreatePublicAsync(ct);
        var values = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.Report.Status == ReportStatus.Approved && !v.Report.IsDemo && v.Indicator.Measure.Direction.PlanId == planId)
            .OrderBy(v => v.Indicator.Measure.Direction.Order).ThenBy(v => v.Indicator.Measure.Number)
            .ThenBy(v => v.Report.Period.Start).ThenBy(v => v.Report.Period.End).ThenBy(v => v.Indicator.Position)
            .Select(v => new
            {
                Value = new ResultValue(
                    v.Indicator.MeasureId, v.Indicator.Measure.Direction.Number, v.Indicator.Measure.Number, v.IndicatorId, v.Indicator.Kind,
                    v.Report.Period.Year, v.Report.Period.Sequence, v.Report.Period.Kind, v.Report.Period.Start, v.Report.Period.End),
                v.Indicator.Text,
                v.Indicator.Disaggregations,
                v.Number,
                v.Present,
                v.Entries,
                ValueText = v.Text,
                Cells = v.Breakdown.Select(b => new { b.Dimension, b.Category, b.Count }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);

        var rows = new List<ResultRow>();
        foreach (var v in values)
        {
            rows.Add(new ResultRow(v.Value, Total, "", Published(v.Value.Kind, v.Number, v.Present, v.Entries, v.ValueText)));
            var sensitive = SmallNumbers.IsSensitive(v.Text, v.Disaggregations);
            foreach (var dimension in Breakdowns.Known(v.Cells.Select(c => c.Dimension)))
            {
                // In the form's order of categories, so every period reads the same way.
                var categories = Breakdowns.Categories[dimension];
                foreach (var cell in v.Cells.Where(c => c.Dimension == dimension).OrderBy(c => Order(categories, c.Category)))
                {
                    rows.Add(new ResultRow(v.Value, OpenDataSets.Code(dimension), cell.Category, SmallNumbers.Cell(sensitive, dimension, cell.Count)));
                }
            }
        }

        return rows;
    }

    private static int Order(IReadOnlyList<string> categories, string category) =>
        categories.ToList().IndexOf(category) is var i and >= 0 ? i : int.MaxValue;

    private static string Published(IndicatorKind kind, decimal? number, bool? present, List<string> entries, string? text) => kind switch
    {
        IndicatorKind.Count or IndicatorKind.Percentage => number?.ToString("0.############", CultureInfo.InvariantCulture) ?? "",
        IndicatorKind.Presence => present switch { true => "true", false => "false", null => "" },
        IndicatorKind.List => string.Join("; ", entries),
        _ => text ?? "",
    };
}
