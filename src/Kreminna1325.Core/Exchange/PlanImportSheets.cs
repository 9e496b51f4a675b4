using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Plans;
using static Kreminna1325.Core.Exchange.PlanSheet;

namespace Kreminna1325.Core.Exchange;

/// <summary>A printed total from sheet "Звірка": null Amount when the document printed no figure.</summary>
internal sealed record ImportPrinted(string? Direction, FundingSource Source, int Year, decimal? Amount);

internal sealed record ImportIndicator(IndicatorKind Kind, List<Disaggregation> Disaggregations);

internal sealed record ImportBody(string Name, string ShortName, BodyKind Kind, List<string> Aliases);

/// <summary>The workbook's sheets beside "План", each read by its columns in <see cref="PlanSheet"/>.</summary>
internal sealed class PlanImportSheets(PlanWorkbookCells cells, PlanSheetText text, PlanImportProblems problems)
{
    public List<ImportPrinted> Reconciliation()
    {
        var result = new List<ImportPrinted>();
        foreach (var row in DataRows(ReconciliationSheetName))
        {
            var scope = text.ScopeNamed(row.Text(ReconciliationLevelColumn));
            var source = text.SourceNamed(row.Text(ReconciliationSourceColumn));
            var year = WholeNumber(row[ReconciliationYearColumn]);
            var direction = row.Text(ReconciliationDirectionColumn).TrimEnd('.');
            if (scope is null)
            {
                problems.Cell(ReconciliationSheetName, row.Number, ReconciliationLevelColumn, "Import.UnknownWord", row.Text(ReconciliationLevelColumn));
            }
            else if (source is null)
            {
                problems.Cell(ReconciliationSheetName, row.Number, ReconciliationSourceColumn, "Import.UnknownWord", row.Text(ReconciliationSourceColumn));
            }
            else if (year is null)
            {
                problems.Cell(ReconciliationSheetName, row.Number, ReconciliationYearColumn, "Import.NotAYear", row.Text(ReconciliationYearColumn));
            }
            else if (Amount(row, ReconciliationPrintedColumn, out var printed))
            {
                result.Add(new ImportPrinted(scope == BudgetScope.Plan ? null : direction, source.Value, year.Value, printed));
            }
        }

        return result;
    }

    /// <summary>Kinds and breakdowns by direction number, measure number and position; absent rows are inferred from the wording.</summary>
    public Dictionary<(string Direction, int Measure, int Position), ImportIndicator> Indicators()
    {
        var result = new Dictionary<(string, int, int), ImportIndicator>();
        foreach (var row in DataRows(IndicatorsSheetName))
        {
            var measure = WholeNumber(row[IndicatorMeasureColumn]);
            var position = WholeNumber(row[IndicatorPositionColumn]);
            var kind = text.IndicatorKindNamed(row.Text(IndicatorKindColumn));
            if (measure is null || position is null)
            {
                problems.Row(IndicatorsSheetName, row.Number, "Import.IndicatorPlace");
                continue;
            }

            if (kind is null)
            {
                problems.Cell(IndicatorsSheetName, row.Number, IndicatorKindColumn, "Import.UnknownWord", row.Text(IndicatorKindColumn));
                continue;
            }

            var breakdowns = new List<Disaggregation>();
            foreach (var word in row.Text(IndicatorDisaggregationsColumn).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (text.DisaggregationNamed(word) is { } d)
                {
                    breakdowns.Add(d);
                }
                else
                {
                    problems.Cell(IndicatorsSheetName, row.Number, IndicatorDisaggregationsColumn, "Import.UnknownWord", word);
                }
            }

            result[(row.Text(IndicatorDirectionColumn).TrimEnd('.'), measure.Value, position.Value)] = new ImportIndicator(kind.Value, breakdowns);
        }

        return result;
    }

    /// <summary>The bodies listed on sheet "Довідники", by the matching key of their name and of each alias.</summary>
    public Dictionary<string, ImportBody> Bodies()
    {
        var result = new Dictionary<string, ImportBody>();
        foreach (var row in DataRows(RegistrySheetName))
        {
            var name = row.Text(BodyNameColumn);
            if (name.Length == 0)
            {
                continue; // the term kinds' rows run on below the bodies
            }

            var kindWord = row.Text(BodyKindColumn);
            var kind = text.BodyKindNamed(kindWord);
            if (kind is null && kindWord.Length > 0)
            {
                problems.Cell(RegistrySheetName, row.Number, BodyKindColumn, "Import.UnknownWord", kindWord);
            }

            var aliases = row.Text(BodyAliasesColumn).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Take(Plans.Editing.BodyFormValidator.MaxAliases).ToList();
            var shortName = row.Text(BodyShortNameColumn);

            // These become a new body's name, short name and aliases as they are: the registry's own rules for typed text.
            var refused = new[] { (BodyNameColumn, name, ResponsibleBody.NameMaxLength), (BodyShortNameColumn, shortName, ResponsibleBody.ShortNameMaxLength) }
                .Concat(aliases.Select(a => (BodyAliasesColumn, a, ResponsibleBody.NameMaxLength)))
                .Select(c => (c.Item1, Problem: Validation.TypedTextRules.Problem(c.Item2, c.Item3)))
                .FirstOrDefault(c => c.Problem is not null);
            if (refused.Problem is { } problem)
            {
                problems.Cell(RegistrySheetName, row.Number, refused.Item1, "Import.Text", problem);
                continue;
            }

            var body = new ImportBody(name, shortName.Length > 0 ? shortName : name, kind ?? BodyKind.MunicipalInstitution, aliases);
            foreach (var spelling in aliases.Prepend(name))
            {
                result.TryAdd(BodyNames.Key(spelling), body);
            }
        }

        return result;
    }

    private IEnumerable<WorkbookRow> DataRows(string sheet) => cells.Rows(sheet).Where(r => r.Number > SheetHeadingRow && !r.IsBlank);

    private static int? WholeNumber(WorkbookCell? cell) =>
        cell?.Number is { } n && n == Math.Floor(n) && n is > 0 and < 100_000 ? (int)n
        : int.TryParse(cell?.Text.Trim().TrimEnd('.'), out var i) && i > 0 ? i : null;

    private bool Amount(WorkbookRow row, int column, out decimal? amount)
    {
        amount = null;
        if (row[column] is not { } cell || ImportAmounts.IsNone(cell.Text) && cell.Number is null)
        {
            return true;
        }

        if (cell.Formula)
        {
            problems.Cell(ReconciliationSheetName, row.Number, column, "Import.Formula");
            return false;
        }

        amount = ImportAmounts.Read(cell);
        if (amount is null)
        {
            problems.Cell(ReconciliationSheetName, row.Number, column, "Import.NotANumber", cell.Text.Trim());
            return false;
        }

        return true;
    }
}
