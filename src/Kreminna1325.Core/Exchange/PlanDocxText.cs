using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Exchange;

/// <summary>
/// The words and number formats of the Word plan, in the reader's language. The Web fills it from the same
/// resource strings and <c>Format.Amount</c> as the public page, so the document and the page say the same thing.
/// </summary>
public sealed record PlanDocxText(
    string Number,
    string Content,
    string Responsible,
    string Term,
    string Indicators,
    string Sources,
    string FundingHeading,
    string DirectionTotal,
    string GrandTotal,
    string AllSources,
    string ByAgreement,
    string DisaggregatedBy,
    string TotalsNote,
    Func<FundingSource, string> Source,
    Func<FundingNote, string> Note,
    Func<Disaggregation, string> Disaggregation,
    Func<int, string> MismatchIntro,
    Func<BudgetMismatch, string> Mismatch,
    Func<decimal, string> Amount);
