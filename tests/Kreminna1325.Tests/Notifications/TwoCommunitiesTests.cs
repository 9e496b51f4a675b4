using System.Security.Claims;
using System.Text.RegularExpressions;
using Kreminna1325.Core;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Dashboard;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Notifications;
using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Infrastructure;
using Kreminna1325.Tests.Monitoring;
using Kreminna1325.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kreminna1325.Tests.Notifications;

/// <summary>
/// The digest's Kreminna plus Rubizhne (the demo's 2021–2023 plan): Rubizhne's executive, and a consultant who reports for
/// the Gender Equality Centre of both communities. Rubizhne has one approved report with 7,5 thousand of other money spent,
/// a figure Kreminna does not have (its own is 3,0).
/// </summary>
public class TwoCommunitiesFixture : DigestFixture
{
    public const string RubizhneExecutiveId = "exec-rubizhne";
    public const string BothOfficialId = "official-both";

    public int RubizhneId { get; private set; }
    public int RubizhnePlanId { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        RubizhnePlanId = await CreateLoader().LoadIfEmptyAsync(DemoCommunities.RubizhnePlan(), KnownCommunities.Rubizhne())
            ?? throw new InvalidOperationException("Rubizhne's plan did not load.");
        await using (var db = await DbFactory.CreateDbContextAsync())
        {
            RubizhneId = await db.Plans.Where(p => p.Id == RubizhnePlanId).Select(p => p.CommunityId).SingleAsync();
            db.Users.AddRange(
                new AppUser { Id = RubizhneExecutiveId, UserName = "executive@rubizhne.local", Email = "executive@rubizhne.local", FullName = "Світлана Керівна" },
                new AppUser { Id = BothOfficialId, UserName = "both@rubizhne.local", Email = "both@rubizhne.local", FullName = "Консультантка Двох Громад" });
            db.CommunityGrants.AddRange(
                new CommunityGrant { UserId = RubizhneExecutiveId, Role = Roles.Executive, CommunityId = RubizhneId },
                new CommunityGrant { UserId = BothOfficialId, Role = Roles.ResponsibleOfficial, CommunityId = CommunityId },
                new CommunityGrant { UserId = BothOfficialId, Role = Roles.ResponsibleOfficial, CommunityId = RubizhneId });
            foreach (var body in await db.ResponsibleBodies.Where(b => b.Name == DemoCommunities.OfficialBody).Select(b => b.Id).ToListAsync())
            {
                db.UserResponsibleBodies.Add(new UserResponsibleBody { UserId = BothOfficialId, ResponsibleBodyId = body });
            }

            await db.SaveChangesAsync();
        }

        var official = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, BothOfficialId), new Claim(ClaimTypes.Email, "both@rubizhne.local"), new Claim(ClaimTypes.Role, Roles.ResponsibleOfficial),
             new Claim(CommunityClaims.Community, RubizhneId.ToString(System.Globalization.CultureInfo.InvariantCulture))], "test"));
        var rubizhneStaff = TestUsers.InRole(Roles.CouncilStaff, "staff", RubizhneId);
        var form = (await Reports.LoadAsync(rubizhneStaff, await RubizhnePeriodAsync("I", 4, 2022, 1)))!.Form;
        ReportWorkflowTests.FillTraining(form);
        form.Spending.Single(s => s.Source == FundingSource.Other).Amount = 7.5m;
        var submitted = await Reports.SubmitAsync(official, form);
        Assert.True(submitted.Saved, submitted.Message);
        var approved = await Reports.ApproveAsync(rubizhneStaff, submitted.Current!.ReportId, submitted.Current.Version);
        Assert.True(approved.Saved, approved.Message);
    }

    public async Task<int> RubizhnePeriodAsync(string direction, int number, int year, int sequence)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.ReportingPeriods
            .Where(p => p.Measure.Direction.PlanId == RubizhnePlanId && p.Measure.Direction.Number == direction && p.Measure.Number == number
                && p.Year == year && p.Sequence == sequence && !p.IsOrphaned)
            .Select(p => p.Id).SingleAsync();
    }
}

/// <summary>Each community's scheduled messages speak for it alone: its executives' digest, its officials' reminders.</summary>
public partial class TwoCommunitiesTests(TwoCommunitiesFixture f) : IClassFixture<TwoCommunitiesFixture>, IAsyncLifetime
{
    private const string Kreminna = "Кремінська міська територіальна громада";
    private const string Rubizhne = "Рубіжанська міська територіальна громада";
    private static readonly DateTimeOffset Monday = ScheduleFixture.Kyiv(2022, 7, 11, 9);

