using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Plans;
using static Kreminna1325.Core.Exchange.PlanXlsxSheet;
using S = Kreminna1325.Core.Exchange.PlanXlsxStyles;

namespace Kreminna1325.Core.Exchange;

/// <summary>
/// The plan as a workbook in the layout of <see cref="PlanSheet"/>: the council's table to sort, filter and fill in,
/// its budget, the printed totals that differ, the indicators' kinds and the registries. The import reads it back.
/// </summary>
public static class PlanXlsx
{
    /// <summary>№, content, responsible, term, indicators, sources; then a column per year.</summary>
    private static readonly double[] PlanWidths = [6, 50, 34, 18, 44, 22];

    private const double YearWidth = 15;

    public static void Write(Stream stream, PlanView plan, BudgetReport budget, IReadOnlyList<ResponsibleBodyView> bodies, PlanSheetText text) =>
        Write(stream, plan, budget, bodies, text, instructions: false);

    /// <summary>The registry's bodies that the plan names, for sheet "Довідники", in the registry's order.</summary>
    public static IReadOnlyList<ResponsibleBodyView> BodiesOf(PlanView plan, IEnumerable<ResponsibleBodyView> registry)
    {
        var named = plan.Directions.SelectMany(d => d.Measures).SelectMany(m => m.ResponsibleBodies).Select(b => b.Id).ToHashSet();
        return [.. registry.Where(b => named.Contains(b.Id))];
    }

    internal static void Write(
        Stream stream, PlanView plan, BudgetReport budget, IReadOnlyList<ResponsibleBodyView> bodies, PlanSheetText text, bool instructions)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        PlanXlsxStyles.Add(workbook);

        var sheets = new List<(string Name, WorksheetPart Part, string? Filter, string? PrintTitles)>();
        WorksheetPart NewPart() => workbook.AddNewPart<WorksheetPart>();
        if (instructions)
        {
            var part = NewPart();
            sheets.Add((PlanSheet.InstructionsSheetName, part, PlanXlsxSheets.Instructions(part, text), null));
        }

        var planPart = NewPart();
        sheets.Add((PlanSheet.PlanSheetName, planPart, PlanTable(planPart, plan, budget, text), "$2:$3"));
        var budgetPart = NewPart();
        sheets.Add((PlanSheet.BudgetSheetName, budgetPart, PlanXlsxSheets.Budget(budgetPart, budget, text), null));
        var reconciliationPart = NewPart();
        sheets.Add((PlanSheet.ReconciliationSheetName, reconciliationPart, PlanXlsxSheets.Reconciliation(reconciliationPart, budget, text), null));
        var indicatorsPart = NewPart();
        sheets.Add((PlanSheet.IndicatorsSheetName, indicatorsPart, PlanXlsxSheets.Indicators(indicatorsPart, plan, text), null));
        var registryPart = NewPart();
        sheets.Add((PlanSheet.RegistrySheetName, registryPart, PlanXlsxSheets.Registry(registryPart, bodies, text), null));

