using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Kreminna1325.Core.Exchange;

/// <summary>
/// One worksheet written row by row (SAX), so a plan of thousands of measures never sits in memory as a
/// document tree. Text goes in as inline strings, never as formulas: a title typed as "=HYPERLINK(…)" stays text.
/// </summary>
internal sealed class PlanXlsxSheet
{
    /// <summary>Points of one line of 10-point Arial, and how many characters of Ukrainian text a column of width 1 holds (its unit is a digit, wider than most letters).</summary>
    private const double LineHeight = 12.75, CharactersPerWidth = 1.1, MaxRowHeight = 409;

    /// <summary>Breaking at spaces leaves the end of most lines empty.</summary>
    private const double WordWrapSlack = 1.1;

    private readonly OpenXmlWriter writer;
    private readonly IReadOnlyList<double> widths;

    public int Row { get; private set; }

    private PlanXlsxSheet(OpenXmlWriter writer, IReadOnlyList<double> widths) => (this.writer, this.widths) = (writer, widths);

    /// <summary>Starts a sheet whose first <paramref name="frozenRows"/> rows stay in view, with the given column widths.</summary>
    public static PlanXlsxSheet Start(WorksheetPart part, IReadOnlyList<double> widths, int frozenRows, bool landscape)
    {
        var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        var view = new SheetView { WorkbookViewId = 0 };
        if (frozenRows > 0)
        {
            var topLeft = "A" + (frozenRows + 1).ToString(CultureInfo.InvariantCulture);
            view.Append(
                new Pane { VerticalSplit = frozenRows, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue>([topLeft]) });
        }

        writer.WriteElement(new SheetViews(view));
        writer.WriteElement(new Columns(widths.Select((w, i) => new Column
        {
            Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true,
        })));
        writer.WriteStartElement(new SheetData());
        return new PlanXlsxSheet(writer, widths);
    }

    /// <summary>Writes the next row; a null cell is left out, so it reads back as empty.</summary>
    public void Write(params IReadOnlyList<SheetCell?> cells)
    {
        Row++;
        var row = new Row { RowIndex = (uint)Row };
        var lines = 1;
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is { } cell)
            {
                row.Append(cell.ToCell(Reference(i + 1, Row)));
                if (cell is TextValue text && PlanXlsxStyles.Wraps(text.Style) && i < widths.Count)
                {
                    lines = Math.Max(lines, Lines(text.Value, widths[i]));
                }
            }
        }

        // A spreadsheet sizes a row to its wrapped text only when it recalculates, and LibreOffice does not on opening a
        // file: without a height, a long measure would show its first line only.
        if (lines > 1)
        {
            row.Height = Math.Min(lines * LineHeight, MaxRowHeight);
            row.CustomHeight = true;
        }

        writer.WriteElement(row);
    }

    /// <summary>Lines the text takes wrapped in a column of this width: each line of it, broken where it no longer fits.</summary>
    private static int Lines(string text, double width)
    {
        var perLine = Math.Max(1, width * CharactersPerWidth - 1);
        return text.Split('\n').Sum(line => Math.Max(1, (int)Math.Ceiling(line.Length * WordWrapSlack / perLine)));
    }

    /// <summary>Ends the sheet, with an autofilter from <paramref name="filterFromRow"/> (the lowest heading row) to the last row.</summary>
    public string? Finish(int? filterFromRow, bool landscape)
    {
        writer.WriteEndElement();
        string? filter = null;
        if (filterFromRow is { } from)
        {
            filter = $"{Reference(1, from)}:{Reference(widths.Count, Math.Max(Row, from))}";
            writer.WriteElement(new AutoFilter { Reference = filter });
        }

        writer.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 });
        // A4, as wide as the page and as long as it takes.
        writer.WriteElement(new PageSetup
        {
            PaperSize = 9, Orientation = landscape ? OrientationValues.Landscape : OrientationValues.Portrait, FitToWidth = 1, FitToHeight = 0,
        });
        writer.WriteEndElement();
        writer.Close();
        return filter;
    }

    public static string Reference(int column, int row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    public static string ColumnName(int column)
    {
        var name = "";
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + (c - 1) % 26) + name;
        }

        return name;
    }

    /// <summary>A cell's value and style, placed when its row is written.</summary>
    internal abstract record SheetCell(uint Style)
    {
        public abstract Cell ToCell(string reference);
    }

    internal sealed record TextValue(string Value, uint Style) : SheetCell(Style)
    {
        public override Cell ToCell(string reference)
        {
            var text = new Text(XmlSafe(Value));
            if (text.Text.Length > 0 && (char.IsWhiteSpace(text.Text[0]) || char.IsWhiteSpace(text.Text[^1])))
            {
                text.Space = SpaceProcessingModeValues.Preserve;
            }

            return new Cell(new InlineString(text)) { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = Style };
        }
    }

    internal sealed record NumberValue(decimal Value, uint Style) : SheetCell(Style)
    {
        public override Cell ToCell(string reference) => new(new DocumentFormat.OpenXml.Spreadsheet.CellValue(Value.ToString(CultureInfo.InvariantCulture)))
        {
            CellReference = reference, StyleIndex = Style,
        };
    }

    /// <summary>Only the style: the table's borders and shading run on over empty cells.</summary>
    internal sealed record EmptyValue(uint Style) : SheetCell(Style)
    {
        public override Cell ToCell(string reference) => new() { CellReference = reference, StyleIndex = Style };
    }

    /// <summary>A cell holds at most 32,767 characters, and only those XML can carry (<see cref="XmlText"/>).</summary>
    private static string XmlSafe(string value) => XmlText.Cut(XmlText.Clean(value), MaxCellLength);

    private const int MaxCellLength = 32767;
}
