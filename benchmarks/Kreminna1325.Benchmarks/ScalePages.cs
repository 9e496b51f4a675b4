using System.Security.Claims;
using Kreminna1325.Core;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Dashboard;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Amendments;
using Microsoft.EntityFrameworkCore;

/// <summary>The pages' reads on one database.</summary>
internal sealed class ScalePages
{
    /// <summary>The dashboard's year: every period of it is due on <see cref="ScaleBench.Now"/>.</summary>
    private const int Year = 2021;

    public required (string Name, Func<Task<object?>> Work)[] Operations { get; init; }
    public required Func<Task<object?>> DashboardAsync { get; init; }

    public static async Task<ScalePages> CreateAsync(string connectionString, int planId)
    {
        var anonymous = ScaleBench.Factory(connectionString, null);
        int community;
        await using (var db = await anonymous.CreateDbContextAsync())
        {
            community = await db.Plans.Where(p => p.Id == planId).Select(p => p.CommunityId).SingleAsync();
        }

        // Signed-in pages read through a context filtered to the person's community, as CommunityDbContextFactory makes it.
        var scoped = ScaleBench.Factory(connectionString, community);
        var clock = new CommunityClock(new FixedClock(ScaleBench.Now));
        var budgets = new BudgetReportService(anonymous);
        var publicPlans = new PlanQueries(anonymous);
        var versions = new PlanVersions(anonymous, publicPlans);
        var plans = new PlanQueries(scoped);
        var dashboard = new DashboardService(scoped, new BudgetReportService(scoped), clock);
        var search = new MeasureSearch(scoped);
        var access = new MeasureAccess(scoped);
        var worklist = new Worklist(scoped, clock);
        var executive = ScaleBench.Person("bench-executive", community, Roles.Executive);
        var official = ScaleBench.Person("bench-official", community, Roles.ResponsibleOfficial);
        return new ScalePages
        {
            DashboardAsync = () => DashboardPageAsync(plans, dashboard, executive, planId),
            Operations =
            [
                ("budget report", async () => await budgets.GetAsync(planId)),
                ("public page's data", async () =>
                {
                    var chosen = await publicPlans.ChooseAsync(planId);
                    return (await versions.GetPlanAsync(chosen!.Id, PlanVersion.Current), await budgets.GetAsync(planId, PlanVersion.Current), await versions.ListAsync(planId));
                }),
                ("dashboard page's data", () => DashboardPageAsync(plans, dashboard, executive, planId)),
                ("measures grid page's data", async () =>
                {
                    var chosen = await plans.ChooseAsync(planId);
                    return (await plans.GetAsync(chosen!.Id), await plans.BodiesOfPlanAsync(planId), await search.FindAsync(executive, new MeasureQuery(planId, PageSize: 50)));
                }),
                ("my reports", async () =>
                {
                    var chosen = await plans.ChooseAsync(planId);
                    var filter = new WorklistFilter(chosen!.Id);
                    return (await access.BodiesOfAsync(official), await plans.GetAsync(chosen.Id), await worklist.CountsAsync(official, filter), await worklist.PageAsync(official, filter));
                }),
                ("plan switcher (every page)", async () => await plans.ListAsync()),
            ],
        };
    }

    /// <summary>What DashboardPage reads: the chosen plan, the figures, its directions and the bodies of its filter.</summary>
    private static async Task<object?> DashboardPageAsync(PlanQueries plans, DashboardService dashboard, ClaimsPrincipal user, int planId)
    {
        var chosen = await plans.ChooseAsync(planId);
        var figures = await dashboard.GetAsync(user, new DashboardFilter(chosen!.Id, Year));
        return (chosen, figures, await plans.BodiesOfPlanAsync(chosen.Id));
    }
}
