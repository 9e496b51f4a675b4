using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Budget;

public class BudgetReportServiceTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private BudgetReportService Service => new(database.DbFactory);

    [Fact]
    public async Task Totals_equal_the_sums_of_the_plans_lines()
    {
        // The independent computation: every line in memory, summed here.
        await using var db = await database.DbFactory.CreateDbContextAsync();
        var lines = await db.FundingLines
            .Select(f => new { Direction = f.Measure.Direction.Number, f.Source, f.Year, f.Amount })
            .ToListAsync();

        var report = await Service.GetAsync(database.PlanId);

        Assert.NotNull(report);
        Assert.Equal([2020, 2021, 2022], report.Years);
        foreach (var direction in report.Directions)
        {
            foreach (var source in Enum.GetValues<FundingSource>())
            {
                foreach (var year in report.Years)
                {
                    var expected = lines.Where(l => l.Direction == direction.Number && l.Source == source && l.Year == year).Sum(l => l.Amount);
                    Assert.Equal(expected, direction.Total(source, year));
                }
            }

            foreach (var year in report.Years)
            {
                Assert.Equal(
                    lines.Where(l => l.Direction == direction.Number && l.Year == year).Sum(l => l.Amount),
                    direction.AllSources.Single(a => a.Year == year).Amount);
            }
        }

        foreach (var year in report.Years)
        {
            foreach (var source in Enum.GetValues<FundingSource>())
            {
                Assert.Equal(lines.Where(l => l.Source == source && l.Year == year).Sum(l => l.Amount), report.Total(source, year));
            }

            Assert.Equal(lines.Where(l => l.Year == year).Sum(l => l.Amount), report.GrandTotal(year));
        }
    }

    [Fact]
    public async Task The_plans_figures_are_the_documents_where_they_add_up()
    {
        var report = (await Service.GetAsync(database.PlanId))!;

        Assert.Equal([57.0m, 82.0m, 93.0m], report.Years.Select(y => report.Total(FundingSource.Local, y)));
        Assert.Equal([38.0m, 31.0m, 31.0m], report.Years.Select(y => report.Total(FundingSource.Other, y)));
        Assert.Equal([95.0m, 113.0m, 124.0m], report.Years.Select(report.GrandTotal));
        var fifth = report.Directions.Single(d => d.Number == "V");
        Assert.All(fifth.Totals, t => Assert.Equal(0m, t.Amount));
        Assert.Equal(6, fifth.Totals.Count);
    }

    [Fact]
    public async Task Reports_every_printed_total_that_differs_and_nothing_else()
    {
        var report = (await Service.GetAsync(database.PlanId))!;

        // The document's hand-typed totals miss measure III.4's 3,0 for 2022, at both levels.
        Assert.Equal(
            [
                (BudgetScope.Direction, "III", FundingSource.Local, 2022, (decimal?)2.0m, 3.0m),
                (BudgetScope.Plan, (string?)null, FundingSource.Local, 2022, (decimal?)92.0m, 93.0m),
            ],
            report.Mismatches.Select(m => (m.Scope, m.Direction, m.Source, m.Year, m.Printed, m.Computed)));
        Assert.Equal(36, report.Directions.Sum(d => d.PrintedTotals.Count) + report.PrintedTotals.Count);
    }

    [Fact]
    public async Task An_unknown_plan_has_no_report() =>
        Assert.Null(await Service.GetAsync(int.MaxValue));
}

/// <summary>Edits go in a database of their own, so the figures above never see them.</summary>
public class BudgetAfterEditTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task Changing_one_line_changes_exactly_the_totals_it_belongs_to()
    {
        var service = new BudgetReportService(database.DbFactory);
        var before = (await service.GetAsync(database.PlanId))!;

        await using (var db = await database.DbFactory.CreateDbContextAsync())
        {
            var line = await db.FundingLines.SingleAsync(f =>
                f.Measure.Direction.PlanId == database.PlanId && f.Measure.Direction.Number == "IV" && f.Measure.Number == 7
                && f.Source == FundingSource.Local && f.Year == 2021);
            line.Amount = 80.5m;
            await db.SaveChangesAsync();
        }

        var after = (await service.GetAsync(database.PlanId))!;

        var changed = Flatten(before).Zip(Flatten(after))
            .Where(pair => pair.First.Amount != pair.Second.Amount)
            .Select(pair => (pair.First.Key, pair.First.Amount, pair.Second.Amount))
            .ToList();
        Assert.Equal(
            [
                ("IV/Local/2021", 77.0m, 82.5m),
                ("IV/all/2021", 84.0m, 89.5m),
                ("plan/Local/2021", 82.0m, 87.5m),
                ("plan/all/2021", 113.0m, 118.5m),
            ],
            changed);

        // The printed 77,0 and 82,0 no longer match, and the reconciliation says so at once.
        Assert.Contains(after.Mismatches, m => m is { Scope: BudgetScope.Direction, Direction: "IV", Year: 2021, Printed: 77.0m, Computed: 82.5m });
        Assert.Contains(after.Mismatches, m => m is { Scope: BudgetScope.Plan, Year: 2021, Printed: 82.0m, Computed: 87.5m });
        Assert.Equal(4, after.Mismatches.Count);
    }

    private static IEnumerable<(string Key, decimal Amount)> Flatten(BudgetReport report)
    {
        foreach (var d in report.Directions)
        {
            foreach (var t in d.Totals)
            {
                yield return ($"{d.Number}/{t.Source}/{t.Year}", t.Amount);
            }

            foreach (var a in d.AllSources)
            {
                yield return ($"{d.Number}/all/{a.Year}", a.Amount);
            }
        }

        foreach (var t in report.Totals)
        {
            yield return ($"plan/{t.Source}/{t.Year}", t.Amount);
        }

        foreach (var g in report.GrandTotals)
        {
            yield return ($"plan/all/{g.Year}", g.Amount);
        }
    }
}
