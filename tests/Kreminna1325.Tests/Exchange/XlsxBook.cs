using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Kreminna1325.Tests.Exchange;

/// <summary>A workbook read back as a person's spreadsheet shows it: sheets by name, cells by row and column.</summary>
public sealed class XlsxBook : IDisposable
{
    public SpreadsheetDocument Document { get; }

    public XlsxBook(Stream stream) => Document = SpreadsheetDocument.Open(stream, false);

    public IReadOnlyList<string> SheetNames =>
        [.. Document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];

    public WorksheetPart Part(string name)
    {
        var sheet = Document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)Document.WorkbookPart.GetPartById(sheet.Id!);
    }

    /// <summary>Cells by (row, column), both from 1, from their references.</summary>
    public Dictionary<(int Row, int Column), Cell> Cells(string name) =>
        Part(name).Worksheet!.Descendants<Cell>().ToDictionary(c => Position(c.CellReference!));

    public static (int Row, int Column) Position(string reference)
    {
        var letters = new string([.. reference.TakeWhile(char.IsLetter)]);
        var column = letters.Aggregate(0, (n, c) => n * 26 + (c - 'A' + 1));
        return (int.Parse(reference[letters.Length..], CultureInfo.InvariantCulture), column);
    }

    public static string? Text(Dictionary<(int, int), Cell> cells, int row, int column) =>
        cells.TryGetValue((row, column), out var cell) ? Text(cell) : null;

    /// <summary>What the cell says: an inline string's text or a number as written; null for a cell with no value.</summary>
    public static string? Text(Cell cell) =>
        cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText
        : cell.CellValue?.Text;

    /// <summary>The cell's number; fails the test if the cell holds text, as an amount never may.</summary>
    public static decimal? Number(Dictionary<(int, int), Cell> cells, int row, int column)
    {
        if (!cells.TryGetValue((row, column), out var cell) || cell.CellValue is null && cell.InlineString is null)
        {
            return null;
        }

        Assert.True(cell.DataType is null || cell.DataType.Value == CellValues.Number, $"{cell.CellReference} is not a number");
        return decimal.Parse(cell.CellValue!.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    public string? NumberFormat(Cell cell)
    {
        var styles = Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet!;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        return styles.NumberingFormats?.Elements<NumberingFormat>()
            .FirstOrDefault(f => f.NumberFormatId?.Value == format.NumberFormatId?.Value)?.FormatCode?.Value;
    }

    public void Dispose() => Document.Dispose();
}
