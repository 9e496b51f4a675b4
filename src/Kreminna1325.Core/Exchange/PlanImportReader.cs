using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Kreminna1325.Core.Monitoring;
using static Kreminna1325.Core.Exchange.PlanSheet;

namespace Kreminna1325.Core.Exchange;

/// <summary>Everything the workbook says, before it meets the registry and the database.</summary>
internal sealed record PlanImportRead(
    PlanImportDraft Draft,
    List<ImportPrinted> Reconciliation,
    Dictionary<(string Direction, int Measure, int Position), ImportIndicator> Indicators,
    Dictionary<string, ImportBody> Bodies);

/// <summary>
/// Opens an uploaded workbook only after the package check evidence files get (a real XLSX, no macros, no zip bomb:
/// declared and real sizes both bounded), then reads its sheets streaming. Returns null when the file as a whole is refused.
/// </summary>
internal static class PlanImportReader
{
    /// <summary>A sheet part of the largest workbook the package check lets through is far below this.</summary>
    private const long MaxCharactersInPart = 60L * 1024 * 1024;

    /// <summary>Excel 97–2003 (.xls) is an OLE compound file, not a zip: a person saved it in the old format.</summary>
    private static readonly byte[] CompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static PlanImportRead? Read(byte[] bytes, PlanSheetText text, int startYear, int endYear, PlanImportProblems problems)
    {
        if (bytes.AsSpan().StartsWith(CompoundFile))
        {
            problems.File("Import.OldExcel");
            return null;
        }

        var check = OfficePackages.Inspect(bytes);
        if (check.Problem is { } problem)
        {
            problems.File(problem switch
            {
                EvidenceProblem.Macros => "Import.Macros",
                EvidenceProblem.Expands => "Import.Expands",
                _ => "Import.NotASpreadsheet",
            });
            return null;
        }

        if (check.ContentType != OfficePackages.Xlsx)
        {
            problems.File(check.ContentType == OfficePackages.Docx ? "Import.WordDocument" : "Import.NotASpreadsheet");
            return null;
        }

        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), false,
                new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            var cells = new PlanWorkbookCells(document);
            if (!cells.HasSheet(PlanSheetName))
            {
                problems.File("Import.NoPlanSheet", PlanSheetName);
                return null;
            }

            foreach (var range in cells.MergedRanges(PlanSheetName))
            {
                var first = range.Split(':')[0];
                var row = int.TryParse(string.Concat(first.SkipWhile(char.IsLetter)), out var r) ? r : 0;
                problems.Cell(PlanSheetName, row, PlanWorkbookCells.ColumnOf(first), "Import.Merged", range);
            }

            var draft = new PlanImportTable(text, startYear, endYear, problems).Read(cells.Rows(PlanSheetName));
            var sheets = new PlanImportSheets(cells, text, problems);
            return new PlanImportRead(draft, sheets.Reconciliation(), sheets.Indicators(), sheets.Bodies());
        }
        catch (TooManyRowsException e)
        {
            problems.Refuse(e.Sheet, "Import.TooManyRows", PlanWorkbookCells.MaxRows);
            return null;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException
            or FileFormatException or InvalidOperationException or NotSupportedException)
        {
            // The package check passed but the SDK cannot read it: a workbook broken inside.
            problems.Refuse(null, "Import.Broken");
            return null;
        }
    }
}
