using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Amendments;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Budget;

/// <summary>
/// Totals are always recomputed from the funding lines by the database, so they can never go stale
/// after an edit; the totals printed in the source document are only compared against them.
/// </summary>
public sealed class BudgetReportService(IDbContextFactory<AppDbContext> dbFactory)
{
    private static readonly FundingSource[] Sources = Enum.GetValues<FundingSource>();

    /// <summary>The current plan; null when there is no such plan.</summary>
    public Task<BudgetReport?> GetAsync(int planId, CancellationToken ct = default) => GetAsync(planId, PlanVersion.Current, null, null, ct);

    /// <summary>
    /// The budget of a direction's or a body's measures in the current plan. The document printed totals for whole
    /// directions and the whole plan only, so those are reconciled only where the scope is one of them.
    /// </summary>
    public Task<BudgetReport?> GetAsync(int planId, int? directionId, int? bodyId, CancellationToken ct = default) =>
        GetAsync(planId, PlanVersion.Current, directionId, bodyId, ct);

    /// <summary>
    /// The whole plan as one version of it (<see cref="PlanVersions"/>): its amounts reconciled against the printed
    /// totals that belong to that version. Null when there is no such plan or amendment of it.
    /// </summary>
    public Task<BudgetReport?> GetAsync(int planId, PlanVersion version, CancellationToken ct = default) =>
        GetAsync(planId, version, null, null, ct);

    private async Task<BudgetReport?> GetAsync(int planId, PlanVersion version, int? directionId, int? bodyId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreatePublicAsync(ct);
        var plan = await db.Plans.AsNoTracking()
            .Where(p => p.Id == planId)
            .Select(p => new { p.StartYear, p.EndYear })
            .SingleOrDefaultAsync(ct);
        if (plan is null || await PlanVersions.ReadAsync(db, planId, version, ct) is not { } data)
        {
            return null;
        }

        var directions = await db.Directions.AsNoTracking()
            .Where(d => d.PlanId == planId && (directionId == null || d.Id == directionId))
            .OrderBy(d => d.Order)
            .Select(d => new { d.Id, d.Number, d.Title })
            .ToListAsync(ct);
        // Only the current plan is narrowed to a direction or a body, so a version's own amounts are always the whole plan's.
        var rows = data.Amounts is { } amounts
            ? [.. amounts.GroupBy(a => (a.DirectionId, a.Source, a.Year)).Select(g => new TotalRow(g.Key.DirectionId, g.Key.Source, g.Key.Year, g.Sum(a => a.Amount)))]
            : await QueryTotalsAsync(db, planId, directionId, bodyId, ct);
        var printed = data.Printed;

        var years = Enumerable.Range(plan.StartYear, plan.EndYear - plan.StartYear + 1)
            .Union(rows.Select(r => r.Year))
            .Order()
            .ToList();

        List<BudgetAmount> BySourceAndYear(int? of) =>
        [
            .. from source in Sources
               from year in years
               select new BudgetAmount(source, year, rows
                   .Where(r => (of == null || r.DirectionId == of) && r.Source == source && r.Year == year)
                   .Sum(r => r.Amount)),
        ];

        List<YearAmount> ByYear(int? of) =>
        [
            .. years.Select(year => new YearAmount(year, rows
                .Where(r => (of == null || r.DirectionId == of) && r.Year == year)
                .Sum(r => r.Amount))),
        ];

        // The document printed totals of whole directions and of the plan: beside one body's share of them
        // they would read as that body's, so under a body filter there are none.
        var reconciled = bodyId is null;
        List<BudgetAmount> PrintedOf(int? of) =>
        [
            .. printed.Where(p => reconciled && p.DirectionId == of)
                .OrderBy(p => p.Source).ThenBy(p => p.Year)
                .Select(p => new BudgetAmount(p.Source, p.Year, p.Amount)),
        ];

        var directionBudgets = directions
            .Select(d => new DirectionBudget(d.Id, d.Number, d.Title, BySourceAndYear(d.Id), ByYear(d.Id), PrintedOf(d.Id)))
            .ToList();
        var totals = BySourceAndYear(null);
        var mismatches = new List<BudgetMismatch>();
        if (reconciled)
        {
            foreach (var d in directionBudgets)
            {
                mismatches.AddRange(Reconcile(BudgetScope.Direction, d.DirectionId, d.Number, d.PrintedTotals, d.Totals));
            }
        }

        var planPrinted = directionId is null ? PrintedOf(null) : [];
        if (reconciled)
        {
            mismatches.AddRange(Reconcile(BudgetScope.Plan, null, null, planPrinted, totals));
        }

        return new BudgetReport(planId, years, directionBudgets, totals, ByYear(null), planPrinted, mismatches)
        {
            Reconciled = reconciled,
            Version = data.Info,
        };
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
    /// The planned budget: the funding lines of the measures in scope (<see cref="PlanScope"/>), summed
    /// by the database per direction, source and year; every other total is a sum of these rows.
    /// </summary>
    private static Task<List<TotalRow>> QueryTotalsAsync(AppDbContext db, int planId, int? directionId, int? bodyId, CancellationToken ct) =>
        Planned(PlanScope.Measures(db, planId, directionId, bodyId))
            .GroupBy(f => new { f.Measure.DirectionId, f.Source, f.Year })
            .Select(g => new TotalRow(g.Key.DirectionId, g.Key.Source, g.Key.Year, g.Sum(f => f.Amount)))
            .ToListAsync(ct);

    /// <summary>What a set of measures plans to spend: their funding lines (the roll-ups add them up by community).</summary>
    public static IQueryable<FundingLine> Planned(IQueryable<Measure> measures) => measures.SelectMany(m => m.FundingLines);

    private sealed record TotalRow(int DirectionId, FundingSource Source, int Year, decimal Amount);
}
