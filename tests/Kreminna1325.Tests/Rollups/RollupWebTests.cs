using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Kreminna1325.Tests.Accounts;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Tests.Rollups;

/// <summary>The demo instance (Kreminna in Luhansk oblast) with an oblast coordinator of Luhansk, one of Kharkiv, and a national coordinator.</summary>
public sealed class RollupWebFixture : WebFixture
{
    public const string Password = "Rollup-Coordinator-1325";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AddAsync("luhansk@rollups.test", Roles.OblastCoordinator, KnownCommunities.LuhanskOblastCode);
        await AddAsync("kharkiv@rollups.test", Roles.OblastCoordinator, RollupFixture.Kharkiv);
        await AddAsync("national@rollups.test", Roles.NationalCoordinator, null);
    }

    private Task AddAsync(string email, string role, string? oblast) => InScopeAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var person = new AppUser { UserName = email, Email = email, FullName = email };
        Assert.True((await users.CreateAsync(person, Password)).Succeeded);
        if (oblast is null)
        {
            Assert.True((await users.AddToRoleAsync(person, role)).Succeeded);
        }
        else
        {
            var db = services.GetRequiredService<AppDbContext>();
            db.CommunityGrants.Add(new CommunityGrant { UserId = person.Id, Role = role, OblastCode = oblast });
            await db.SaveChangesAsync();
        }

        return 0;
    });
}

/// <summary>The pages and downloads through the real app: who opens them, what they answer otherwise.</summary>
public class RollupWebTests(RollupWebFixture f) : IClassFixture<RollupWebFixture>
{
    private const string Luhansk = KnownCommunities.LuhanskOblastCode;

    private Task<HttpClient> AsAsync(string who) => SignIn.AsAsync(f.Factory, who, RollupWebFixture.Password);

