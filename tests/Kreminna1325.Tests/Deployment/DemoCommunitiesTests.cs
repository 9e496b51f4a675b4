using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Tests.Infrastructure;
using Kreminna1325.Web.Accounts;
using Kreminna1325.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Deployment;

/// <summary>What run.sh's demo holds: two communities of Luhansk oblast, each with its plan, people and reports, and the people who work across them.</summary>
public class DemoCommunitiesTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private KreminnaWebFactory factory = null!;

    public Task InitializeAsync()
    {
        // Demo mode, as run.sh's own cluster: the start-up seeds the empty database.
        factory = new KreminnaWebFactory(database.ConnectionString, settings: new Dictionary<string, string?> { [DemoCommunities.SecondCommunityKey] = "true" });
        _ = factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task The_demo_has_two_communities_of_one_oblast_each_with_its_plan_people_and_reports()
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();
        var communities = await db.Communities.OrderBy(c => c.Id).ToListAsync();
        Assert.Equal([KnownCommunities.Kreminna().Code, KnownCommunities.Rubizhne().Code], communities.Select(c => c.Code));
        Assert.All(communities, c => Assert.Equal(KnownCommunities.LuhanskOblastCode, c.OblastCode));

        var plans = await db.Plans.OrderBy(p => p.CommunityId)
            .Select(p => new { p.Id, p.CommunityId, p.Municipality, p.StartYear, p.EndYear, Measures = p.Directions.Sum(d => d.Measures.Count) })
            .ToListAsync();
        Assert.Equal(communities.Select(c => c.Id), plans.Select(p => p.CommunityId));
        Assert.Equal(("Кремінська міська рада", 2020, 2022), (plans[0].Municipality, plans[0].StartYear, plans[0].EndYear));
        Assert.Equal(("Рубіжанська міська рада", 2021, 2023), (plans[1].Municipality, plans[1].StartYear, plans[1].EndYear));
        Assert.Equal(plans[0].Measures, plans[1].Measures);
        // The second plan has bodies of its own, not Kreminna's.
        Assert.False(await db.MeasureResponsibleBodies.AnyAsync(mb =>
            db.Measures.Any(m => m.Id == mb.MeasureId && m.CommunityId == plans[1].CommunityId)
            && db.ResponsibleBodies.Any(b => b.Id == mb.ResponsibleBodyId && b.CommunityId != plans[1].CommunityId)));

        foreach (var (demo, community) in DemoCommunities.All.Zip(communities))
        {
            foreach (var account in demo.Accounts)
            {
                var user = await db.Users.SingleAsync(u => u.NormalizedEmail == account.Email.ToUpperInvariant());
                var grants = await db.CommunityGrants.Where(g => g.UserId == user.Id).Select(g => new { g.Role, g.CommunityId, g.OblastCode }).ToListAsync();
                Assert.Equal(new { account.Role, CommunityId = (int?)community.Id, OblastCode = (string?)null }, Assert.Single(grants));
                var bodies = await db.UserResponsibleBodies.Where(b => b.UserId == user.Id)
                    .Select(b => new { b.ResponsibleBody.Name, b.ResponsibleBody.CommunityId }).ToListAsync();
                if (account.Role == Roles.ResponsibleOfficial)
                {
                    Assert.Equal(new { Name = DemoCommunities.OfficialBody, CommunityId = community.Id }, Assert.Single(bodies));
                }
                else
                {
                    Assert.Empty(bodies);
                }
            }

            // Each community's demo reports are on its own plan's periods, entered by its own official, and marked as demo.
            var reports = await db.Reports.Where(r => r.CommunityId == community.Id)
                .Select(r => new { r.Status, r.IsDemo, r.Period.Measure.Direction.PlanId, r.SubmittedBy }).ToListAsync();
            Assert.Equal(8, reports.Count);
            Assert.All(reports, r => Assert.True(r.IsDemo && r.PlanId == plans.Single(p => p.CommunityId == community.Id).Id));
            Assert.Equal(5, reports.Count(r => r.Status == ReportStatus.Approved));
            Assert.Equal([ReportStatus.Draft, ReportStatus.Submitted, ReportStatus.Returned, ReportStatus.Approved],
                reports.Select(r => r.Status).Distinct().Order());
        }

        var coordinator = await db.Users.SingleAsync(u => u.NormalizedEmail == "OBLAST@KREMINNA.LOCAL");
        var coordinatorGrant = await db.CommunityGrants.Where(g => g.UserId == coordinator.Id).Select(g => new { g.Role, g.CommunityId, g.OblastCode }).SingleAsync();
        Assert.Equal(new { Role = Roles.OblastCoordinator, CommunityId = (int?)null, OblastCode = (string?)KnownCommunities.LuhanskOblastCode }, coordinatorGrant);

        var system = await db.Users.SingleAsync(u => u.NormalizedEmail == "SYSTEM@KREMINNA.LOCAL");
        Assert.Equal([Roles.SystemAdministrator], await db.UserRoles.Where(r => r.UserId == system.Id).Select(r => r.RoleId).ToListAsync());
        Assert.False(await db.CommunityGrants.AnyAsync(g => g.UserId == system.Id));
    }

    [Fact]
    public async Task Seeding_the_demo_again_changes_nothing()
    {
        var before = await SnapshotAsync();

        await factory.Services.MigrateAndSeedAsync();

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Every_demo_account_signs_in_with_the_one_demo_password()
    {
        Assert.Equal(10, DemoCommunities.Accounts.Count);
        foreach (var account in DemoCommunities.Accounts)
        {
            // Redirected on to the app, not back to the form.
            using var client = await SignIn.AsAsync(factory, account.Email, AccountSetup.DemoPassword);
        }
    }

    /// <summary>Everything the seeding writes, as comparable text.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();
        var counts = new[]
        {
            await db.Communities.CountAsync(), await db.Plans.CountAsync(), await db.ResponsibleBodies.CountAsync(), await db.Measures.CountAsync(),
            await db.ReportingPeriods.CountAsync(), await db.Users.CountAsync(), await db.CommunityGrants.CountAsync(), await db.UserRoles.CountAsync(),
            await db.UserResponsibleBodies.CountAsync(), await db.AuditEntries.CountAsync(), await db.Notifications.CountAsync(),
        };
        var reports = await db.Reports.OrderBy(r => r.Id).Select(r => r.Id + ":" + r.Status + ":" + r.Version + ":" + r.IsDemo).ToListAsync();
        return string.Join(",", counts) + "|" + string.Join(",", reports);
    }
}
