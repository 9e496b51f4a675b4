using System.Text.Json;
using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Exchange;

/// <summary>
/// The plan's open-data tables by resolution No. 835: each field written once, with its type and its
/// Ukrainian description. Codes (kinds, sources) are the JSON API's, so both say the same.
/// </summary>
public static class OpenDataSets
{
    public sealed record MeasureRow(DirectionView Direction, MeasureView Measure);

    public sealed record IndicatorRow(DirectionView Direction, MeasureView Measure, int Position, IndicatorView Indicator);

    public sealed record FundingRow(DirectionView Direction, MeasureView Measure, FundingLineView Line);

    public static string Code<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static readonly OpenDataTable<MeasureRow> Measures = new(
        "measures", "Заходи плану", "Заходи плану дій з виконання резолюції РБ ООН 1325: зміст, термін, відповідальні виконавці.",
        [
            OpenDataColumn<MeasureRow>.Integer("measure_id", "Ідентифікатор заходу", r => r.Measure.Id),
            OpenDataColumn<MeasureRow>.Text("direction_number", "Номер напряму (римськими цифрами)", r => r.Direction.Number),
            OpenDataColumn<MeasureRow>.Text("direction_title", "Назва напряму", r => r.Direction.Title),
            OpenDataColumn<MeasureRow>.Integer("measure_number", "Номер заходу в межах напряму", r => r.Measure.Number),
            OpenDataColumn<MeasureRow>.Text("content", "Зміст заходу", r => r.Measure.Content),
            OpenDataColumn<MeasureRow>.Text("term", "Термін виконання, як у плані", r => r.Measure.Term.Text),
            OpenDataColumn<MeasureRow>.Text("term_kind", "Вид терміну (код)", r => Code(r.Measure.Term.Kind)),
            OpenDataColumn<MeasureRow>.Text("responsible_bodies", "Відповідальні за виконання, через «; »; «(за згодою)», де так у плані",
                r => string.Join("; ", r.Measure.ResponsibleBodies.Select(b => b.ByAgreement ? $"{b.Name} (за згодою)" : b.Name))),
            OpenDataColumn<MeasureRow>.Text("funding_note", "Примітка щодо фінансування (код), порожньо, якщо немає",
                r => r.Measure.Funding.Note is { } note ? Code(note) : null),
        ]);

    public static readonly OpenDataTable<IndicatorRow> Indicators = new(
        "indicators", "Показники виконання", "Показники виконання заходів плану і розрізи, за якими про них звітують.",
        [
            OpenDataColumn<IndicatorRow>.Integer("indicator_id", "Ідентифікатор показника", r => r.Indicator.Id),
            OpenDataColumn<IndicatorRow>.Integer("measure_id", "Ідентифікатор заходу", r => r.Measure.Id),
            OpenDataColumn<IndicatorRow>.Text("direction_number", "Номер напряму", r => r.Direction.Number),
            OpenDataColumn<IndicatorRow>.Integer("measure_number", "Номер заходу в межах напряму", r => r.Measure.Number),
            OpenDataColumn<IndicatorRow>.Integer("position", "Порядковий номер показника в заході", r => r.Position),
            OpenDataColumn<IndicatorRow>.Text("text", "Показник, як у плані", r => r.Indicator.Text),
            OpenDataColumn<IndicatorRow>.Text("kind", "Вид показника (код): count, presence, percentage, list, text", r => Code(r.Indicator.Kind)),
            OpenDataColumn<IndicatorRow>.Text("disaggregations", "Розрізи (коди) через «;»: sex, age, vulnerabilityCategory, placeOfResidence",
                r => string.Join(";", r.Indicator.Disaggregations.Select(Code))),
        ]);

    public static readonly OpenDataTable<FundingRow> Funding = new(
        "funding", "Планове фінансування", "Прогнозні обсяги фінансування заходів за джерелами і роками, тис. грн.",
        [
            OpenDataColumn<FundingRow>.Integer("measure_id", "Ідентифікатор заходу", r => r.Measure.Id),
            OpenDataColumn<FundingRow>.Text("direction_number", "Номер напряму", r => r.Direction.Number),
            OpenDataColumn<FundingRow>.Integer("measure_number", "Номер заходу в межах напряму", r => r.Measure.Number),
            OpenDataColumn<FundingRow>.Text("source", "Джерело фінансування (код): local — місцевий бюджет, other — інші джерела", r => Code(r.Line.Source)),
            OpenDataColumn<FundingRow>.Integer("year", "Рік", r => r.Line.Year),
            OpenDataColumn<FundingRow>.Number("amount", "Плановий обсяг, тис. грн (десятковий роздільник — крапка)", r => r.Line.Amount),
        ]);

    public static IEnumerable<MeasureRow> MeasureRows(PlanView plan) =>
        plan.Directions.SelectMany(d => d.Measures.Select(m => new MeasureRow(d, m)));

    public static IEnumerable<IndicatorRow> IndicatorRows(PlanView plan) =>
        MeasureRows(plan).SelectMany(r => r.Measure.Indicators.Select((i, n) => new IndicatorRow(r.Direction, r.Measure, n + 1, i)));

    public static IEnumerable<FundingRow> FundingRows(PlanView plan) =>
        MeasureRows(plan).SelectMany(r => r.Measure.Funding.Lines.Select(l => new FundingRow(r.Direction, r.Measure, l)));
}
