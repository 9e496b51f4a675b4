using System.Text.Json;
using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Exchange;

/// <summary>
/// The plan's open-data tables by resolution No. 835: each field written once, with its type; the titles and
/// descriptions are Core's messages <c>OpenData.*</c>, Ukrainian and English. Codes (kinds, sources) are the
/// JSON API's, so both say the same.
/// </summary>
public static class OpenDataSets
{
    public sealed record MeasureRow(DirectionView Direction, MeasureView Measure);

    public sealed record IndicatorRow(DirectionView Direction, MeasureView Measure, int Position, IndicatorView Indicator);

    public sealed record FundingRow(DirectionView Direction, MeasureView Measure, FundingLineView Line);

    public static string Code<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static readonly OpenDataTable<MeasureRow> Measures = new("measures",
        [
            OpenDataColumn<MeasureRow>.Integer("measure_id", r => r.Measure.Id),
            OpenDataColumn<MeasureRow>.Text("direction_number", r => r.Direction.Number, "OpenData.measures.field.direction_number"),
            OpenDataColumn<MeasureRow>.Text("direction_title", r => r.Direction.Title),
            OpenDataColumn<MeasureRow>.Integer("measure_number", r => r.Measure.Number),
            OpenDataColumn<MeasureRow>.Text("content", r => r.Measure.Content),
            OpenDataColumn<MeasureRow>.Text("term", r => r.Measure.Term.Text),
            OpenDataColumn<MeasureRow>.Text("term_kind", r => Code(r.Measure.Term.Kind)),
            OpenDataColumn<MeasureRow>.Text("responsible_bodies",
                r => string.Join("; ", r.Measure.ResponsibleBodies.Select(b => b.ByAgreement ? $"{b.Name} (за згодою)" : b.Name))),
            OpenDataColumn<MeasureRow>.Text("funding_note", r => r.Measure.Funding.Note is { } note ? Code(note) : null),
        ]);

    public static readonly OpenDataTable<IndicatorRow> Indicators = new("indicators",
        [
            OpenDataColumn<IndicatorRow>.Integer("indicator_id", r => r.Indicator.Id),
            OpenDataColumn<IndicatorRow>.Integer("measure_id", r => r.Measure.Id),
            OpenDataColumn<IndicatorRow>.Text("direction_number", r => r.Direction.Number),
            OpenDataColumn<IndicatorRow>.Integer("measure_number", r => r.Measure.Number),
            OpenDataColumn<IndicatorRow>.Integer("position", r => r.Position),
            OpenDataColumn<IndicatorRow>.Text("text", r => r.Indicator.Text),
            OpenDataColumn<IndicatorRow>.Text("kind", r => Code(r.Indicator.Kind)),
            OpenDataColumn<IndicatorRow>.Text("disaggregations", r => string.Join(";", r.Indicator.Disaggregations.Select(Code))),
        ]);

    public static readonly OpenDataTable<FundingRow> Funding = new("funding",
        [
            OpenDataColumn<FundingRow>.Integer("measure_id", r => r.Measure.Id),
            OpenDataColumn<FundingRow>.Text("direction_number", r => r.Direction.Number),
            OpenDataColumn<FundingRow>.Integer("measure_number", r => r.Measure.Number),
            OpenDataColumn<FundingRow>.Text("source", r => Code(r.Line.Source)),
            OpenDataColumn<FundingRow>.Integer("year", r => r.Line.Year),
            OpenDataColumn<FundingRow>.Number("amount", r => r.Line.Amount),
        ]);

    public static IEnumerable<MeasureRow> MeasureRows(PlanView plan) =>
        plan.Directions.SelectMany(d => d.Measures.Select(m => new MeasureRow(d, m)));

    public static IEnumerable<IndicatorRow> IndicatorRows(PlanView plan) =>
        MeasureRows(plan).SelectMany(r => r.Measure.Indicators.Select((i, n) => new IndicatorRow(r.Direction, r.Measure, n + 1, i)));

    public static IEnumerable<FundingRow> FundingRows(PlanView plan) =>
        MeasureRows(plan).SelectMany(r => r.Measure.Funding.Lines.Select(l => new FundingRow(r.Direction, r.Measure, l)));
}
