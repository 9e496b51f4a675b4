using System.Net;
using System.Net.Http.Json;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Dashboard;
using Kreminna1325.Core.Exchange;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Tests.Accounts;

/// <summary>
/// The role matrix across two communities: every page, endpoint and service call of Kreminna's people with Rubizhne's ids
/// is refused, the public reads both public plans, Rubizhne's people work on their own, and an oblast coordinator reads
/// both communities' dashboards and annual reports but opens no edit page of either.
/// </summary>
public class RoleMatrixTwoCommunitiesTests(RoleMatrixFixture fixture) : IClassFixture<RoleMatrixFixture>
{
    private static readonly string[] PagesOfB =
    [
        "/measures/{measure}", "/measures/{measure}/edit", "/reports/{period}", "/plans/{plan}/amendments",
        "/plans/{plan}/annual-report/2021", "/directions/{direction}/measures/new",
    ];

    public static TheoryData<string, string> PeopleAndPagesOfB()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in Roles.All)
        {
            foreach (var path in PagesOfB)
            {
                data.Add(role, path);
            }
        }

        return data;
    }

    private string Ids(string path) => path.Replace("{measure}", fixture.MeasureB.ToString()).Replace("{period}", fixture.PeriodB.ToString())
        .Replace("{plan}", fixture.PlanB.ToString()).Replace("{direction}", fixture.DirectionB.ToString());

    [Theory]
    [MemberData(nameof(PeopleAndPagesOfB))]
    public async Task Kreminna_people_open_no_page_of_Rubizhne(string role, string path)
    {
        var client = await fixture.ClientAsync(role);

        using var response = await client.GetAsync(Ids(path));
        var body = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain(RoleMatrixFixture.Marker, body);
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.OK
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/account/access-denied"),
            $"{role} {path}: {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.CouncilStaff)]
    [InlineData(Roles.ResponsibleOfficial)]
    [InlineData(Roles.Executive)]
    public async Task Kreminna_people_get_no_answer_about_Rubizhne_ids(string role)
    {
        var client = await fixture.ClientAsync(role);

        foreach (var path in new[]
                 {
                     $"/api/measures/{fixture.MeasureB}/form", $"/api/dashboard?plan={fixture.PlanB}&year=2021",
                     $"/api/plans/{fixture.PlanB}/annual-report/2021.docx",
                 })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{role} {path}: {(int)response.StatusCode}");
        }

        using var put = await client.PutAsJsonAsync($"/api/measures/{fixture.MeasureB}", new { content = "Змінено чужими", version = 1 });
        Assert.True(put.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{role} PUT: {(int)put.StatusCode}");
        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        Assert.Equal(RoleMatrixFixture.Marker, await db.Measures.Where(m => m.Id == fixture.MeasureB).Select(m => m.Content).SingleAsync());
    }

    [Fact]
    public async Task The_services_themselves_refuse_Kreminna_people_Rubizhne_ids()
    {
        var staff = await fixture.PrincipalAsync(RoleMatrixTests.EmailOf(Roles.CouncilStaff));
        var admin = await fixture.PrincipalAsync(RoleMatrixTests.EmailOf(Roles.Administrator));
        var executive = await fixture.PrincipalAsync(RoleMatrixTests.EmailOf(Roles.Executive));

        // The scope has no request: its contexts are unfiltered, so only the services' own checks stand in the way.
        await fixture.InScopeAsync(async services =>
        {
            var editor = services.GetRequiredService<MeasureEditor>();
            var form = (await editor.LoadAsync(fixture.MeasureB))!;
            form.Content = "Змінено чужими";
            var saved = await editor.SaveAsync(staff, form);
            Assert.Equal(EditOutcome.NotFound, saved.Outcome);

            Assert.Equal(EditOutcome.NotFound, (await services.GetRequiredService<BodyRegistry>().DeleteAsync(staff, fixture.BodyB)).Outcome);
            Assert.Null(await services.GetRequiredService<DashboardService>().GetAsync(executive, new DashboardFilter(fixture.PlanB, 2021)));
            Assert.Null(await services.GetRequiredService<AnnualReportService>().GetAsync(executive, fixture.PlanB, 2021));
            Assert.False(await services.GetRequiredService<MeasureAccess>().CanReportForMeasureAsync(admin, fixture.MeasureB));
            var report = await Record.ExceptionAsync(() => services.GetRequiredService<ReportService>().LoadAsync(staff, fixture.PeriodB));
            Assert.True(report is null or ForbiddenException);
            return true;
        });

        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        Assert.Equal(RoleMatrixFixture.Marker, await db.Measures.Where(m => m.Id == fixture.MeasureB).Select(m => m.Content).SingleAsync());
        Assert.True(await db.ResponsibleBodies.AnyAsync(b => b.Id == fixture.BodyB));
    }

    [Fact]
    public async Task A_community_administrator_manages_only_that_community_accounts()
    {
        var admin = await fixture.PrincipalAsync(RoleMatrixTests.EmailOf(Roles.Administrator));
        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        var staffB = await db.Users.Where(u => u.Email == RoleMatrixFixture.EmailB(Roles.CouncilStaff)).Select(u => u.Id).SingleAsync();

        var (list, update, reset) = await fixture.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserAdministration>();
            return (await users.ListAsync(admin),
                await users.UpdateAsync(admin, new UserForm { Id = staffB, Email = "taken@kreminna.local", FullName = "Захоплено", Roles = [Roles.Administrator] }),
                await users.ResetPasswordAsync(admin, staffB));
        });

        Assert.Contains(list, u => u.Email == RoleMatrixTests.EmailOf(Roles.CouncilStaff));
        Assert.DoesNotContain(list, u => u.Email.EndsWith("@rubizhne.test", StringComparison.Ordinal) || u.Email == RoleMatrixFixture.Coordinator);
        Assert.False(update.Succeeded);
        Assert.False(reset.Succeeded);
        Assert.Equal(RoleMatrixFixture.EmailB(Roles.CouncilStaff), await db.Users.Where(u => u.Id == staffB).Select(u => u.Email).SingleAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.CouncilStaff)]
    public async Task The_public_plan_of_each_community_is_public_to_anyone(string? role)
    {
        var client = await fixture.ClientAsync(role);

        foreach (var path in new[] { $"/plans/{fixture.PlanB}", $"/api/plans/{fixture.PlanB}", $"/plans/{fixture.PlanId}", $"/api/plans/{fixture.PlanB}/budget" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} {path}: {(int)response.StatusCode}");
        }

        Assert.Contains(RoleMatrixFixture.Marker, await client.GetStringAsync($"/plans/{fixture.PlanB}"));
    }

    [Fact]
    public async Task Rubizhne_people_work_on_their_own_community()
    {
        var staff = await fixture.SignedInAsync(RoleMatrixFixture.EmailB(Roles.CouncilStaff));

        using var own = await staff.GetAsync($"/measures/{fixture.MeasureB}/edit");
        using var other = await staff.GetAsync($"/api/measures/{fixture.MeasureId}/form");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains(RoleMatrixFixture.Marker, await own.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task An_oblast_coordinator_reads_both_communities_and_edits_neither()
    {
        var client = await fixture.SignedInAsync(RoleMatrixFixture.Coordinator);

        foreach (var (community, plan, measure) in new[] { (fixture.KreminnaId, fixture.PlanId, fixture.MeasureId), (fixture.RubizhneId, fixture.PlanB, fixture.MeasureB) })
        {
            using var choose = await client.GetAsync($"/preferences?community={community}&returnUrl=%2Fdashboard");
            Assert.Equal(HttpStatusCode.Redirect, choose.StatusCode);

            foreach (var path in new[] { "/dashboard", $"/api/dashboard?plan={plan}&year=2021", $"/api/plans/{plan}/annual-report/2021.docx", $"/plans/{plan}/annual-report/2021" })
            {
                using var read = await client.GetAsync(path);
                Assert.True(read.StatusCode == HttpStatusCode.OK, $"{community} {path}: {(int)read.StatusCode}");
            }

            foreach (var path in new[] { $"/measures/{measure}/edit", "/directions", "/bodies", "/plans", "/admin/users", "/review", "/my-reports", "/admin/communities" })
            {
                using var edit = await client.GetAsync(path);
                Assert.True(edit.StatusCode == HttpStatusCode.Redirect && edit.Headers.Location!.AbsolutePath == "/account/access-denied",
                    $"{community} {path}: {(int)edit.StatusCode}");
            }

            using var put = await client.PutAsJsonAsync($"/api/measures/{measure}", new { content = "", version = 1 });
            Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        }
    }
}
