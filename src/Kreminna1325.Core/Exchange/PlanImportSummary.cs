using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Core.Seed;

namespace Kreminna1325.Core.Exchange;

/// <summary>The preview of an import: counted from what was read, with the kinds the built plan would have.</summary>
internal static class PlanImportSummary
{
    public static PlanImportPreview Of(
        PlanForm form, PlanDocument document, Plan? plan, Dictionary<string, string> written, PlanImportBodies bodies,
        IReadOnlyList<PlanImportProblem> problems)
    {
        var measures = document.Directions.SelectMany(d => d.Measures).ToList();
        var indicators = plan is not null
            ? plan.Directions.SelectMany(d => d.Measures).SelectMany(m => m.Indicators).Select(i => (i.Kind, i.Disaggregations.Count > 0)).ToList()
            : measures.SelectMany(m => m.Indicators).Select(t => IndicatorWording.InferKind(t))
                .Select(k => (k, false)).ToList();
        var terms = measures
            .Select(m => TermParser.TryParse(m.Term, out var term) ? term.Kind : (TermKind?)null)
            .OfType<TermKind>()
            .GroupBy(k => k).OrderBy(g => g.Key)
            .Select(g => new PlanImportTerm(g.Key, g.Count())).ToList();
        var uses = measures.SelectMany(m => m.Responsible).GroupBy(r => r.Body).ToDictionary(g => g.Key, g => g.Count());
        var bodyList = written
            .Select(w => (Written: w.Value, Body: bodies.Resolve(w.Key), Measures: uses.GetValueOrDefault(w.Key)))
            .Select(b => new PlanImportBody(b.Written, bodies.IsNew(b.Body) ? null : b.Body.Id, b.Body.Name, b.Body.ShortName, b.Body.Kind, b.Measures))
            .OrderBy(b => b.ExistingId is null ? 0 : 1).ThenBy(b => b.Name)
            .ToList();
        var lines = measures.SelectMany(m => m.FundingLines).ToList();
        var totals = lines.GroupBy(f => (f.Source, f.Year)).OrderBy(g => g.Key.Source).ThenBy(g => g.Key.Year)
            .Select(g => new BudgetAmount(g.Key.Source, g.Key.Year, g.Sum(f => f.Amount))).ToList();
        var printed = document.Directions
            .SelectMany(d => d.PrintedTotals.Select(t => new PlanImportPrintedTotal(d.Number, t.Source, t.Year, t.Amount)))
            .Concat(document.PrintedTotals.Select(t => new PlanImportPrintedTotal(null, t.Source, t.Year, t.Amount)))
            .ToList();

        return new PlanImportPreview(
            form.Title.Trim(), form.Municipality.Trim(), form.StartYear, form.EndYear,
            document.Directions.Count, measures.Count, indicators.Count, lines.Count,
            document.Directions.Select(d => new PlanImportDirection(d.Number, d.Title, d.Measures.Count)).ToList(),
            terms,
            indicators.GroupBy(i => i.Item1).OrderBy(g => g.Key)
                .Select(g => new PlanImportIndicatorKind(g.Key, g.Count(), g.Count(i => i.Item2))).ToList(),
            bodyList, totals, printed, problems);
    }
}
