namespace Kreminna1325.Core.Exchange;

/// <summary>
/// The plan's workbook layout, shared by the export, the template and the import, so that what one writes
/// the other reads. The workbook is always Ukrainian, like the council's document.
/// </summary>
/// <remarks>
/// Sheet "План" (the council's table, no merged cells, so people can sort, filter and fill it in):
/// <list type="bullet">
/// <item>Row 1: the plan's title. Row 2: the column headings; the funding heading stands in the first year
/// column and is centred across the year columns (no merge). Row 3: the years, one column per plan year.
/// Rows 1–3 are frozen.</item>
/// <item>A direction row: its number (I, II, …) in A, its title in B, nothing else.</item>
/// <item>A measure row: its number inside the direction in A (a number, "1" or "1."), content, responsible
/// bodies (one per line, "(за згодою)" after a body that takes part by agreement), term as printed,
/// indicators (one per line), and in F either a funding note or the first source with its amounts in the
/// year columns.</item>
/// <item>A further funding row of the measure above: A–E empty, the next source in F, its amounts.</item>
/// <item>A total block after each direction ("ВСЬОГО ЗА НАПРЯМОМ") and at the end ("ВСЬОГО ЗА ПІДСУМКОМ"):
/// the label in B of every row of the block, a source in F and its amounts, then the all-sources row.
/// A number in a source row is the total as printed in the document; an empty cell means none was printed.
/// The export writes the computed total there, except where the document printed none and it is zero;
/// where the printed total differs, sheet "Звірка" holds the printed figure.</item>
/// <item>Amounts are numeric cells in thousands of hryvnias with a number format; zero shows as "-".</item>
/// </list>
/// Sheet "Звірка": the printed totals that differ from the computed ones (an empty "printed" cell: the document
/// printed no figure). On import it overrides the total rows. Sheet "Показники" (optional on import): each
/// indicator's kind and breakdowns, by direction, measure number and position; missing rows are inferred from
/// the wording. Sheet "Довідники": the responsible bodies with short names, kinds and aliases (used on import
/// for bodies the registry does not know yet), and the term kinds. Sheet "Бюджет": totals by direction ×
/// source × year, for reading only.
/// </remarks>
public static class PlanSheet
{
    public const string PlanSheetName = "План";
    public const string BudgetSheetName = "Бюджет";
    public const string ReconciliationSheetName = "Звірка";
    public const string RegistrySheetName = "Довідники";
    public const string IndicatorsSheetName = "Показники";
    public const string InstructionsSheetName = "Інструкція";

    public const int TitleRow = 1;
    public const int HeadingRow = 2;
    public const int YearRow = 3;
    public const int FirstDataRow = 4;

    /// <summary>1-based column numbers of sheet "План"; the year columns start at <see cref="FirstYearColumn"/>.</summary>
    public const int NumberColumn = 1, ContentColumn = 2, ResponsibleColumn = 3, TermColumn = 4, IndicatorsColumn = 5,
        SourceColumn = 6, FirstYearColumn = 7;

    /// <summary>Amounts in thousands of hryvnias, one decimal, zero as "-"; the reader's locale decides the separator.</summary>
    public const string AmountFormat = "#,##0.0;-#,##0.0;\"-\"";

    /// <summary>The heading row of the sheets other than "План"; their data starts on the row below.</summary>
    public const int SheetHeadingRow = 1;

    /// <summary>Sheet "Бюджет": direction number (empty on the plan's total rows), its title or the grand-total label, source, then the years.</summary>
    public const int BudgetDirectionColumn = 1, BudgetTitleColumn = 2, BudgetSourceColumn = 3, BudgetFirstYearColumn = 4;

    /// <summary>Sheet "Звірка": level (direction or plan), direction number, source, year, printed (empty: none printed), computed, computed − printed.</summary>
    public const int ReconciliationLevelColumn = 1, ReconciliationDirectionColumn = 2, ReconciliationSourceColumn = 3,
        ReconciliationYearColumn = 4, ReconciliationPrintedColumn = 5, ReconciliationComputedColumn = 6, ReconciliationDifferenceColumn = 7;

    /// <summary>Sheet "Показники": direction number, measure number, position in the measure (from 1), text, kind word, breakdown words one per line.</summary>
    public const int IndicatorDirectionColumn = 1, IndicatorMeasureColumn = 2, IndicatorPositionColumn = 3, IndicatorTextColumn = 4,
        IndicatorKindColumn = 5, IndicatorDisaggregationsColumn = 6;

    /// <summary>Sheet "Довідники": the bodies in A–D (name, short name, kind word, aliases one per line); the term kinds in F–G (kind word, an example).</summary>
    public const int BodyNameColumn = 1, BodyShortNameColumn = 2, BodyKindColumn = 3, BodyAliasesColumn = 4, TermKindColumn = 6, TermExampleColumn = 7;

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
