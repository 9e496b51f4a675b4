using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Exchange;

/// <summary>
/// The annual monitoring report as a Word document (A4 portrait, the plan's own look from <see cref="PlanDocxStyles"/>):
/// a title page, the summary, a section per direction and measure, and the annex of measures nobody reported on.
/// </summary>
public static class AnnualReportDocx
{
    /// <summary>A4 portrait in twentieths of a point, with 2 cm margins.</summary>
    private const int PageWidth = 11906, PageHeight = 16838, Margin = 1134;

    private const int Width = PageWidth - 2 * Margin;

    public static void Write(Stream stream, AnnualReport report, AnnualReportText text)
    {
        using var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        PlanDocxStyles.Add(main);

        var body = new Body();
        TitlePage(body, report, text);
        Summary(body, report, text);
        body.Append(Heading(text.MeasuresHeading, 28, 1));
        body.Append(Plain(text.ValuesNote));
        foreach (var direction in report.Directions)
        {
            body.Append(Heading($"{direction.Number}. {direction.Title}", 26, 2));
            foreach (var measure in direction.Measures)
            {
                Measure(body, measure, text);
            }
        }

        Annex(body, report, text);
        body.Append(new SectionProperties(
            new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin { Top = Margin, Bottom = Margin, Left = Margin, Right = Margin, Header = 709, Footer = 709, Gutter = 0 }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static void TitlePage(Body body, AnnualReport report, AnnualReportText text)
    {
        body.Append(Centered(report.Plan.Municipality, 28));
        body.Append(Centered(report.Plan.Title, 28));
        body.Append(Centered(text.Title(report.Year), 32));
        body.Append(Centered(text.Made(report.Made), null));
        body.Append(Centered(text.ApprovedOnly, null));
        body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
    }

    private static void Summary(Body body, AnnualReport report, AnnualReportText text)
    {
        var s = report.Summary;
        body.Append(Heading(text.SummaryHeading(report.Year), 28, 1));

        body.Append(Table([7000, Width - 7000], [text.ByStatus, text.CountColumn],
        [
            [text.MeasuresTotal, text.Count(s.Measures)],
            .. new[] { ImplementationStatus.Done, ImplementationStatus.InProgress, ImplementationStatus.NotStarted, ImplementationStatus.NotDone }
                .Select(status => new[] { text.Status(status), text.Count(s.ByStatus[status]) }),
        ]));

        body.Append(Table([7000, Width - 7000], [text.Reporting, text.CountColumn],
        [
            [text.DueReports, text.Count(s.DueReports)],
            [text.Submitted, text.Count(s.Submitted)],
            [text.Approved, text.Count(s.Approved)],
            [text.Overdue, text.Count(s.Overdue)],
            [text.Returned, text.Count(s.Returned)],
        ]));

        body.Append(Heading(text.BudgetHeading, 24, 2));
        body.Append(Table([3600, 2000, 2000, Width - 7600], [text.SourceColumn, text.Planned, text.Spent, text.Execution],
        [
            .. s.Budget.Select(b => new[] { text.Source(b.Source), text.Amount(b.Planned), text.Amount(b.Spent), text.Percent(b.Execution) }),
            [text.AllSources, text.Amount(s.Planned), text.Amount(s.Spent), text.Percent(s.Execution)],
        ]));

        body.Append(Heading(text.Reach, 24, 2));
        body.Append(Plain(text.ReachNote));
        body.Append(Table([7000, Width - 7000], [text.Dimension(Disaggregation.Sex), text.CountColumn],
        [
            [text.Women, text.Count(s.Women)],
            [text.Men, text.Count(s.Men)],
            [text.WomenShare, text.Percent(s.WomenShare)],
        ]));
        body.Append(Table([7000, Width - 7000], [text.Dimension(Disaggregation.Age), text.CountColumn],
            [.. s.Ages.Select(a => new[] { text.Category(a.Key), text.Count(a.Value) })]));
        body.Append(Table([7000, Width - 7000], [text.Vulnerable, text.CountColumn],
            [.. s.Vulnerable.Where(v => v.Key != Breakdowns.None).Select(v => new[] { text.Category(v.Key), text.Count(v.Value) })]));
        body.Append(Plain(text.VulnerableNote));
    }

    private static void Measure(Body body, AnnualMeasure measure, AnnualReportText text)
    {
        body.Append(Heading($"{measure.Number}. {measure.Content}", 22, 3));
        body.Append(Labelled(text.StatusLabel, text.Status(measure.Status)));

        body.Append(Label(text.DoneHeading));
        if (measure.Narratives.Count == 0)
        {
            body.Append(Plain(text.NoNarrative));
        }

        foreach (var n in measure.Narratives)
        {
            body.Append(Labelled(text.Period(n), string.IsNullOrWhiteSpace(n.Narrative) ? text.NoNarrative : n.Narrative));
            if (!string.IsNullOrWhiteSpace(n.NotDoneReason))
            {
                body.Append(Plain(text.NotDoneReason(n.NotDoneReason)));
            }
        }

        if (measure.Indicators.Count > 0)
        {
            body.Append(Label(text.IndicatorsHeading));
            body.Append(Table([5200, Width - 5200], [text.IndicatorColumn, text.ValueColumn],
                measure.Indicators.Select(i => new[] { i.Text, text.Value(i) }.Concat(i.Breakdowns.Select(b => Breakdown(b, text)).OfType<string>()).ToArray()),
                valueLines: true));
        }

        body.Append(Label(text.MoneyHeading));
        if (measure.Money.Count == 0)
        {
            body.Append(Plain(text.NoMoney));
        }
        else
        {
            body.Append(Table([3600, 2000, 2000, Width - 7600], [text.SourceColumn, text.Planned, text.Spent, text.Execution],
                measure.Money.Select(m => new[] { text.Source(m.Source), text.Amount(m.Planned), text.Amount(m.Spent), text.Percent(m.Execution) })));
        }

        body.Append(Label(text.EvidenceHeading));
        if (measure.Evidence.Count == 0)
        {
            body.Append(Plain(text.NoEvidence));
        }

        body.Append(measure.Evidence.Select(PlanDocxStyles.ListItem));
    }

    /// <summary>A breakdown's cells that hold anyone, one line; an overlapping one says its categories are not added up.</summary>
    public static string? Breakdown(AnnualBreakdown breakdown, AnnualReportText text)
    {
        var cells = breakdown.Cells.Where(c => c.Count > 0).ToList();
        return cells.Count == 0
            ? null
            : $"{text.Dimension(breakdown.Dimension)}{(breakdown.Overlapping ? $" ({text.Overlapping})" : "")}: "
              + string.Join(", ", cells.Select(c => $"{text.Category(c.Category)} {text.Count(c.Count)}"));
    }

    private static void Annex(Body body, AnnualReport report, AnnualReportText text)
    {
        body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
        body.Append(Heading(text.AnnexHeading(report.Year), 28, 1));
        var unreported = report.Unreported;
        body.Append(Plain(unreported.Count == 0 ? text.AnnexNone(report.Year) : text.AnnexIntro(report.Year)));
        body.Append(unreported.Select(m => PlanDocxStyles.ListItem($"{m.Number}. {m.Content}")));
    }

    /// <param name="valueLines">The second column's first value and every value after it are lines of one cell.</param>
    private static Table Table(int[] widths, string[] headings, IEnumerable<string[]> rows, bool valueLines = false)
    {
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
        table.Append(Row(headings.Select(h => Cell(h, bold: true)), header: true));
        foreach (var row in rows)
        {
            table.Append(valueLines
                ? Row([Cell(row[0], bold: false), Cell(row.Skip(1), bold: false)], header: false)
                : Row(row.Select(c => Cell(c, bold: false)), header: false));
        }

        return table;
    }

    private static TableRow Row(IEnumerable<TableCell> cells, bool header)
    {
        var properties = new TableRowProperties(new CantSplit());
        if (header)
        {
            properties.Append(new TableHeader());
        }

        var row = new TableRow(properties);
        row.Append(cells);
        return row;
    }

    private static TableCell Cell(string value, bool bold) => Cell([value], bold);

    private static TableCell Cell(IEnumerable<string> lines, bool bold)
    {
        var cell = new TableCell(new TableCellProperties());
        cell.Append(lines.Select(l => PlanDocx.Paragraph(l, bold, JustificationValues.Left)));
        if (!cell.Elements<Paragraph>().Any())
        {
            cell.Append(new Paragraph());
        }

        return cell;
    }

    /// <summary>A heading of the document's outline (the summary, the measures, the annex; their sections; a measure).</summary>
    private static Paragraph Heading(string value, int size, int level) => KeptWithNext(value, size, before: "240", after: "120", level);

    private static Paragraph Label(string value) => KeptWithNext(value, null, before: "120", after: "0", level: null);

    /// <summary>A heading is not left alone at the foot of a page, away from what it heads.</summary>
    private static Paragraph KeptWithNext(string value, int? size, string before, string after, int? level)
    {
        // In the schema's order: style, keep-with-next, spacing, justification.
        var properties = new ParagraphProperties(
            new KeepNext(), new SpacingBetweenLines { Before = before, After = after }, new Justification { Val = JustificationValues.Left });
        if (level is { } l)
        {
            properties.PrependChild(new ParagraphStyleId { Val = PlanDocxStyles.HeadingStyle(l) });
        }

        var paragraph = new Paragraph(properties);
        paragraph.Append(PlanDocxStyles.Runs(value, bold: true, size));
        return paragraph;
    }

    /// <summary>"Label: value" with the label bold; the value is typed text and stays text.</summary>
    private static Paragraph Labelled(string label, string value)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Both }));
        paragraph.Append(PlanDocxStyles.Runs(label + ": ", bold: true, size: null));
        paragraph.Append(PlanDocxStyles.Runs(value, bold: false, size: null));
        return paragraph;
    }

    private static Paragraph Plain(string value) => PlanDocx.Paragraph(value, bold: false, JustificationValues.Left);

    private static Paragraph Centered(string value, int? size) => PlanDocx.Paragraph(value, bold: size is not null, JustificationValues.Center, size);
}
