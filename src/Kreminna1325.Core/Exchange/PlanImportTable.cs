using System.Text.RegularExpressions;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Seed;
using static Kreminna1325.Core.Exchange.PlanSheet;

namespace Kreminna1325.Core.Exchange;

/// <summary>What sheet "План" says, in the transcribed plan's own shape, so the seed's builder makes the plan from it.</summary>
internal sealed class PlanImportDraft
{
    public List<DirectionDocument> Directions { get; } = [];
    public List<PrintedTotalDocument> PlanTotals { get; } = [];

    /// <summary>Each body as first written, by its matching key (see <see cref="BodyNames.Key"/>).</summary>
    public Dictionary<string, string> Bodies { get; } = [];
}

/// <summary>
/// Reads sheet "План" row by row by the layout of <see cref="PlanSheet"/>: direction rows, measure rows, further funding
/// rows, total blocks. Every cell that cannot be taken becomes a problem at its row and column; reading goes on, so one
/// pass tells a person everything to fix.
/// </summary>
internal sealed partial class PlanImportTable(PlanSheetText text, int startYear, int endYear, PlanImportProblems problems)
{
    private readonly PlanImportCells cells = new(startYear, endYear, problems);
    private readonly PlanImportDraft draft = new();
    private DirectionDocument? direction;
    private MeasureDocument? measure;
    private List<PrintedTotalDocument>? totals;
    private int? firstBlank;

    public PlanImportDraft Read(IEnumerable<WorkbookRow> rows)
    {
        var sawYears = false;
        foreach (var row in rows)
        {
            if (row.Number < FirstDataRow)
            {
                sawYears |= row.Number == YearRow && cells.ReadYears(row);
                continue;
            }

            if (!sawYears)
            {
                problems.Row(PlanSheetName, YearRow, "Import.NoYears", PlanWorkbookCells.Letter(FirstYearColumn));
                sawYears = true;
            }

            if (row.IsBlank)
            {
                firstBlank ??= row.Number;
                continue;
            }

            if (firstBlank is { } blank)
            {
                // Empty rows are only a problem inside the table; after its last row they are just the sheet's end.
                problems.Row(PlanSheetName, blank, "Import.EmptyRows", blank, row.Number - 1);
                firstBlank = null;
            }

            ReadRow(row);
        }

        if (!sawYears)
        {
            problems.Row(PlanSheetName, YearRow, "Import.NoYears", PlanWorkbookCells.Letter(FirstYearColumn));
        }
        else if (draft.Directions.Count == 0)
        {
            problems.Sheet(PlanSheetName, "Import.NoMeasures");
        }

        return draft;
    }

    private void ReadRow(WorkbookRow row)
    {
        var number = row.Text(NumberColumn);
        var label = row.Text(ContentColumn);
        if (SameLabel(label, text.Document.DirectionTotal) || SameLabel(label, text.Document.GrandTotal))
        {
            ReadTotal(row, grand: SameLabel(label, text.Document.GrandTotal));
            return;
        }

        totals = null;
        // A direction row holds its number and title and nothing else; its number is usually Roman, but a plan may count "1", "2".
        var onlyTitle = row.Cells.Values.All(c => c.IsBlank || c.Column <= ContentColumn);
        if (RomanNumber().IsMatch(number) || (onlyTitle && label.Length > 0 && MeasureNumber().IsMatch(number)))
        {
            ReadDirection(row, number.TrimEnd('.'));
        }
        else if (MeasureNumber().Match(number) is { Success: true } match)
        {
            ReadMeasure(row, int.Parse(match.Groups[1].Value));
        }
        else if (number.Length == 0 && Enumerable.Range(ContentColumn, SourceColumn - ContentColumn).All(c => row[c] is null) && row[SourceColumn] is not null)
        {
            if (measure is null)
            {
                problems.Row(PlanSheetName, row.Number, "Import.FundingWithoutMeasure");
                return;
            }

            ReadFunding(row, measure, allowNote: false);
        }
        else if (number.Length > 0)
        {
            problems.Cell(PlanSheetName, row.Number, NumberColumn, "Import.BadNumber", number);
        }
        else
        {
            problems.Row(PlanSheetName, row.Number, "Import.UnknownRow");
        }
    }

    private void ReadDirection(WorkbookRow row, string number)
    {
        measure = null;
        var title = cells.Typed(row, ContentColumn, Plans.Editing.DirectionEditor.TitleMaxLength, multiLine: false);
        if (title.Length == 0)
        {
            problems.Cell(PlanSheetName, row.Number, ContentColumn, "Import.DirectionTitleRequired");
        }

        if (draft.Directions.Any(d => d.Number == number))
        {
            problems.Cell(PlanSheetName, row.Number, NumberColumn, "Import.DirectionTwice", number);
        }

        direction = new DirectionDocument(number, title, [], []);
        draft.Directions.Add(direction);
    }

