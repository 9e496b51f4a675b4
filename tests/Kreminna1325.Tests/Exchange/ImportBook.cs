using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kreminna1325.Core.Exchange;

namespace Kreminna1325.Tests.Exchange;

/// <summary>A cell written as a formula (with its cached result), as Excel saves "=G5+1".</summary>
public sealed record Formula(string Text, double Result);

/// <summary>
/// Small workbooks for the import, written with the Open XML SDK the way Excel saves them: text in the shared string
/// table, numbers as numbers. Rows are lists of values by column from A; null leaves a cell empty.
/// </summary>
public sealed class ImportBook
{
    private readonly Dictionary<string, List<(int Row, object?[] Cells)>> sheets = [];
    private readonly List<string> merged = [];
    private string? dimension;

    public static readonly object?[] Years = [null, null, null, null, null, null, 2020, 2021, 2022];

    /// <summary>A valid plan of two directions in the layout of <see cref="PlanSheet"/>, rows 1–12.</summary>
    public static ImportBook Valid(string newBody = "Нова тестова")
    {
        var book = new ImportBook();
        book.Row(1, "Місцевий план (тест)");
        book.Row(2, "№", "Зміст заходу", "Відповідальний за виконання", "Термін виконання", "Показники виконання", "Джерела фінансування", "Прогнозний обсяг фінансування");
        book.Row(3, Years);
        book.Row(4, "I", "Запобігання насильству");
        book.Row(5, 1, "Інформаційні заходи", "Планово - фінансовий  відділ\nГромадська організація «" + newBody + "» (за згодою)", "Щоквартально",
            "Кількість заходів\nКількість учасників з розбивкою за статтю", "Місцевий бюджет", 10, "1 234,5", "1234.5");
        book.Row(6, null, null, null, null, null, "Інші кошти", "2\u00A0000,0");
        book.Row(7, 2, "Навчання фахівців", "ПЛАНОВО–ФІНАНСОВИЙ ВІДДІЛ", "Щорічно (1 квартал)", "Наявність плану навчання", "Не потребує");
        book.Row(8, null, "ВСЬОГО ЗА НАПРЯМОМ:", null, null, null, "Місцевий бюджет", 10, 1234.5, 1234.5);
        book.Row(9, null, "ВСЬОГО ЗА НАПРЯМОМ:", null, null, null, "Разом", 2010, 1234.5, 1234.5);
        book.Row(10, "II", "Участь жінок");
        book.Row(11, 1, "Форум", "ВІДДІЛ ЖКГ", "Березень – квітень", "Кількість учасниць", "Місцевий бюджет", null, 5, null);
        book.Row(12, null, "ВСЬОГО ЗА ПІДСУМКОМ:", null, null, null, "Місцевий бюджет", 10, 1239.5, 1234.5);
        return book;
    }

    public ImportBook Row(int row, params object?[] cells) => Row(PlanSheet.PlanSheetName, row, cells);

    public ImportBook Row(string sheet, int row, params object?[] cells)
    {
        if (!sheets.TryGetValue(sheet, out var rows))
        {
            sheets[sheet] = rows = [];
        }

        rows.RemoveAll(r => r.Row == row);
        rows.Add((row, cells));
        return this;
    }

    /// <summary>The extent sheet "План" states before its rows ("A1:I200000"), whatever rows it really has.</summary>
    public ImportBook Dimension(string extent)
    {
        dimension = extent;
        return this;
    }

    public ImportBook Merge(string range)
    {
        merged.Add(range);
        return this;
    }

    public byte[] Bytes(SpreadsheetDocumentType type = SpreadsheetDocumentType.Workbook)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, type))
        {
            var workbook = document.AddWorkbookPart();
            var strings = new List<string>();
            var sheetList = new Sheets();
            uint id = 1;
            foreach (var (name, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData(rows.OrderBy(r => r.Row).Select(r => new Row(r.Cells.Select((value, i) => Cell(value, i + 1, r.Row, strings)).OfType<Cell>())
                {
                    RowIndex = (uint)r.Row,
                }));
                var worksheet = name == PlanSheet.PlanSheetName && dimension is not null
                    ? new Worksheet(new SheetDimension { Reference = dimension }, data)
                    : new Worksheet(data);
                if (name == PlanSheet.PlanSheetName && merged.Count > 0)
                {
                    worksheet.Append(new MergeCells(merged.Select(m => new MergeCell { Reference = m })));
                }

                part.Worksheet = worksheet;
                sheetList.Append(new Sheet { Name = name, SheetId = id++, Id = workbook.GetIdOfPart(part) });
            }

            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
            workbook.Workbook = new Workbook(sheetList);
        }

        return stream.ToArray();
    }

    /// <summary>The bytes with one more zip entry, e.g. a part of zeros that expands far beyond what it weighs.</summary>
    public static byte[] WithEntry(byte[] package, string name, long zeros)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
            var chunk = new byte[1024 * 1024];
            for (long written = 0; written < zeros; written += chunk.Length)
            {
                entry.Write(chunk, 0, (int)Math.Min(chunk.Length, zeros - written));
            }
        }

        return stream.ToArray();
    }

    private static Cell? Cell(object? value, int column, int row, List<string> strings)
    {
        var reference = PlanWorkbookCells.Letter(column) + row;
        switch (value)
        {
            case null:
                return null;
            case Formula f:
                return new Cell { CellReference = reference, CellFormula = new CellFormula(f.Text), CellValue = new CellValue(f.Result) };
            case string s:
                var index = strings.IndexOf(s);
                if (index < 0)
                {
                    strings.Add(s);
                    index = strings.Count - 1;
                }

                return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index) };
            default:
                return new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)) };
        }
    }
}
