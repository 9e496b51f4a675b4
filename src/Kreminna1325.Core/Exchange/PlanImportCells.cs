using static Kreminna1325.Core.Exchange.PlanSheet;

namespace Kreminna1325.Core.Exchange;

/// <summary>
/// The cells of sheet "План" read as values: the year columns of row 3, amounts by year, typed text and lists one per
/// line. A cell that cannot be taken is a problem at its row and column, and is left out.
/// </summary>
internal sealed class PlanImportCells(int startYear, int endYear, PlanImportProblems problems)
{
    private readonly Dictionary<int, int> yearColumns = [];

    public bool ReadYears(WorkbookRow row)
    {
        foreach (var cell in row.Cells.Values.Where(c => c.Column >= FirstYearColumn && !c.IsBlank).OrderBy(c => c.Column))
        {
            var year = cell.Number is { } n && n == Math.Floor(n) ? (int)n : int.TryParse(cell.Text.Trim(), out var y) ? y : (int?)null;
            if (year is null)
            {
                problems.Cell(PlanSheetName, row.Number, cell.Column, "Import.NotAYear", cell.Text.Trim());
            }
            else if (year < startYear || year > endYear)
            {
                problems.Cell(PlanSheetName, row.Number, cell.Column, "Import.YearOutside", year, startYear, endYear);
            }
            else if (yearColumns.ContainsValue(year.Value))
            {
                problems.Cell(PlanSheetName, row.Number, cell.Column, "Import.YearTwice", year);
            }
            else
            {
                yearColumns[cell.Column] = year.Value;
            }
        }

        return true;
    }

    /// <summary>The row's amounts by year; an empty cell is no amount, a cell that is not a plain number is a problem.</summary>
    public IEnumerable<(int Year, decimal Amount)> Amounts(WorkbookRow row)
    {
        foreach (var cell in row.Cells.Values.Where(c => c.Column >= FirstYearColumn && !c.IsBlank).OrderBy(c => c.Column))
        {
            if (!yearColumns.TryGetValue(cell.Column, out var year))
            {
                problems.Cell(PlanSheetName, row.Number, cell.Column, "Import.AmountOutsideYears", Shown(cell));
            }
            else if (cell.Formula)
            {
                problems.Cell(PlanSheetName, row.Number, cell.Column, "Import.Formula");
            }
            else if (ImportAmounts.Read(cell) is not { } amount)
            {
                if (!ImportAmounts.IsNone(cell.Text))
                {
                    problems.Cell(PlanSheetName, row.Number, cell.Column, "Import.NotANumber", cell.Text.Trim());
                }
            }
            else if (ImportAmounts.Problem(amount) is { } key)
            {
                problems.Cell(PlanSheetName, row.Number, cell.Column, key, Shown(cell));
            }
            else
            {
                yield return (year, amount);
            }
        }
    }

    public void RefuseAmounts(WorkbookRow row, string key)
    {
        foreach (var cell in row.Cells.Values.Where(c => c.Column >= FirstYearColumn && !c.IsBlank && !ImportAmounts.IsNone(c.Text)))
        {
            problems.Cell(PlanSheetName, row.Number, cell.Column, key, Shown(cell));
        }
    }

    public List<string> Lines(WorkbookRow row, int column, int maxLength) =>
        Typed(row, column, maxLength * 50, multiLine: true)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line =>
            {
                var problem = Validation.TypedTextRules.Problem(line, maxLength);
                if (problem is not null)
                {
                    problems.Cell(PlanSheetName, row.Number, column, "Import.Text", problem);
                }

                return problem is null;
            })
            .ToList();

    /// <summary>The cell's text as typed, or empty with a problem when it is too long or holds characters no one types.</summary>
    public string Typed(WorkbookRow row, int column, int maxLength, bool multiLine)
    {
        var value = row.Text(column).Replace("\r\n", "\n").Replace('\r', '\n');
        var problem = Validation.TypedTextRules.Problem(value, maxLength, multiLine);
        if (problem is null)
        {
            return value;
        }

        problems.Cell(PlanSheetName, row.Number, column, "Import.Text", problem);
        return "";
    }

    private static string Shown(WorkbookCell cell) => cell.Text.Trim();

}