    private void ReadMeasure(WorkbookRow row, int number)
    {
        if (direction is null)
        {
            problems.Cell(PlanSheetName, row.Number, NumberColumn, "Import.MeasureWithoutDirection", number);
            measure = null;
            return;
        }

        if (direction.Measures.Any(m => m.Number == number))
        {
            problems.Cell(PlanSheetName, row.Number, NumberColumn, "Import.MeasureTwice", direction.Number, number);
        }

        var content = cells.Typed(row, ContentColumn, Measure.ContentMaxLength, multiLine: true);
        if (content.Length == 0)
        {
            problems.Cell(PlanSheetName, row.Number, ContentColumn, "Import.ContentRequired");
        }

        var termText = cells.Typed(row, TermColumn, Term.TextMaxLength, multiLine: true);
        if (!TermParser.TryParse(termText, out _))
        {
            problems.Cell(PlanSheetName, row.Number, TermColumn, "Import.TermUnknown", termText);
        }

        measure = new MeasureDocument(number, content, null, Responsible(row), termText, cells.Lines(row, IndicatorsColumn, Indicator.TextMaxLength),
            null, null, []);
        direction.Measures.Add(measure);
        ReadFunding(row, measure, allowNote: true);
    }

    private List<ResponsibleDocument> Responsible(WorkbookRow row)
    {
        var suffix = $"({text.Document.ByAgreement.Trim()})";
        var result = new List<ResponsibleDocument>();
        foreach (var line in cells.Lines(row, ResponsibleColumn, ResponsibleBody.NameMaxLength))
        {
            var byAgreement = line.EndsWith(suffix, StringComparison.CurrentCultureIgnoreCase);
            var name = byAgreement ? line[..^suffix.Length].Trim() : line;
            var key = BodyNames.Key(name);
            if (result.Any(r => r.Body == key))
            {
                problems.Cell(PlanSheetName, row.Number, ResponsibleColumn, "Import.BodyTwice", name);
                continue;
            }

            draft.Bodies.TryAdd(key, name);
            result.Add(new ResponsibleDocument(key, byAgreement));
        }

        if (result.Count == 0)
        {
            problems.Cell(PlanSheetName, row.Number, ResponsibleColumn, "Import.BodyRequired");
        }

        return result;
    }

    private void ReadFunding(WorkbookRow row, MeasureDocument into, bool allowNote)
    {
        var word = row.Text(SourceColumn);
        if (word.Length == 0)
        {
            cells.RefuseAmounts(row, "Import.AmountWithoutSource");
            return;
        }

        if (allowNote && text.NoteNamed(word) is { } note)
        {
            // The record is positional; its note is replaced rather than rebuilt.
            var index = direction!.Measures.IndexOf(into);
            direction.Measures[index] = measure = into with { FundingNote = note };
            cells.RefuseAmounts(row, "Import.AmountWithNote");
            return;
        }

        if (text.SourceNamed(word) is not { } source)
        {
            problems.Cell(PlanSheetName, row.Number, SourceColumn, "Import.UnknownSource", word, text.Document.Source(FundingSource.Local), text.Document.Source(FundingSource.Other));
            return;
        }

        foreach (var (year, amount) in cells.Amounts(row))
        {
            if (into.FundingLines.Any(f => f.Source == source && f.Year == year))
            {
                problems.Cell(PlanSheetName, row.Number, SourceColumn, "Import.SourceTwice", word, year);
                return;
            }

            into.FundingLines.Add(new FundingLineDocument(source, year, amount));
        }
    }

    private void ReadTotal(WorkbookRow row, bool grand)
    {
        var word = row.Text(SourceColumn);
        if (grand)
        {
            totals = draft.PlanTotals;
        }
        else if (direction is null)
        {
            problems.Cell(PlanSheetName, row.Number, ContentColumn, "Import.TotalWithoutDirection");
            return;
        }
        else
        {
            totals = direction.PrintedTotals;
        }

        measure = null;
        if (SameLabel(word, text.Document.AllSources))
        {
            cells.Amounts(row).ToList(); // recomputed by the program; read only so a bad cell is still reported
            return;
        }

        if (text.SourceNamed(word) is not { } source)
        {
            problems.Cell(PlanSheetName, row.Number, SourceColumn, "Import.UnknownSource", word, text.Document.Source(FundingSource.Local), text.Document.Source(FundingSource.Other));
            return;
        }

        foreach (var (year, amount) in cells.Amounts(row))
        {
            totals.RemoveAll(t => t.Source == source && t.Year == year);
            totals.Add(new PrintedTotalDocument(null, source, year, amount));
        }
    }

    /// <summary>People retype "ВСЬОГО ЗА НАПРЯМОМ" without its colon or in another case.</summary>
    private static bool SameLabel(string written, string label) =>
        string.Equals(written.Trim().TrimEnd(':').Trim(), label.Trim().TrimEnd(':').Trim(), StringComparison.CurrentCultureIgnoreCase);

    [GeneratedRegex(@"^[IVXLC]{1,9}\.?$")]
    private static partial Regex RomanNumber();

    [GeneratedRegex(@"^(\d{1,4})\.?$")]
    private static partial Regex MeasureNumber();
}
