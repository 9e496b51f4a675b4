using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Exchange;

/// <summary>
/// The empty workbook a community fills in: the export's own layout around one example (a direction, a measure funded
/// from two sources, their totals), with the instructions sheet first. Written by the same code as the export, so the
/// template can never drift from what the import reads.
/// </summary>
public static class PlanXlsxTemplate
{
    /// <summary>Thousands of hryvnias a year from the local budget, and from other sources in the first year only.</summary>
    private const decimal LocalAmount = 10m, OtherAmount = 5m;

    public static void Write(Stream stream, int startYear, int endYear, PlanSheetText text)
    {
        var e = text.Example;
        var years = Enumerable.Range(startYear, endYear - startYear + 1).ToList();
        List<FundingLineView> lines =
        [
            .. years.Select(y => new FundingLineView(FundingSource.Local, y, LocalAmount)),
            new FundingLineView(FundingSource.Other, startYear, OtherAmount),
        ];
        var measure = new MeasureView(
            0, 1, e.Content, new TermView(e.Term, TermParser.TryParse(e.Term, out var term) ? term.Kind : TermKind.Annual),
            [new ResponsibleBodyRef(0, e.BodyName, e.BodyShortName, ByAgreement: false)],
            [new IndicatorView(0, e.Indicator, IndicatorKind.Count, [Disaggregation.Sex, Disaggregation.Age])],
            new FundingView(null, lines));
        var plan = new PlanView(0, "", null, e.Title, startYear, endYear, default,
            [new DirectionView(0, e.DirectionNumber, e.DirectionTitle, [measure])]);

        // The example's totals are its own two lines added up; the document printed none, so nothing to reconcile.
        List<BudgetAmount> totals =
        [
            .. from source in Enum.GetValues<FundingSource>()
               from year in years
               select new BudgetAmount(source, year, lines.Where(l => l.Source == source && l.Year == year).Sum(l => l.Amount)),
        ];
        List<YearAmount> allSources = [.. years.Select(y => new YearAmount(y, lines.Where(l => l.Year == y).Sum(l => l.Amount)))];
        var budget = new BudgetReport(0, years, [new DirectionBudget(0, e.DirectionNumber, e.DirectionTitle, totals, allSources, [])],
            totals, allSources, [], []);
        var body = new ResponsibleBodyView(0, e.BodyName, e.BodyShortName, [e.BodyAlias], BodyKind.CouncilDepartment);

        PlanXlsx.Write(stream, plan, budget, [body], text, instructions: true);
    }
}
