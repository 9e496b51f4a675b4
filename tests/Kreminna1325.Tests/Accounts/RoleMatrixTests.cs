using System.Net;
using System.Net.Http.Json;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Tests.Infrastructure;
using Kreminna1325.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Tests.Accounts;

/// <summary>Every role against every protected page, endpoint and action: exactly their part, enforced on the server.</summary>
public class RoleMatrixTests(RoleMatrixFixture fixture) : IClassFixture<RoleMatrixFixture>
{
    private const string Anonymous = "anonymous";

    public static string EmailOf(string role) => role switch
    {
        Roles.Administrator => "admin@kreminna.local",
        Roles.CouncilStaff => "staff@kreminna.local",
        Roles.ResponsibleOfficial => "official@kreminna.local",
        Roles.Executive => "executive@kreminna.local",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>Every protected page, then who may open it: A(dmin), S(taff), O(fficial), E(xecutive). Anonymous is always sent to sign-in. The browser tests walk the same list.</summary>
    public static readonly (string Path, string Allowed)[] ProtectedPages =
    [
        ("/measures", "ASOE"),
        ("/measures/{measure}", "ASOE"),
        ("/my-reports", "AO"),
        ("/dashboard", "ASE"),
        ("/audit", "AE"),
        ("/admin/users", "A"),
        ("/admin/mail", "AS"),
        ("/account/change-password", "ASOE"),
        ("/account/notifications", "ASOE"),
        ("/review", "AS"),
        ("/reports?state=overdue", "ASE"),
        ("/reports/{period}", "ASOE"),
        ("/directions", "AS"),
        ("/bodies", "AS"),
        ("/plans", "AS"),
        ("/measures/{measure}/edit", "AS"),

        // The roll-ups are for oblast and national coordinators only (Rollups/RollupWebTests): no community role opens them.
        ("/oblast/" + Kreminna1325.Core.Communities.KnownCommunities.LuhanskOblastCode, ""),
        ("/national", ""),
    ];

    public static TheoryData<string, string, bool> Pages()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var (path, allowed) in ProtectedPages)
        {
            data.Add(path, Anonymous, false);
            data.Add(path, Roles.Administrator, allowed.Contains('A'));
            data.Add(path, Roles.CouncilStaff, allowed.Contains('S'));
            data.Add(path, Roles.ResponsibleOfficial, allowed.Contains('O'));
            data.Add(path, Roles.Executive, allowed.Contains('E'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Pages_open_only_for_their_roles(string path, string role, bool allowed)
    {
        var client = await fixture.ClientAsync(role == Anonymous ? null : role);

        using var response = await client.GetAsync(path.Replace("{measure}", fixture.MeasureId.ToString()).Replace("{period}", fixture.PeriodId.ToString()));

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var expected = role == Anonymous ? "/account/login" : "/account/access-denied";
            Assert.Equal(expected, response.Headers.Location!.AbsolutePath);
        }
    }

    [Theory]
    [InlineData(Anonymous)]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.CouncilStaff)]
    [InlineData(Roles.ResponsibleOfficial)]
    [InlineData(Roles.Executive)]
    public async Task The_public_plan_and_open_data_are_open_to_all(string role)
    {
        var client = await fixture.ClientAsync(role == Anonymous ? null : role);

        foreach (var path in new[] { "/", "/api/plans", $"/api/plans/{fixture.PlanId}", $"/api/plans/{fixture.PlanId}/budget", "/api/responsible-bodies", "/health" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} {path}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData(Anonymous, HttpStatusCode.Unauthorized)]
    [InlineData(Roles.Administrator, HttpStatusCode.OK)]
    [InlineData(Roles.CouncilStaff, HttpStatusCode.OK)]
    [InlineData(Roles.ResponsibleOfficial, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Executive, HttpStatusCode.OK)]
    public async Task The_dashboard_figures_are_for_executives_staff_and_administrators(string role, HttpStatusCode expected)
    {
        var client = await fixture.ClientAsync(role == Anonymous ? null : role);

        using var response = await client.GetAsync("/api/dashboard?year=2021");

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(Anonymous, HttpStatusCode.Unauthorized)]
    [InlineData(Roles.Administrator, HttpStatusCode.BadRequest)]
    [InlineData(Roles.CouncilStaff, HttpStatusCode.BadRequest)]
    [InlineData(Roles.ResponsibleOfficial, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Executive, HttpStatusCode.Forbidden)]
    public async Task The_edit_endpoint_refuses_all_but_staff_and_administrators(string role, HttpStatusCode expected)
    {
        // An empty content: those allowed get past authorization to validation (400) and nothing is written.
        var client = await fixture.ClientAsync(role == Anonymous ? null : role);

        using var response = await client.PutAsJsonAsync($"/api/measures/{fixture.MeasureId}", new { content = "", version = 1 });

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.CouncilStaff, true)]
    [InlineData(Roles.ResponsibleOfficial, false)]
    [InlineData(Roles.Executive, false)]
    public async Task The_edit_service_itself_checks_the_caller(string role, bool allowed)
    {
        var user = await fixture.PrincipalAsync(EmailOf(role));

        var attempt = await fixture.InScopeAsync(async services =>
        {
            var editor = services.GetRequiredService<MeasureEditor>();
            var form = (await editor.LoadAsync(fixture.MeasureId))!;
            return await Record.ExceptionAsync(() => editor.SaveAsync(user, form));
        });

        if (allowed)
        {
            Assert.Null(attempt);
        }
        else
        {
            Assert.IsType<ForbiddenException>(attempt);
        }
    }

    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.CouncilStaff, false)]
    [InlineData(Roles.ResponsibleOfficial, false)]
    [InlineData(Roles.Executive, false)]
    public async Task Only_administrators_manage_accounts_even_when_calling_the_service(string role, bool allowed)
    {
        var user = await fixture.PrincipalAsync(EmailOf(role));

        var attempt = await fixture.InScopeAsync(services => Record.ExceptionAsync(() =>
            services.GetRequiredService<UserAdministration>().ListAsync(user)));

        if (allowed)
        {
            Assert.Null(attempt);
        }
        else
        {
            Assert.IsType<ForbiddenException>(attempt);
        }
    }

    [Theory]
    [InlineData(Roles.ResponsibleOfficial, "I", 4, true)]   // the Gender Equality Centre is responsible
    [InlineData(Roles.ResponsibleOfficial, "III", 5, true)]
    [InlineData(Roles.ResponsibleOfficial, "I", 1, false)]  // the deputy mayor's measure: another body's
    [InlineData(Roles.ResponsibleOfficial, "II", 1, false)]
    [InlineData(Roles.Administrator, "I", 1, true)]
    [InlineData(Roles.CouncilStaff, "I", 4, false)]
    [InlineData(Roles.Executive, "I", 4, false)]
    public async Task Reporting_on_a_measure_is_for_officials_of_its_bodies(string role, string direction, int number, bool allowed)
    {
        var user = await fixture.PrincipalAsync(EmailOf(role));
        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        var measureId = await db.Measures.Where(m => m.Direction.Number == direction && m.Number == number && m.Direction.PlanId == fixture.PlanId).Select(m => m.Id).SingleAsync();

        var result = await fixture.InScopeAsync(services =>
            services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, measureId, Policies.CanReportForMeasure));
        var direct = await fixture.InScopeAsync(services =>
            services.GetRequiredService<MeasureAccess>().CanReportForMeasureAsync(user, measureId));

        Assert.Equal(allowed, result.Succeeded);
        Assert.Equal(allowed, direct);
    }

    [Theory]
    [InlineData("/dashboard?year=abc&direction=-1&body=1.5")]
    [InlineData("/reports?year=20x2&direction=abc&state=nonsense")]
    [InlineData("/measures?direction=abc&body=%20")]
    public async Task A_malformed_query_string_is_ignored_not_an_error_page(string path)
    {
        var client = await fixture.ClientAsync(Roles.Executive);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Сталася помилка", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_malformed_dashboard_query_is_a_400_problem_and_a_bad_plan_preference_is_ignored()
    {
        var client = await fixture.ClientAsync(Roles.Executive);

        using var api = await client.GetAsync("/api/dashboard?year=abc");
        using var preference = await client.GetAsync("/preferences?plan=abc&returnUrl=%2Fdashboard");

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Redirect, preference.StatusCode);
        Assert.Equal("/dashboard", preference.Headers.Location!.OriginalString);
    }
}