    [Fact]
    public async Task The_oblast_coordinator_sees_the_oblasts_communities_and_downloads_the_workbook()
    {
        var client = await AsAsync("luhansk@rollups.test");

        var html = await client.GetStringAsync($"/oblast/{Luhansk}");
        Assert.Contains("Кремінська міська територіальна громада", html);
        Assert.Contains("Лише затверджені звіти", html);
        Assert.Contains("/preferences?community=", html);
        Assert.Contains($"href=\"/oblast/{Luhansk}\"", html); // the menu's link

        using var response = await client.GetAsync($"/api/rollups/oblast/{Luhansk}.xlsx?year=2021");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"rollup-{Luhansk.ToLowerInvariant()}-2021.xlsx", response.Content.Headers.ContentDisposition!.FileName);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
        // Title, note, headings, a row per community of the oblast (Kreminna among them), the totals.
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var communities = await db.Communities.CountAsync(c => c.OblastCode == Luhansk);
        Assert.Equal(3 + communities + 1, rows.Count);
        Assert.Contains("UA44120030000094047", rows.Skip(3).Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().First().InnerText));
    }

    [Fact]
    public async Task Another_oblasts_coordinator_is_refused_the_page_and_the_workbook()
    {
        var client = await AsAsync("kharkiv@rollups.test");

        using var page = await client.GetAsync($"/oblast/{Luhansk}");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        await AssertProblemAsync(client, $"/api/rollups/oblast/{Luhansk}.xlsx", HttpStatusCode.Forbidden);
        await AssertProblemAsync(client, "/api/rollups/national.xlsx", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_national_coordinator_reads_every_oblast_and_the_country()
    {
        var client = await AsAsync("national@rollups.test");

        Assert.Contains("Кремінська міська територіальна громада", await client.GetStringAsync("/national"));
        Assert.Contains("Кремінська міська територіальна громада", await client.GetStringAsync($"/oblast/{Luhansk}"));
        using var national = await client.GetAsync("/api/rollups/national.xlsx");
        Assert.Equal(HttpStatusCode.OK, national.StatusCode);
        await AssertProblemAsync(client, "/api/rollups/oblast/UA05000000000010236.xlsx", HttpStatusCode.NotFound);
        await AssertProblemAsync(client, "/api/rollups/oblast/UA05'.xlsx", HttpStatusCode.BadRequest);
        await AssertProblemAsync(client, "/api/rollups/national.xlsx?year=abc", HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("UA05'", HttpStatusCode.BadRequest, "Код області — «UA» і 17 цифр, а отримано «UA05'».")]
    [InlineData("ua44000000000018893x", HttpStatusCode.BadRequest, "Код області — «UA» і 17 цифр, а отримано «ua44000000000018893x».")]
    [InlineData("UA05000000000010236", HttpStatusCode.NotFound, "Жодна громада не належить до області з кодом «UA05000000000010236».")]
    [InlineData("UA44120000000092852", HttpStatusCode.NotFound, "UA44120000000092852 — код району, а не області.")]
    [InlineData("UA44120030000094047", HttpStatusCode.NotFound, "UA44120030000094047 — код територіальної громади, а не області.")]
    [InlineData("UA99000000000012345", HttpStatusCode.NotFound, "Області з кодом UA99000000000012345 немає в кодифікаторі КАТОТТГ (редакція від 02.07.2025).")]
    public async Task A_malformed_oblast_code_is_400_and_a_code_of_no_oblast_here_is_404_each_saying_why(string code, HttpStatusCode status, string detail)
    {
        var client = await AsAsync("national@rollups.test");

        using var response = await client.GetAsync($"/api/rollups/oblast/{Uri.EscapeDataString(code)}.xlsx");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("UA-44", HttpStatusCode.BadRequest)]
    [InlineData("UA44120000000092852", HttpStatusCode.NotFound)]
    [InlineData("UA99000000000012345", HttpStatusCode.NotFound)]
    public async Task The_open_data_and_the_roll_up_answer_a_code_alike(string code, HttpStatusCode status)
    {
        var client = await AsAsync("national@rollups.test");

        using var plans = await client.GetAsync($"/api/communities/{Uri.EscapeDataString(code)}/plans");
        using var rollup = await client.GetAsync($"/api/rollups/oblast/{Uri.EscapeDataString(code)}.xlsx");

        Assert.Equal((status, status), (plans.StatusCode, rollup.StatusCode));
    }

    [Fact]
    public async Task The_page_of_a_code_that_is_no_oblasts_says_what_the_code_is()
    {
        var client = await AsAsync("national@rollups.test");

        var html = await client.GetStringAsync("/oblast/UA44120000000092852");

        Assert.Contains("UA44120000000092852 — код району, а не області.", System.Net.WebUtility.HtmlDecode(html));
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.CouncilStaff)]
    [InlineData(Roles.ResponsibleOfficial)]
    [InlineData(Roles.Executive)]
    public async Task Community_roles_are_refused(string role)
    {
        var client = await SignIn.AsAsync(f.Factory, RoleMatrixTests.EmailOf(role));

        foreach (var path in new[] { $"/oblast/{Luhansk}", "/national" })
        {
            using var page = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/account/access-denied", page.Headers.Location!.AbsolutePath);
        }

        await AssertProblemAsync(client, $"/api/rollups/oblast/{Luhansk}.xlsx", HttpStatusCode.Forbidden);
        await AssertProblemAsync(client, "/api/rollups/national.xlsx", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Anonymous_is_sent_to_sign_in_and_the_api_answers_401()
    {
        var client = f.Factory.NewClient();

        using var page = await client.GetAsync("/national");
        Assert.Equal("/account/login", page.Headers.Location!.AbsolutePath);
        await AssertProblemAsync(client, "/api/rollups/national.xlsx", HttpStatusCode.Unauthorized);
    }

    private static async Task AssertProblemAsync(HttpClient client, string path, HttpStatusCode status)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
