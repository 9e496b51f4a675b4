using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Dashboard;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Exchange;

/// <summary>
/// Builds the year's monitoring report. Its summary is the dashboard's figures for the year, not a second count;
/// the measures' sections read the same approved reports the dashboard adds up (<see cref="PeriodStates"/>' "reported"
/// periods) and the same status (<see cref="MeasureImplementation"/>), so the report and the dashboard cannot disagree.
/// </summary>
public sealed class AnnualReportService(IDbContextFactory<AppDbContext> dbFactory, PlanQueries plans, DashboardService dashboard)
{
    /// <summary>Null when there is no such plan; a year outside the plan's years is the caller's mistake.</summary>
    public async Task<AnnualReport?> GetAsync(ClaimsPrincipal user, int planId, int year, CancellationToken ct = default)
    {
        // The dashboard's own rule: whoever may read its figures may read them gathered into the report.
        Permissions.Demand(user, Permissions.CanViewDashboard, "The annual report is for executives, staff and administrators.");
        if (await plans.GetAsync(planId, ct) is not { } plan)
        {
            return null;
        }

        if (!IsPlanYear(plan, year))
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"The plan runs {plan.StartYear}–{plan.EndYear}.");
        }

        if (await dashboard.GetAsync(user, new DashboardFilter(planId, year), ct) is not { } figures)
        {
            return null;
        }

        await using var db = await dbFactory.CreateForAsync(user, ct);
        // One snapshot for the measures' sections, so a report approved meanwhile is in all of them or in none.
        await using var snapshot = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var statuses = await MeasureImplementation.OfYear(db, PlanScope.Measures(db, planId, null, null), year)
            .Select(x => new { x.Measure.Id, x.Status })
            .ToDictionaryAsync(x => x.Id, x => x.Status, ct);

        var reported = PeriodStates.Facts(PeriodStates.Scope(db, planId, year, null, null), figures.Today).In(ReportListState.Reported);
        var reportIds = reported.Select(f => f.Period.Report!.Id);
        var reports = await reported
            .Select(f => new Approved(f.Period.Report!.Id, f.Period.MeasureId, f.Period.Kind, f.Period.Year, f.Period.Sequence,
                f.Period.Start, f.Period.End, f.Period.IsOrphaned, f.Period.Report.Narrative, f.Period.Report.NotDoneReason))
            .ToListAsync(ct);
        var values = await db.IndicatorValues.AsNoTracking().Where(v => reportIds.Contains(v.ReportId))
            .Select(v => new Value(v.ReportId, v.IndicatorId, v.Number, v.Present, v.Entries, v.Text))
            .ToListAsync(ct);
        // Counts only, summed over the year per category, as the dashboard's reach adds them up.
        var cells = await db.ValueBreakdowns.Where(b => reportIds.Contains(b.IndicatorValue.ReportId) && b.IndicatorValue.Indicator.Kind == IndicatorKind.Count)
            .GroupBy(b => new { b.IndicatorValue.IndicatorId, b.Dimension, b.Category })
            .Select(g => new Cell(g.Key.IndicatorId, g.Key.Dimension, g.Key.Category, g.Sum(b => b.Count)))
            .ToListAsync(ct);
        var spent = await db.ReportSpending.Where(s => reportIds.Contains(s.ReportId))
            .GroupBy(s => new { s.MeasureId, s.Source })
            .Select(g => new { g.Key.MeasureId, g.Key.Source, Amount = g.Sum(s => s.Amount) })
            .ToListAsync(ct);
        // Names only: the files' contents stay in the database.
        var evidence = await db.Evidence.AsNoTracking().Where(e => reportIds.Contains(e.ReportId))
            .OrderBy(e => e.UploadedAt).ThenBy(e => e.Id)
            .Select(e => new { e.MeasureId, e.FileName })
            .ToListAsync(ct);

        var reportsOf = reports.ToLookup(r => r.MeasureId);
        var valuesOf = values.ToLookup(v => v.IndicatorId);
        var cellsOf = cells.ToLookup(c => c.IndicatorId);
        var order = reports.ToDictionary(r => r.Id, r => r);

        AnnualMeasure Measure(string direction, MeasureView m) => new(
            m.Id, $"{direction}.{m.Number}", m.Content, statuses.GetValueOrDefault(m.Id, ImplementationStatus.NotStarted),
            [.. reportsOf[m.Id].OrderBy(r => r.Start).ThenBy(r => r.End).ThenBy(r => r.Id)
                .Select(r => new AnnualNarrative(r.Kind, r.Year, r.Sequence, r.Start, r.End, r.Narrative, r.NotDoneReason))],
            [.. m.Indicators.Select(i => Indicator(i, [.. valuesOf[i.Id].OrderBy(v => Latest(order[v.ReportId]))], cellsOf[i.Id]))],
            [.. m.Funding.Lines.Where(l => l.Year == year).Select(l => l.Source)
                .Concat(spent.Where(s => s.MeasureId == m.Id).Select(s => s.Source)).Distinct().Order()
                .Select(s => new AnnualMoney(s,
                    m.Funding.Lines.Where(l => l.Year == year && l.Source == s).Sum(l => l.Amount),
                    spent.Where(x => x.MeasureId == m.Id && x.Source == s).Sum(x => x.Amount)))],
            [.. evidence.Where(e => e.MeasureId == m.Id).Select(e => e.FileName)]);

        var directions = plan.Directions
            .Select(d => new AnnualDirection(d.Id, d.Number, d.Title, [.. d.Measures.Select(m => Measure(d.Number, m))]))
            .ToList();
        return new AnnualReport(plan, year, figures.Today, figures, directions);
    }

    public static bool IsPlanYear(PlanView plan, int year) => year >= plan.StartYear && year <= plan.EndYear;

    public static bool IsPlanYear(PlanSummary plan, int year) => year >= plan.StartYear && year <= plan.EndYear;

    /// <summary>
    /// Which of two approved reports is the later: <see cref="MeasureImplementation"/>'s order (period end, a live
    /// period before an orphaned one ending the same day, then the newer report), so a measure's status and its
    /// latest values come from the same report.
    /// </summary>
    private static (DateOnly End, bool Live, int Id) Latest(Approved r) => (r.End, !r.IsOrphaned, r.Id);

    /// <param name="values">The indicator's approved values of the year, earliest first.</param>
    private static AnnualIndicator Indicator(IndicatorView indicator, IReadOnlyList<Value> values, IEnumerable<Cell> cells)
    {
        if (indicator.Kind == IndicatorKind.Count)
        {
            var given = values.Where(v => v.Number is not null).ToList();
            var breakdowns = Breakdowns.Known(indicator.Disaggregations)
                .Select(d => new AnnualBreakdown(d, Breakdowns.Overlaps(d), [.. Breakdowns.Categories[d]
                    .Select(c => new AnnualCell(c, cells.Where(x => x.Dimension == d && x.Category == c).Sum(x => x.Count)))]))
                .ToList();
            return new AnnualIndicator(indicator.Id, indicator.Text, indicator.Kind, values.Count,
                given.Count == 0 ? null : given.Sum(v => v.Number!.Value), null, [], null, breakdowns);
        }

        // The latest value given: a later report that left the field empty did not say "no" or "none".
        var latest = values.LastOrDefault(v => indicator.Kind switch
        {
            IndicatorKind.Presence => v.Present is not null,
            IndicatorKind.Percentage => v.Number is not null,
            IndicatorKind.List => v.Entries.Count > 0,
            _ => !string.IsNullOrWhiteSpace(v.Text),
        });
        return new AnnualIndicator(indicator.Id, indicator.Text, indicator.Kind, values.Count,
            latest?.Number, latest?.Present, latest?.Entries ?? [], latest?.Text, []);
    }

    private sealed record Approved(
        int Id, int MeasureId, PeriodKind Kind, int Year, int Sequence, DateOnly Start, DateOnly End, bool IsOrphaned, string? Narrative, string? NotDoneReason);

    private sealed record Value(int ReportId, int IndicatorId, decimal? Number, bool? Present, List<string> Entries, string? Text);

    private sealed record Cell(int IndicatorId, Disaggregation Dimension, string Category, int Count);
}
