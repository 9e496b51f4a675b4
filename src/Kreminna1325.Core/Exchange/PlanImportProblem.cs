namespace Kreminna1325.Core.Exchange;

/// <summary>
/// Something in the workbook the import cannot take, where a person can find it: sheet, row and column letter
/// (null for the file as a whole). The message is whole, place included: «рядок 14, стовпець H: «2,5 тис» — не число».
/// </summary>
public sealed record PlanImportProblem(string? Sheet, int? Row, string? Column, string Message);

/// <summary>The problems of one reading, each message in Core's resources with its place in front.</summary>
internal sealed class PlanImportProblems
{
    /// <summary>A broken file would otherwise answer with a message for every one of its rows.</summary>
    public const int MaxProblems = 500;

    private readonly List<PlanImportProblem> list = [];

    public IReadOnlyList<PlanImportProblem> All => list;

    public bool Any => list.Count > 0;

    /// <summary>The file is refused as a whole: what was said about its rows no longer matters.</summary>
    public void Refuse(string? sheet, string key, params object[] args)
    {
        list.Clear();
        if (sheet is null)
        {
            File(key, args);
        }
        else
        {
            Sheet(sheet, key, args);
        }
    }

    public void File(string key, params object[] args) => Add(null, null, null, Messages.Get(key, args));

    public void Sheet(string sheet, string key, params object[] args) =>
        Add(sheet, null, null, Messages.Get("Import.AtSheet", sheet, Messages.Get(key, args)));

    public void Row(string sheet, int row, string key, params object[] args) =>
        Add(sheet, row, null, Messages.Get("Import.AtRow", row, Messages.Get(key, args)));

    public void Cell(string sheet, int row, int column, string key, params object[] args)
    {
        var letter = PlanWorkbookCells.Letter(column);
        Add(sheet, row, letter, Messages.Get("Import.AtCell", row, letter, Messages.Get(key, args)));
    }

    private void Add(string? sheet, int? row, string? column, string message)
    {
        if (list.Count < MaxProblems)
        {
            list.Add(new PlanImportProblem(sheet, row, column, message));
        }
        else if (list.Count == MaxProblems)
        {
            list.Add(new PlanImportProblem(null, null, null, Messages.Get("Import.TooManyProblems", MaxProblems)));
        }
    }
}
