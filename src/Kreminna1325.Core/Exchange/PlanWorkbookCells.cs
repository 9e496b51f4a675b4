using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Kreminna1325.Core.Exchange;

/// <summary>One cell as the importer needs it: its text, its number when it is a numeric cell, whether a formula makes it.</summary>
public sealed record WorkbookCell(int Column, string Text, double? Number, bool Formula)
{
    public bool IsBlank => Number is null && !Formula && string.IsNullOrWhiteSpace(Text);
}

public sealed record WorkbookRow(int Number, IReadOnlyDictionary<int, WorkbookCell> Cells)
{
    public WorkbookCell? this[int column] => Cells.TryGetValue(column, out var cell) && !cell.IsBlank ? cell : null;

    public string Text(int column) => this[column]?.Text.Trim() ?? "";

    public bool IsBlank => Cells.Values.All(c => c.IsBlank);
}

/// <summary>Thrown when a sheet has more rows than an import may read; the whole file is refused.</summary>
public sealed class TooManyRowsException(string sheet) : Exception($"Sheet {sheet} has too many rows.")
{
    public string Sheet { get; } = sheet;
}

/// <summary>
/// Reads a workbook's sheets row by row with <see cref="OpenXmlReader"/>: only one row is in memory at a time
/// (plus the shared strings, which the package check has already bounded), so a large sheet costs time, not memory.
/// </summary>
public sealed class PlanWorkbookCells(SpreadsheetDocument document)
{
    public const int MaxRows = 100_000;

    private List<string>? sharedStrings;

    public bool HasSheet(string name) => Part(name) is not null;

    /// <summary>The cell references of merged ranges ("B5:C5"); the import refuses them, as the layout has none.</summary>
    public IReadOnlyList<string> MergedRanges(string sheet)
    {
        var ranges = new List<string>();
        if (Part(sheet) is not { } part)
        {
            return ranges;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(MergeCell) && reader.IsStartElement)
            {
                ranges.Add(reader.Attributes.FirstOrDefault(a => a.LocalName == "ref").Value ?? "");
            }
        }

        return ranges;
    }

    /// <summary>The sheet's non-empty rows in order; rows with nothing in them are yielded too, so the caller can see gaps.</summary>
    public IEnumerable<WorkbookRow> Rows(string sheet)
    {
        if (Part(sheet) is not { } part)
        {
            yield break;
        }

        var strings = SharedStrings();
        using var reader = OpenXmlReader.Create(part);
        var count = 0;
        foreach (var row in Loaded<Row>(reader, sheet))
        {
            if (++count > MaxRows)
            {
                throw new TooManyRowsException(sheet);
            }

            var number = (int)(row.RowIndex?.Value ?? (uint)count);
            if (number > MaxRows)
            {
                throw new TooManyRowsException(sheet);
            }

            var cells = new Dictionary<int, WorkbookCell>();
            var next = 1;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : next;
                next = column + 1;
                cells[column] = Read(cell, column, strings);
            }

            yield return new WorkbookRow(number, cells);
        }
    }

    private static WorkbookCell Read(Cell cell, int column, List<string> strings)
    {
        var formula = cell.CellFormula is not null;
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            var text = int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count ? strings[i] : "";
            return new WorkbookCell(column, text, null, formula);
        }

        if (type == CellValues.InlineString)
        {
            return new WorkbookCell(column, cell.InlineString?.InnerText ?? "", null, formula);
        }

        if (type is null || type == CellValues.Number)
        {
            var number = raw.Length > 0 && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : (double?)null;
            return new WorkbookCell(column, raw, number, formula);
        }

        return new WorkbookCell(column, raw, null, formula);
    }

    /// <summary>"H14" → 8.</summary>
    public static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            column = column * 26 + (c - 'A' + 1);
        }

        return column;
    }

    /// <summary>8 → "H".</summary>
    public static string Letter(int column)
    {
        var letters = "";
        for (; column > 0; column = (column - 1) / 26)
        {
            letters = (char)('A' + (column - 1) % 26) + letters;
        }

        return letters;
    }

    private WorksheetPart? Part(string name)
    {
        var workbook = document.WorkbookPart;
        var sheet = workbook?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault(s => string.Equals(s.Name?.Value?.Trim(), name, StringComparison.OrdinalIgnoreCase));
        return sheet?.Id?.Value is { } id && workbook!.TryGetPartById(id, out var part) ? part as WorksheetPart : null;
    }

    private List<string> SharedStrings()
    {
        if (sharedStrings is not null)
        {
            return sharedStrings;
        }

        sharedStrings = [];
        if (document.WorkbookPart?.SharedStringTablePart is not { } part)
        {
            return sharedStrings;
        }

        using var reader = OpenXmlReader.Create(part);
        foreach (var item in Loaded<SharedStringItem>(reader))
        {
            // Rich text: the text a person sees is the runs' text, without the phonetic hints.
            sharedStrings.Add(item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text)));
        }

        return sharedStrings;
    }

    /// <summary>
    /// Each <typeparamref name="T"/> element loaded alone (one row, one string). Loading moves the reader past the
    /// element onto the next one, so the loop reads on only when it did not load.
    /// </summary>
    private static IEnumerable<T> Loaded<T>(OpenXmlReader reader, string? sheet = null)
        where T : OpenXmlElement
    {
        var onNext = false;
        while (onNext || reader.Read())
        {
            onNext = false;

            // The sheet's own statement of its extent, before its rows: a sheet that says it is too long is not read.
            if (sheet is not null && reader.ElementType == typeof(SheetDimension) && reader.IsStartElement
                && reader.Attributes.FirstOrDefault(a => a.LocalName == "ref").Value is { } extent
                && int.TryParse(string.Concat(extent.Split(':')[^1].SkipWhile(char.IsLetter)), out var last) && last > MaxRows)
            {
                throw new TooManyRowsException(sheet);
            }

            if (reader.ElementType == typeof(T) && reader.IsStartElement)
            {
                yield return (T)reader.LoadCurrentElement()!;
                onNext = !reader.EOF;
            }
        }
    }
}
