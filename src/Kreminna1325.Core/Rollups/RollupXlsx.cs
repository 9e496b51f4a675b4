using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kreminna1325.Core.Exchange;
using Kreminna1325.Core.Plans;
using static Kreminna1325.Core.Exchange.PlanXlsxSheet;
using S = Kreminna1325.Core.Exchange.PlanXlsxStyles;

namespace Kreminna1325.Core.Rollups;

/// <summary>The roll-up's words, from the page's strings, so the workbook reads as the page does.</summary>
public sealed record RollupSheetText(
    string SheetName, string Title, string ApprovedOnly, string Code, string Community, string Plan, string NoPlan,
    string Measures, Func<Monitoring.ImplementationStatus, string> Status, string DueReports, string Submitted, string SubmittedShare,
    string Approved, string ApprovedShare, string Overdue, string Returned, Func<FundingSource, string> Planned, Func<FundingSource, string> Spent,
    string Women, string Men, string WomenShare, string Total);

/// <summary>
/// The roll-up as a workbook, one row per community and the totals, with the exchange feature's writer
/// (<see cref="PlanXlsxSheet"/>): text as text, never formulas, amounts as numbers.
/// </summary>
public static class RollupXlsx
{
    private const int HeadingRow = 3;

    private static readonly Monitoring.ImplementationStatus[] Statuses =
        [Monitoring.ImplementationStatus.Done, Monitoring.ImplementationStatus.InProgress, Monitoring.ImplementationStatus.NotStarted, Monitoring.ImplementationStatus.NotDone];

    public static void Write(Stream stream, Rollup rollup, RollupSheetText text)
    {
        using var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        S.Add(workbook);
        var part = workbook.AddNewPart<WorksheetPart>();
        var sources = Enum.GetValues<FundingSource>();
        string[] headings =
        [
            text.Code, text.Community, text.Plan, text.Measures, .. Statuses.Select(text.Status),
            text.DueReports, text.Submitted, text.SubmittedShare, text.Approved, text.ApprovedShare, text.Overdue, text.Returned,
            .. sources.SelectMany(s => new[] { text.Planned(s), text.Spent(s) }),
            text.Women, text.Men, text.WomenShare,
        ];
        var sheet = Start(part, [24, 44, 40, .. headings.Skip(3).Select(_ => 13.0)], frozenRows: HeadingRow, landscape: true);
        sheet.Write(new TextValue(text.Title, S.Title));
        sheet.Write(new TextValue(text.ApprovedOnly, S.Plain));
        sheet.Write([.. headings.Select(h => new TextValue(h, S.Heading))]);
        foreach (var row in rollup.Rows)
        {
            var plan = row.Plan is { } p ? $"{p.Title} ({p.StartYear}–{p.EndYear})" : text.NoPlan;
            sheet.Write([new TextValue(row.Code, S.Text), new TextValue(row.Name, S.Text), new TextValue(plan, S.Text), .. Figures(row.Figures, S.Number, S.Amount)]);
        }

        sheet.Write([new EmptyValue(S.BoldText), new TextValue(text.Total, S.BoldText), new EmptyValue(S.BoldText), .. Figures(rollup.Totals, S.BoldAmount, S.BoldAmount, counts: false)]);
        var filter = sheet.Finish(filterFromRow: HeadingRow, landscape: true);

        var quoted = "'" + text.SheetName.Replace("'", "''") + "'!";
        workbook.Workbook = new Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0 }),
            new Sheets(new Sheet { Name = text.SheetName, SheetId = 1, Id = workbook.GetIdOfPart(part) }),
            new DefinedNames(new DefinedName(quoted + Absolute(filter!)) { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true }));
        workbook.Workbook.Save();
    }

    /// <summary>The figures' cells in the headings' order; a share with nothing to measure against stays empty.</summary>
    private static IEnumerable<SheetCell> Figures(RollupFigures f, uint count, uint amount, bool counts = true)
    {
        // The totals row is bold throughout; its counts are whole numbers in the amount style, which shows them with one decimal.
        var whole = counts ? count : S.PlainBold;
        SheetCell Share(decimal? share) => share is { } s ? new NumberValue(s, amount) : new EmptyValue(amount);
        return
        [
            new NumberValue(f.Measures.Measures, whole), .. Statuses.Select(s => new NumberValue(f.Measures.Of(s), whole)),
            new NumberValue(f.Reporting.Due, whole), new NumberValue(f.Reporting.Submitted, whole), Share(f.Reporting.SubmittedShare),
            new NumberValue(f.Reporting.Approved, whole), Share(f.Reporting.ApprovedShare),
            new NumberValue(f.Reporting.Overdue, whole), new NumberValue(f.Reporting.Returned, whole),
            .. Enum.GetValues<FundingSource>().SelectMany(s => new SheetCell[] { new NumberValue(f.Of(s).Planned, amount), new NumberValue(f.Of(s).Spent, amount) }),
            new NumberValue(f.People.Women, whole), new NumberValue(f.People.Men, whole), Share(f.People.WomenShare),
        ];
    }

    private static string Absolute(string range) =>
        string.Join(":", range.Split(':').Select(r => "$" + new string([.. r.TakeWhile(char.IsLetter)]) + "$" + new string([.. r.SkipWhile(char.IsLetter)])));
}
