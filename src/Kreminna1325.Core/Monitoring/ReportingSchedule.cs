using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Monitoring;

public sealed record PeriodSpec(int Year, int Sequence, PeriodKind Kind, DateOnly Start, DateOnly End, DateOnly Due);

/// <summary>
/// The periods a measure reports on, from its term and its plan: quarterly → four a year; annual →
/// one; "annual, 1st quarter" → the first quarter; "November–December" → those months; ongoing →
/// the plan's cadence. Due = end of the period + the plan's grace days.
/// </summary>
public static class ReportingSchedule
{
    public static IReadOnlyList<PeriodSpec> For(Term term, int startYear, int endYear, ReportingCadence cadence, int graceDays)
    {
        var result = new List<PeriodSpec>();
        for (var year = startYear; year <= endYear; year++)
        {
            result.AddRange(term.Kind switch
            {
                TermKind.Quarterly => Quarters(year),
                TermKind.Annual => [Whole(year)],
                TermKind.AnnualInQuarter => [Quarter(year, term.Quarter ?? 1)],
                TermKind.AnnualInMonths => [Months(year, term.FirstMonth ?? 1, term.LastMonth ?? 12)],
                _ => cadence switch
                {
                    ReportingCadence.HalfYearly => [Half(year, 1), Half(year, 2)],
                    ReportingCadence.Annual => [Whole(year)],
                    _ => Quarters(year),
                },
            });
        }

        return result.Select(p => p with { Due = p.End.AddDays(graceDays) }).ToList();
    }

    private static IEnumerable<PeriodSpec> Quarters(int year) => Enumerable.Range(1, 4).Select(q => Quarter(year, q));

    private static PeriodSpec Quarter(int year, int quarter)
    {
        var start = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return new PeriodSpec(year, quarter, PeriodKind.Quarter, start, start.AddMonths(3).AddDays(-1), default);
    }

    private static PeriodSpec Half(int year, int half)
    {
        var start = new DateOnly(year, half == 1 ? 1 : 7, 1);
        return new PeriodSpec(year, half, PeriodKind.HalfYear, start, start.AddMonths(6).AddDays(-1), default);
    }

    private static PeriodSpec Whole(int year) =>
        new(year, 1, PeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), default);

    private static PeriodSpec Months(int year, int first, int last)
    {
        var start = new DateOnly(year, first, 1);
        var end = new DateOnly(year, last, 1).AddMonths(1).AddDays(-1);
        return new PeriodSpec(year, first, PeriodKind.Months, start, end, default);
    }
}
