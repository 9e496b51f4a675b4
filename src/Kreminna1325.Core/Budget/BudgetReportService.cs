using Kreminna1325.Core.Data;
using Kreminna1325.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Budget;

/// <summary>
/// Totals are always recomputed from the funding lines by the database, so they can never go stale
/// after an edit; the totals printed in the source document are only compared against them.
/// </summary>
public sealed class BudgetReportService(IDbContextFactory<AppDbContext> dbFactory)
{
    private static readonly FundingSource[] Sources = Enum.GetValues<FundingSource>();

    /// <summary>Returns null when there is no such plan.</summary>
    public async Task<BudgetReport?> GetAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.Plans.AsNoTracking()
            .Where(p => p.Id == planId)
            .Select(p => new { p.StartYear, p.EndYear })
            .SingleOrDefaultAsync(ct);
        if (plan is null)
        {
            return null;
        }

        var directions = await db.Directions.AsNoTracking()
            .Where(d => d.PlanId == planId)
            .OrderBy(d => d.Order)
            .Select(d => new { d.Id, d.Number, d.Title })
            .ToListAsync(ct);
        var rows = await QueryTotalsAsync(db, planId, ct);
        var printed = await db.PrintedTotals.AsNoTracking()
            .Where(t => t.PlanId == planId)
            .Select(t => new { t.DirectionId, t.Source, t.Year, t.Amount })
            .ToListAsync(ct);

        var years = Enumerable.Range(plan.StartYear, plan.EndYear - plan.StartYear + 1)
            .Union(rows.Select(r => r.Year))
            .Order()
            .ToList();

        List<BudgetAmount> BySourceAndYear(int? directionId) =>
        [
            .. from source in Sources
               from year in years
               select new BudgetAmount(source, year, rows
                   .Where(r => r.DirectionId == directionId && r.Source == source.ToString() && r.Year == year)
                   .Sum(r => r.Amount)),
        ];

        List<YearAmount> ByYear(int? directionId) =>
        [
            .. years.Select(year => new YearAmount(year, rows
                .Where(r => r.DirectionId == directionId && r.Source == null && r.Year == year)
                .Sum(r => r.Amount))),
        ];

        List<BudgetAmount> PrintedOf(int? directionId) =>
        [
            .. printed.Where(p => p.DirectionId == directionId)
                .OrderBy(p => p.Source).ThenBy(p => p.Year)
                .Select(p => new BudgetAmount(p.Source, p.Year, p.Amount)),
        ];

        var directionBudgets = directions
            .Select(d => new DirectionBudget(d.Id, d.Number, d.Title, BySourceAndYear(d.Id), ByYear(d.Id), PrintedOf(d.Id)))
            .ToList();
        var totals = BySourceAndYear(null);
        var mismatches = new List<BudgetMismatch>();
        foreach (var d in directionBudgets)
        {
            mismatches.AddRange(Reconcile(BudgetScope.Direction, d.DirectionId, d.Number, d.PrintedTotals, d.Totals));
        }

        var planPrinted = PrintedOf(null);
        mismatches.AddRange(Reconcile(BudgetScope.Plan, null, null, planPrinted, totals));

        return new BudgetReport(planId, years, directionBudgets, totals, ByYear(null), planPrinted, mismatches);
    }

    /// <summary>
    /// Every printed figure is checked against its recomputed total; where the document printed
    /// totals for a scope but left a non-zero recomputed total out, that is reported too.
    /// </summary>
    private static IEnumerable<BudgetMismatch> Reconcile(
        BudgetScope scope, int? directionId, string? direction,
        IReadOnlyList<BudgetAmount> printed, IReadOnlyList<BudgetAmount> computed)
    {
        foreach (var p in printed)
        {
            var c = computed.Amount(p.Source, p.Year);
            if (c != p.Amount)
            {
                yield return new BudgetMismatch(scope, directionId, direction, p.Source, p.Year, p.Amount, c);
            }
        }

        if (printed.Count == 0)
        {
            yield break;
        }

        foreach (var c in computed.Where(c => c.Amount != 0 && !printed.Any(p => p.Source == c.Source && p.Year == c.Year)))
        {
            yield return new BudgetMismatch(scope, directionId, direction, c.Source, c.Year, null, c.Amount);
        }
    }

    /// <summary>
    /// One aggregate over the plan's funding lines. A NULL direction or source in a row means
    /// "all of them" (both columns are NOT NULL in the table, so NULL can only come from the grouping).
    /// </summary>
    private static Task<List<TotalRow>> QueryTotalsAsync(AppDbContext db, int planId, CancellationToken ct) =>
        db.Database.SqlQuery<TotalRow>($"""
            SELECT m.direction_id, f.source, f.year, SUM(f.amount) AS amount
            FROM funding_lines f
            JOIN measures m ON m.id = f.measure_id
            JOIN directions d ON d.id = m.direction_id
            WHERE d.plan_id = {planId}
            GROUP BY GROUPING SETS ((m.direction_id, f.source, f.year), (m.direction_id, f.year), (f.source, f.year), (f.year))
            """).ToListAsync(ct);

    internal sealed record TotalRow(int? DirectionId, string? Source, int Year, decimal Amount);
}
