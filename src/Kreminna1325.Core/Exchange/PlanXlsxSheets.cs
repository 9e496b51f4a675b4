using DocumentFormat.OpenXml.Packaging;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Plans;
using static Kreminna1325.Core.Exchange.PlanXlsxSheet;
using S = Kreminna1325.Core.Exchange.PlanXlsxStyles;

namespace Kreminna1325.Core.Exchange;

/// <summary>The workbook's sheets beside the council's table, each a heading row over plain rows (see <see cref="PlanSheet"/>).</summary>
internal static class PlanXlsxSheets
{
    /// <summary>Sheet "Бюджет": the budget report's totals by direction, source and year, then the plan's.</summary>
    public static string? Budget(WorksheetPart part, BudgetReport budget, PlanSheetText text)
    {
        var (d, h) = (text.Document, text.Headings);
        var sheet = Start(part, [10, 50, 22, .. budget.Years.Select(_ => 12.0)], frozenRows: PlanSheet.SheetHeadingRow, landscape: true);
        sheet.Write([.. new[] { h.DirectionNumber, h.DirectionTitle, d.Sources }.Select(Heading), .. budget.Years.Select(y => new NumberValue(y, S.Heading))]);

        void Block(string number, string title, IReadOnlyList<BudgetAmount> totals, IReadOnlyList<YearAmount> allSources)
        {
            foreach (var source in Enum.GetValues<FundingSource>())
            {
                sheet.Write(
                [
                    Text(number), Text(title), Text(d.Source(source)),
                    .. budget.Years.Select(y => new NumberValue(totals.FirstOrDefault(t => t.Source == source && t.Year == y)?.Amount ?? 0m, S.Amount)),
                ]);
            }

            sheet.Write(
            [
                Text(number, S.BoldText), Text(title, S.BoldText), Text(d.AllSources, S.BoldText),
                .. budget.Years.Select(y => new NumberValue(allSources.FirstOrDefault(t => t.Year == y)?.Amount ?? 0m, S.BoldAmount)),
            ]);
        }

        foreach (var direction in budget.Directions)
        {
            Block(direction.Number, direction.Title, direction.Totals, direction.AllSources);
        }

        Block("", d.GrandTotal, budget.Totals, budget.GrandTotals);
        return sheet.Finish(filterFromRow: PlanSheet.SheetHeadingRow, landscape: true);
    }

    /// <summary>Sheet "Звірка": each printed total that differs from the computed one; an empty "printed" cell: none was printed.</summary>
    public static string? Reconciliation(WorksheetPart part, BudgetReport budget, PlanSheetText text)
    {
        var (d, h) = (text.Document, text.Headings);
        var sheet = Start(part, [12, 10, 22, 8, 18, 18, 18], frozenRows: PlanSheet.SheetHeadingRow, landscape: false);
        sheet.Write([.. new[] { h.Level, h.DirectionNumber, d.Sources, h.Year, h.Printed, h.Computed, h.Difference }.Select(Heading)]);
        foreach (var m in budget.Mismatches)
        {
            sheet.Write(
                Text(text.Scope(m.Scope)),
                Text(m.Direction ?? ""),
                Text(d.Source(m.Source)),
                new NumberValue(m.Year, S.Number),
                m.Printed is { } printed ? new NumberValue(printed, S.Amount) : new EmptyValue(S.Amount),
                new NumberValue(m.Computed, S.Amount),
                new NumberValue(m.Computed - (m.Printed ?? 0m), S.Amount));
        }

        return sheet.Finish(filterFromRow: PlanSheet.SheetHeadingRow, landscape: false);
    }

    /// <summary>Sheet "Показники": each indicator's kind and breakdowns, found by direction, measure number and position.</summary>
    public static string? Indicators(WorksheetPart part, PlanView plan, PlanSheetText text)
    {
        var h = text.Headings;
        var sheet = Start(part, [10, 10, 12, 70, 16, 30], frozenRows: PlanSheet.SheetHeadingRow, landscape: true);
        sheet.Write([.. new[] { h.DirectionNumber, h.MeasureNumber, h.Position, h.Indicator, h.IndicatorKind, h.Disaggregations }.Select(Heading)]);
        foreach (var direction in plan.Directions)
        {
            foreach (var measure in direction.Measures)
            {
                for (var i = 0; i < measure.Indicators.Count; i++)
                {
                    var indicator = measure.Indicators[i];
                    sheet.Write(
                        Text(direction.Number),
                        new NumberValue(measure.Number, S.Number),
                        new NumberValue(i + 1, S.Number),
                        Text(indicator.Text),
                        Text(text.IndicatorKind(indicator.Kind)),
                        Text(string.Join("\n", indicator.Disaggregations.Select(text.Document.Disaggregation))));
                }
            }
        }

        return sheet.Finish(filterFromRow: PlanSheet.SheetHeadingRow, landscape: true);
    }

    /// <summary>Sheet "Довідники": the plan's responsible bodies as the registry knows them, and the kinds of term with an example each.</summary>
    public static string? Registry(WorksheetPart part, IReadOnlyList<ResponsibleBodyView> bodies, PlanSheetText text)
    {
        var h = text.Headings;
        var sheet = Start(part, [50, 28, 26, 44, 3, 30, 34], frozenRows: PlanSheet.SheetHeadingRow, landscape: true);
        sheet.Write(Heading(h.BodyName), Heading(h.BodyShortName), Heading(h.BodyKind), Heading(h.Aliases), null, Heading(h.TermKind), Heading(h.TermExample));
        var terms = Enum.GetValues<TermKind>();
        for (var i = 0; i < Math.Max(bodies.Count, terms.Length); i++)
        {
            var body = i < bodies.Count ? bodies[i] : null;
            sheet.Write(
                body is null ? null : Text(body.Name),
                body is null ? null : Text(body.ShortName),
                body is null ? null : Text(text.BodyKind(body.Kind)),
                body is null ? null : Text(string.Join("\n", body.Aliases)),
                null,
                i < terms.Length ? Text(text.TermKind(terms[i])) : null,
                i < terms.Length ? Text(text.TermExample(terms[i])) : null);
        }

        // The filter covers the bodies only: the term kinds beside them are a short list to read.
        var filter = sheet.Finish(filterFromRow: null, landscape: true);
        return filter;
    }

    /// <summary>Sheet "Інструкція" of the template: how to fill the workbook in, a paragraph a row.</summary>
    public static string? Instructions(WorksheetPart part, PlanSheetText text)
    {
        var sheet = Start(part, [90], frozenRows: 0, landscape: false);
        for (var i = 0; i < text.Instructions.Count; i++)
        {
            sheet.Write(new TextValue(text.Instructions[i], i == 0 ? S.Title : S.Plain));
        }

        return sheet.Finish(filterFromRow: null, landscape: false);
    }

    private static TextValue Heading(string value) => new(value, S.Heading);

    private static TextValue Text(string value) => new(value, S.Text);

    private static TextValue Text(string value, uint style) => new(value, style);
}
