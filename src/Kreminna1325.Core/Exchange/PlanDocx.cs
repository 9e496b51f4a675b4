using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Exchange;

/// <summary>
/// The plan as the annex of the council's decision: an A4 landscape Word table in the document's 9-column
/// layout. The totals are the budget report's recomputed ones; where the document printed a different
/// figure, the cell is marked and a note under the table says so, as on the public page.
/// </summary>
public static class PlanDocx
{
    /// <summary>A4 landscape in twentieths of a point, with 2 cm margins.</summary>
    private const int PageWidth = 16838, PageHeight = 11906, Margin = 1134;

    private const int TableWidth = PageWidth - 2 * Margin;

    /// <summary>№, content, responsible, term, indicators, sources; the years share what is left.</summary>
    private static readonly int[] FixedColumns = [600, 3000, 2400, 1500, 2800, 1500];

    private const string MismatchMark = " *";

    public static void Write(Stream stream, PlanView plan, BudgetReport budget, PlanDocxText text)
    {
        using var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        PlanDocxStyles.Add(main);

        var body = new Body();
        body.Append(Paragraph(plan.Title, bold: true, JustificationValues.Center, size: 28));
        body.Append(Table(plan, budget, text));
        body.Append(Paragraph(text.TotalsNote, bold: false, JustificationValues.Left));
        if (budget.Mismatches.Count > 0)
        {
            body.Append(Paragraph(text.MismatchIntro(budget.Mismatches.Count), bold: true, JustificationValues.Left));
            foreach (var mismatch in budget.Mismatches)
            {
                body.Append(Paragraph(MismatchMark.Trim() + " " + text.Mismatch(mismatch), bold: false, JustificationValues.Left));
            }
        }

        body.Append(new SectionProperties(
            new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Landscape },
            new PageMargin { Top = Margin, Bottom = Margin, Left = Margin, Right = Margin, Header = 709, Footer = 709, Gutter = 0 }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static Table Table(PlanView plan, BudgetReport budget, PlanDocxText text)
    {
        var years = budget.Years;
        var yearWidth = (TableWidth - FixedColumns.Sum()) / Math.Max(years.Count, 1);
        var widths = FixedColumns.Concat(years.Select(_ => yearWidth)).ToArray();

        var table = new Table(
            new TableProperties(
                new TableWidth { Width = widths.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));

        // Two heading rows, repeated on every page: the year sub-columns sit under one spanning heading.
        string[] headings = [text.Number, text.Content, text.Responsible, text.Term, text.Indicators, text.Sources];
        table.Append(Row(header: true,
            [
                .. headings.Select(h => Cell([Paragraph(h, bold: true, JustificationValues.Center)], merge: CellMerge.Restart)),
                Cell([Paragraph(text.FundingHeading, bold: true, JustificationValues.Center)], span: years.Count),
            ]));
        table.Append(Row(header: true,
            [
                .. headings.Select(_ => Cell([new Paragraph()], merge: CellMerge.Continue)),
                .. years.Select(y => Cell([Paragraph(y.ToString(), bold: true, JustificationValues.Center)])),
            ]));

        foreach (var direction in plan.Directions)
        {
            table.Append(Row(header: false,
                [Cell([KeptWithNext(Paragraph($"{direction.Number}. {direction.Title}", bold: true, JustificationValues.Center))], span: 6 + years.Count)]));
            foreach (var measure in direction.Measures)
            {
                table.Append(MeasureRow(measure, years, text));
            }

            var directionBudget = budget.Directions.First(d => d.DirectionId == direction.Id);
            foreach (var row in TotalRows(text.DirectionTotal, budget, direction.Id, directionBudget.Totals, directionBudget.AllSources, text))
            {
                table.Append(row);
            }
        }

        foreach (var row in TotalRows(text.GrandTotal, budget, null, budget.Totals, budget.GrandTotals, text))
        {
            table.Append(row);
        }

        return table;
    }

    private static TableRow MeasureRow(MeasureView measure, IReadOnlyList<int> years, PlanDocxText text)
    {
        var sources = measure.Funding.Lines.Select(l => l.Source).Distinct().Order().ToList();
        var bodies = measure.ResponsibleBodies
            .Select(b => Paragraph(b.ByAgreement ? $"{b.Name} ({text.ByAgreement})" : b.Name))
            .ToList();
        var indicators = measure.Indicators
            .Select(i => PlanDocxStyles.ListItem(i.Disaggregations.Count == 0
                ? i.Text
                : $"{i.Text} ({text.DisaggregatedBy}: {string.Join(", ", i.Disaggregations.Select(text.Disaggregation))})"))
            .ToList();
        List<Paragraph> sourceLines =
        [
            .. measure.Funding.Note is { } note ? [Paragraph(text.Note(note))] : Array.Empty<Paragraph>(),
            .. sources.Select(s => Paragraph(text.Source(s))),
        ];

        // A measure with two sources prints one line per source in each year's cell, as the document does.
        IEnumerable<Paragraph> YearLines(int year) => sources.Count == 0
            ? [Paragraph("-", bold: false, JustificationValues.Center)]
            : sources.Select(s => measure.Funding.Lines.FirstOrDefault(l => l.Source == s && l.Year == year) is { } line
                ? Paragraph(text.Amount(line.Amount), bold: false, JustificationValues.Center)
                : Paragraph("-", bold: false, JustificationValues.Center));

        return Row(header: false,
        [
            Cell([Paragraph($"{measure.Number}.", bold: false, JustificationValues.Center)]),
            Cell([Paragraph(measure.Content)]),
            Cell(bodies),
            Cell([Paragraph(measure.Term.Text)]),
            Cell(indicators),
            Cell(sourceLines),
            .. years.Select(y => Cell(YearLines(y))),
        ]);
    }

    /// <summary>A total block as printed: the label over a row per source, then all sources together.</summary>
    private static IEnumerable<TableRow> TotalRows(
        string label, BudgetReport budget, int? directionId, IReadOnlyList<BudgetAmount> totals, IReadOnlyList<YearAmount> allSources, PlanDocxText text)
    {
        var first = true;
        foreach (var source in Enum.GetValues<FundingSource>())
        {
            var amounts = budget.Years.Select(year =>
            {
                var computed = totals.FirstOrDefault(t => t.Source == source && t.Year == year)?.Amount ?? 0m;
                var marked = budget.MismatchOf(directionId, source, year) is null ? "" : MismatchMark;
                return Cell([Paragraph(text.Amount(computed) + marked, bold: true, JustificationValues.Center)]);
            });
            yield return Row(header: false,
            [
                Cell([first ? Paragraph(label, bold: true, JustificationValues.Left) : new Paragraph()], span: 5,
                    merge: first ? CellMerge.Restart : CellMerge.Continue),
                Cell([Paragraph(text.Source(source), bold: true, JustificationValues.Left)]),
                .. amounts,
            ]);
            first = false;
        }

        yield return Row(header: false,
        [
            Cell([new Paragraph()], span: 5, merge: CellMerge.Continue),
            Cell([Paragraph(text.AllSources, bold: true, JustificationValues.Left)]),
            .. budget.Years.Select(year => Cell([Paragraph(
                text.Amount(allSources.FirstOrDefault(t => t.Year == year)?.Amount ?? 0m), bold: true, JustificationValues.Center)])),
        ]);
    }

    private enum CellMerge
    {
        None,
        Restart,
        Continue,
    }

    private static TableRow Row(bool header, IEnumerable<TableCell> cells)
    {
        // Rows never break across pages; the heading rows repeat at the top of every page.
        var properties = new TableRowProperties(new CantSplit());
        if (header)
        {
            properties.Append(new TableHeader());
        }

        var row = new TableRow(properties);
        row.Append(cells);
        return row;
    }

    private static TableCell Cell(IEnumerable<Paragraph> paragraphs, int span = 1, CellMerge merge = CellMerge.None)
    {
        var properties = new TableCellProperties();
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (merge != CellMerge.None)
        {
            properties.Append(new VerticalMerge { Val = merge == CellMerge.Restart ? MergedCellValues.Restart : MergedCellValues.Continue });
        }

        var cell = new TableCell(properties);
        var content = paragraphs.ToList();
        // A cell must end with a paragraph, even an empty one.
        cell.Append(content.Count == 0 ? [new Paragraph()] : content);
        return cell;
    }

    /// <summary>A direction's heading is not left alone at the foot of a page, away from its first measure.</summary>
    private static Paragraph KeptWithNext(Paragraph paragraph)
    {
        paragraph.ParagraphProperties!.PrependChild(new KeepNext());
        return paragraph;
    }

    private static Paragraph Paragraph(string value) => Paragraph(value, bold: false, JustificationValues.Left);

    internal static Paragraph Paragraph(string value, bool bold, JustificationValues justification, int? size = null)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new Justification { Val = justification }));
        paragraph.Append(PlanDocxStyles.Runs(value, bold, size));
        return paragraph;
    }
}
