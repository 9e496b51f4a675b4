using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Kreminna1325.Tests.Plans;

/// <summary>Versions after an amount changed outside any decision, and a decision the database refuses half-way.</summary>
public class AmendmentVersionTests(AmendmentFixture database) : IClassFixture<AmendmentFixture>
{
    [Fact]
    public async Task Only_the_plans_own_community_staff_open_it_to_amend()
    {
        var plan = await database.Versions.GetToAmendAsync(TestUsers.Staff, database.PlanId);
        Assert.Equal(database.PlanId, plan?.Id);

        // Another community's staff read the plan's public page, but it is not theirs to amend: as if there were no such plan.
        var elsewhere = TestUsers.InRole(Core.Accounts.Roles.CouncilStaff, "staff-elsewhere", community: TestUsers.Kreminna + 1);
        Assert.NotNull(await database.Versions.GetPlanAsync(database.PlanId, PlanVersion.Current));
        Assert.Null(await database.Versions.GetToAmendAsync(elsewhere, database.PlanId));

        await Assert.ThrowsAsync<Core.Accounts.ForbiddenException>(() => database.Versions.GetToAmendAsync(TestUsers.Executive, database.PlanId));
    }

    [Fact]
    public async Task An_amount_changed_outside_any_amendment_warns_in_the_current_plan_only()
    {
        var amended = await database.LineAsync("II", FundingSource.Other, 2020);
        var amendment = (await database.Recorder.RecordAsync(TestUsers.Staff, await database.FormAsync(amended, 2m, "34/1"))).Current!;
        var outside = await database.LineAsync("I", FundingSource.Local, 2022);

        // As the measure editor saves it: the line changes, and no decision says so.
        await using (var db = await database.DbFactory.CreateDbContextAsync())
        {
            var line = await db.FundingLines.SingleAsync(f => f.MeasureId == outside.MeasureId && f.Source == outside.Source && f.Year == outside.Year);
            line.Amount += 1m;
            await db.SaveChangesAsync();
        }

        var current = (await database.Budgets.GetAsync(database.PlanId))!;
        var direction = current.Directions.Single(d => d.DirectionId == outside.DirectionId);
        var warned = current.MismatchOf(outside.DirectionId, FundingSource.Local, 2022);
        Assert.NotNull(warned);
        Assert.Equal(direction.Total(FundingSource.Local, 2022), warned.Computed);
        Assert.Equal(warned.Computed - 1m, warned.Printed);
        Assert.NotNull(current.MismatchOf(null, FundingSource.Local, 2022));
        Assert.Null(current.MismatchOf(amended.DirectionId, FundingSource.Other, 2020));

        // The decision's version holds what the decision said, so it has no warning of the change made after it.
        var byDecision = (await database.Budgets.GetAsync(database.PlanId, PlanVersion.Of(amendment.Id)))!;
        Assert.Null(byDecision.MismatchOf(outside.DirectionId, FundingSource.Local, 2022));
        Assert.Equal(current.Total(FundingSource.Local, 2022) - 1m, byDecision.Total(FundingSource.Local, 2022));
        Assert.Equal(current.Total(FundingSource.Other, 2020), byDecision.Total(FundingSource.Other, 2020));
        var adopted = (await database.Budgets.GetAsync(database.PlanId, PlanVersion.Adopted))!;
        Assert.Equal(current.Total(FundingSource.Other, 2020) - 2m, adopted.Total(FundingSource.Other, 2020));

        Assert.Null(await database.Budgets.GetAsync(database.PlanId, PlanVersion.Of(amendment.Id + 1000)));
    }

    [Fact]
    public async Task A_decision_the_database_refuses_half_way_writes_nothing()
    {
        var line = await database.LineAsync("IV", FundingSource.Local, 2021);
        var form = await database.FormAsync(line, 3m, "refused");
        var before = await database.CountsAsync();
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseKreminnaDatabase(database.ConnectionString)
            .AddInterceptors(new AuditInterceptor(database.Actor, TimeProvider.System), new FailOnPrintedTotals());
        var failing = new PooledDbContextFactory<AppDbContext>(options.Options);

        await Assert.ThrowsAsync<DbUpdateException>(() => database.RecorderOver(failing).RecordAsync(TestUsers.Staff, form));

        // Not the decision, not the adopted amounts copied before it, not the new amount, not an audit record.
        Assert.Equal(before, await database.CountsAsync());
        Assert.Equal(line.Amount, (await database.LineAsync("IV", FundingSource.Local, 2021)).Amount);
    }

    /// <summary>The database saying no once everything else of the decision has been sent.</summary>
    private sealed class FailOnPrintedTotals : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default) =>
            eventData.Context!.ChangeTracker.Entries<PrintedTotal>().Any(e => e.State == EntityState.Added)
                ? throw new DbUpdateException("refused by the test")
                : ValueTask.FromResult(result);
    }
}