        // Excel keeps an autofilter's range and the rows printed on every page as names of their sheet.
        var names = new DefinedNames();
        for (var i = 0; i < sheets.Count; i++)
        {
            var quoted = "'" + sheets[i].Name.Replace("'", "''") + "'!";
            if (sheets[i].Filter is { } filter)
            {
                names.Append(new DefinedName(quoted + Absolute(filter)) { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true });
            }

            if (sheets[i].PrintTitles is { } rows)
            {
                names.Append(new DefinedName(quoted + rows) { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)i });
            }
        }

        workbook.Workbook = new Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0 }),
            new Sheets(sheets.Select((s, i) => new Sheet { Name = s.Name, SheetId = (uint)(i + 1), Id = workbook.GetIdOfPart(s.Part) })),
            names);
        workbook.Workbook.Save();
    }

    /// <summary>Sheet "План": the council's table, a row per direction, measure, further source and total.</summary>
    private static string? PlanTable(WorksheetPart part, PlanView plan, BudgetReport budget, PlanSheetText text)
    {
        var years = budget.Years;
        var columns = PlanSheet.FirstYearColumn - 1 + years.Count;
        var sheet = Start(part, [.. PlanWidths, .. years.Select(_ => YearWidth)], frozenRows: PlanSheet.YearRow, landscape: true);
        var d = text.Document;

        sheet.Write(new TextValue(plan.Title, S.Title));
        sheet.Write(
        [
            .. new[] { d.Number, d.Content, d.Responsible, d.Term, d.Indicators, d.Sources }.Select(h => new TextValue(h, S.Heading)),
            .. years.Select((_, i) => i == 0 ? new TextValue(d.FundingHeading, S.HeadingAcross) : (SheetCell)new EmptyValue(S.HeadingAcross)),
        ]);
        sheet.Write(
        [
            .. Enumerable.Repeat<SheetCell>(new EmptyValue(S.Heading), PlanSheet.SourceColumn),
            .. years.Select(y => new NumberValue(y, S.Heading)),
        ]);

        foreach (var direction in plan.Directions)
        {
            sheet.Write(Pad([new TextValue(direction.Number, S.BoldText), new TextValue(direction.Title, S.BoldText)], columns, S.BoldText));
            foreach (var measure in direction.Measures)
            {
                foreach (var row in MeasureRows(measure, years, text))
                {
                    sheet.Write(row);
                }
            }

            var directionBudget = budget.Directions.First(b => b.DirectionId == direction.Id);
            foreach (var row in TotalRows(d.DirectionTotal, years, directionBudget.Totals, directionBudget.PrintedTotals, directionBudget.AllSources, d))
            {
                sheet.Write(row);
            }
        }

        foreach (var row in TotalRows(d.GrandTotal, years, budget.Totals, budget.PrintedTotals, budget.GrandTotals, d))
        {
            sheet.Write(row);
        }

        return sheet.Finish(filterFromRow: PlanSheet.YearRow, landscape: true);
    }

    /// <summary>The measure's row with its note or first source, then a row for each further source.</summary>
    private static IEnumerable<SheetCell?[]> MeasureRows(MeasureView measure, IReadOnlyList<int> years, PlanSheetText text)
    {
        var d = text.Document;
        var sources = measure.Funding.Lines.Select(l => l.Source).Distinct().Order().ToList();
        var bodies = string.Join("\n", measure.ResponsibleBodies.Select(b => b.ByAgreement ? $"{b.Name} ({d.ByAgreement})" : b.Name));
        var indicators = string.Join("\n", measure.Indicators.Select(i => i.Text));

        IEnumerable<SheetCell> Amounts(FundingSource? source) => years.Select(year =>
            source is { } s && measure.Funding.Lines.FirstOrDefault(l => l.Source == s && l.Year == year) is { } line
                ? new NumberValue(line.Amount, S.Amount)
                : (SheetCell)new EmptyValue(S.Amount));

        // A note and sources together is not how the document writes a measure, but if a plan has both, both are kept.
        var first = measure.Funding.Note is { } note ? d.Note(note) : sources.Count > 0 ? d.Source(sources[0]) : null;
        var firstSource = measure.Funding.Note is null && sources.Count > 0 ? sources[0] : (FundingSource?)null;
        yield return
        [
            new NumberValue(measure.Number, S.Number),
            new TextValue(measure.Content, S.Text),
            new TextValue(bodies, S.Text),
            new TextValue(measure.Term.Text, S.Text),
            new TextValue(indicators, S.Text),
            first is null ? new EmptyValue(S.Text) : new TextValue(first, S.Text),
            .. Amounts(firstSource),
        ];

        foreach (var source in sources.Where(s => s != firstSource))
        {
            yield return
            [
                .. Enumerable.Repeat<SheetCell>(new EmptyValue(S.Text), PlanSheet.SourceColumn - 1),
                new TextValue(d.Source(source), S.Text),
                .. Amounts(source),
            ];
        }
    }

    /// <summary>
    /// A total block: a row per source and the all-sources row, the label in B of each. A source's figure stands for the
    /// printed total; where the document printed none and the total is zero, the cell stays empty (see <see cref="PlanSheet"/>).
    /// </summary>
    private static IEnumerable<SheetCell?[]> TotalRows(
        string label, IReadOnlyList<int> years, IReadOnlyList<BudgetAmount> totals, IReadOnlyList<BudgetAmount> printed,
        IReadOnlyList<YearAmount> allSources, PlanDocxText d)
    {
        SheetCell?[] Row(string source, IEnumerable<SheetCell> amounts) =>
        [
            new EmptyValue(S.BoldText),
            new TextValue(label, S.BoldText),
            .. Enumerable.Repeat<SheetCell>(new EmptyValue(S.BoldText), PlanSheet.SourceColumn - PlanSheet.ContentColumn - 1),
            new TextValue(source, S.BoldText),
            .. amounts,
        ];

        foreach (var source in Enum.GetValues<FundingSource>())
        {
            yield return Row(d.Source(source), years.Select(year =>
            {
                var computed = totals.FirstOrDefault(t => t.Source == source && t.Year == year)?.Amount ?? 0m;
                var wasPrinted = printed.Any(p => p.Source == source && p.Year == year);
                return computed == 0m && !wasPrinted ? new EmptyValue(S.BoldAmount) : (SheetCell)new NumberValue(computed, S.BoldAmount);
            }));
        }

        yield return Row(d.AllSources, years.Select(year => new NumberValue(allSources.FirstOrDefault(t => t.Year == year)?.Amount ?? 0m, S.BoldAmount)));
    }

    internal static SheetCell?[] Pad(SheetCell?[] cells, int columns, uint style) =>
        [.. cells, .. Enumerable.Repeat<SheetCell>(new EmptyValue(style), Math.Max(columns - cells.Length, 0))];

    private static string Absolute(string range) =>
        string.Join(":", range.Split(':').Select(r => "$" + new string([.. r.TakeWhile(char.IsLetter)]) + "$" + new string([.. r.SkipWhile(char.IsLetter)])));
}