    public Task InitializeAsync() => f.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Each_communitys_executives_get_its_digest_and_never_the_other_communitys_figures()
    {
        var result = await f.RunAtAsync(new FakeTimeProvider(Monday), Monday);
        Assert.Equal(3, result.Digests);

        var rubizhne = Assert.Single(await f.MessagesOfAsync(TwoCommunitiesFixture.RubizhneExecutiveId), m => m.Kind == NotificationKind.Digest);
        var kreminna = Assert.Single(await f.MessagesOfAsync(f.ExecutiveId), m => m.Kind == NotificationKind.Digest);

        // Named by its community, opening its community's dashboard of its plan.
        Assert.StartsWith(Rubizhne + "\n", rubizhne.TextBody);
        Assert.Equal(NotificationPaths.InCommunity(f.RubizhneId, "/dashboard?year=2022", f.RubizhnePlanId), rubizhne.Link);
        Assert.StartsWith(Kreminna + "\n", kreminna.TextBody);
        Assert.Equal(f.InCommunity("/dashboard?year=2022", f.PlanId), kreminna.Link);

        // Rubizhne's figures are its dashboard's, and none of Kreminna's: its spending, not Kreminna's; no link into Kreminna.
        var dashboard = (await new DashboardService(f.DbFactory, new BudgetReportService(f.DbFactory), new CommunityClock(new FakeTimeProvider(Monday)))
            .GetAsync(TestUsers.InRole(Roles.Executive, "executive", f.RubizhneId), new DashboardFilter(f.RubizhnePlanId)))!;
        Assert.Equal(7.5m, dashboard.Spent);
        using (CultureScope.Of(Messages.Ukrainian))
        {
            Assert.Contains(
                $"Заплановано {NumberText.Amount(dashboard.Planned)} тис. грн, використано за затвердженими звітами 7,5 тис. грн — виконання {NumberText.Percent(dashboard.Execution)}.",
                rubizhne.TextBody);
            Assert.Contains($"- Затверджені: {dashboard.Reporting.Approved}: ", rubizhne.TextBody);
        }

        Assert.Contains("на період 2021 – 2023 років — 2022 рік", rubizhne.TextBody);
        Assert.DoesNotContain("звітами 3,0 тис. грн", rubizhne.TextBody);
        Assert.DoesNotContain("2020 – 2022", rubizhne.TextBody);
        Assert.DoesNotContain("Кремінськ", rubizhne.TextBody);
        Assert.All(Communities(rubizhne.TextBody), c => Assert.Equal(f.RubizhneId, c));

        // And Kreminna's executive reads nothing of Rubizhne.
        Assert.Contains("використано за затвердженими звітами 3,0 тис. грн", kreminna.TextBody);
        Assert.DoesNotContain("7,5 тис. грн", kreminna.TextBody);
        Assert.DoesNotContain("Рубіжанськ", kreminna.TextBody);
        Assert.All(Communities(kreminna.TextBody), c => Assert.Equal(f.CommunityId, c));
    }

    [Fact]
    public async Task An_official_of_two_communities_gets_one_reminder_grouped_by_community_each_period_under_its_own()
    {
        await f.RunAtAsync(new FakeTimeProvider(Monday), Monday);

        var both = Assert.Single(await f.MessagesOfAsync(TwoCommunitiesFixture.BothOfficialId));
        Assert.Equal(NotificationKind.Reminder, both.Kind);
        Assert.StartsWith($"{Kreminna}, {Rubizhne}\n", both.TextBody);
        var kreminnaHeading = both.TextBody.IndexOf("\n" + Kreminna + "\n---", StringComparison.Ordinal);
        var rubizhneHeading = both.TextBody.IndexOf("\n" + Rubizhne + "\n---", StringComparison.Ordinal);
        Assert.True(kreminnaHeading > 0 && rubizhneHeading > kreminnaHeading, both.TextBody);

        // Every period listed is linked into its own community and stands under that community's heading.
        var listed = ReportLinks().Matches(both.TextBody).Select(m => (Community: int.Parse(m.Groups[1].Value), Period: int.Parse(m.Groups[2].Value), m.Index)).ToList();
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var ids = listed.Select(l => l.Period).ToList();
        var periods = await db.ReportingPeriods.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.CommunityId);
        Assert.All(listed, l =>
        {
            Assert.Equal(periods[l.Period], l.Community);
            Assert.Equal(l.Community == f.RubizhneId, l.Index > rubizhneHeading);
        });
        Assert.Contains(listed, l => l.Community == f.CommunityId);
        Assert.Contains(listed, l => l.Community == f.RubizhneId);
        Assert.True(f.Lists(both.TextBody, f.RubizhneId, await f.RubizhnePeriodAsync("I", 4, 2022, 2)));

        // The Centre's official of Kreminna alone: Kreminna's name, Kreminna's periods.
        var centre = Assert.Single(await f.MessagesOfAsync(f.CentreId), m => m.Kind == NotificationKind.Reminder);
        Assert.StartsWith(Kreminna + "\n", centre.TextBody);
        Assert.DoesNotContain("Рубіжанськ", centre.TextBody);
        Assert.All(Communities(centre.TextBody), c => Assert.Equal(f.CommunityId, c));
    }

    /// <summary>The communities a message's links open.</summary>
    private static IEnumerable<int> Communities(string text) =>
        CommunityLinks().Matches(text).Select(m => int.Parse(m.Groups[1].Value));

    [GeneratedRegex(@"/preferences\?community=(\d+)&returnUrl=%2Freports%2F(\d+)\n")]
    private static partial Regex ReportLinks();

    [GeneratedRegex(@"/preferences\?community=(\d+)")]
    private static partial Regex CommunityLinks();
}
