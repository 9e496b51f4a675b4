using System.Net;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Tests.Accounts;

/// <summary>The app with a system administrator, who hosts new communities.</summary>
public sealed class CommunityAdministrationFixture : WebFixture
{
    public const string SystemAdministrator = "root@instance.test";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var root = new AppUser { UserName = SystemAdministrator, Email = SystemAdministrator, FullName = "Системна Адміністраторка", EmailConfirmed = true };
        Assert.True((await users.CreateAsync(root, SignIn.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(root, Roles.SystemAdministrator)).Succeeded);
    }

    public Task<AdminResult> CreateAsync(System.Security.Claims.ClaimsPrincipal caller, CommunityForm form) =>
        InScopeAsync(services => services.GetRequiredService<CommunityAdministration>().CreateAsync(caller, form));
}

public class CommunityAdministrationTests(CommunityAdministrationFixture f) : IClassFixture<CommunityAdministrationFixture>
{
    private static CommunityForm Form(string code, string slug, string email) => new()
    {
        Code = code, Name = "Тестова громада", OblastCode = KnownCommunities.LuhanskOblastCode, OblastName = KnownCommunities.LuhanskOblastName,
        Slug = slug, AdminEmail = email, AdminName = "Ганна Нова",
    };

    [Fact]
    public async Task The_system_administrator_creates_a_community_whose_administrator_signs_in_and_must_change_the_password()
    {
        var root = await f.PrincipalAsync(CommunityAdministrationFixture.SystemAdministrator);

        var result = await f.CreateAsync(root, Form("UA44120090000062828", "rubizhne-test", "hanna@rubizhne.test"));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(16, result.OneTimePassword!.Length);
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var community = await db.Communities.SingleAsync(c => c.Slug == "rubizhne-test");
        Assert.Equal(("UA44120090000062828", "Тестова громада"), (community.Code, community.Name));
        var admin = await db.Users.SingleAsync(u => u.Email == "hanna@rubizhne.test");
        Assert.True(admin.MustChangePassword);
        Assert.Equal([Roles.Administrator], await db.CommunityGrants.Where(g => g.UserId == admin.Id && g.CommunityId == community.Id).Select(g => g.Role).ToListAsync());

        using var client = SignIn.NewClient(f.Factory);
        using var signIn = await SignIn.PostLoginAsync(client, "hanna@rubizhne.test", result.OneTimePassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/account/change-password", signIn.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task An_existing_account_gets_the_role_in_the_new_community_and_keeps_its_password()
    {
        var root = await f.PrincipalAsync(CommunityAdministrationFixture.SystemAdministrator);

        var result = await f.CreateAsync(root, Form("UA44120010000052011", "consulted", "staff@kreminna.local"));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Null(result.OneTimePassword);
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var staff = await db.Users.SingleAsync(u => u.Email == "staff@kreminna.local");
        var grants = await db.CommunityGrants.Where(g => g.UserId == staff.Id).Select(g => new { g.Role, g.Community!.Slug }).ToListAsync();
        Assert.Contains(grants, g => g.Role == Roles.CouncilStaff && g.Slug == "kreminna");
        Assert.Contains(grants, g => g.Role == Roles.Administrator && g.Slug == "consulted");
        using var client = SignIn.NewClient(f.Factory);
        using var signIn = await SignIn.PostLoginAsync(client, "staff@kreminna.local", SignIn.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Theory]
    [InlineData("UA4412003000009404", "good-slug", "Community.CodeInvalid")]      // 16 digits
    [InlineData("UA44000000000018893", "good-slug", "Community.CodeInvalid")]     // an oblast, not a community
    [InlineData("UA44120030000094047", "good-slug", "Community.CodeTaken")]       // Kreminna's
    [InlineData("UA44120050000012345", "kreminna", "Community.SlugTaken")]
    [InlineData("UA44120050000012345", "Bad Slug", "Community.SlugInvalid")]
    [InlineData("UA44120050000012345", "x", "Community.SlugInvalid")]
    [InlineData("UA63120050000012345", "good-slug", "Community.OblastMismatch")]  // Kharkiv code, Luhansk oblast
    public async Task A_bad_or_taken_code_or_name_is_refused_with_its_reason_and_nothing_is_written(string code, string slug, string message)
    {
        var root = await f.PrincipalAsync(CommunityAdministrationFixture.SystemAdministrator);
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var before = await db.Communities.CountAsync();

        var result = await f.CreateAsync(root, Form(code, slug, $"new-{Guid.NewGuid():N}@x.test"));

        Assert.False(result.Succeeded);
        Assert.Contains(Core.Messages.Get(message), result.Errors);
        Assert.Equal(before, await db.Communities.CountAsync());
        Assert.False(await db.Users.AnyAsync(u => u.Email!.StartsWith("new-")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("UA1")]
    public void A_short_or_empty_oblast_code_is_a_message_at_the_field_not_an_error(string oblast)
    {
        var form = Form("UA44120050000012345", "good-slug", "x@x.test");
        form.OblastCode = oblast;

        var result = new CommunityFormValidator().Validate(form);

        Assert.Contains(result.Errors, e => e.PropertyName == nameof(CommunityForm.OblastCode)
            && e.ErrorMessage == Core.Messages.Get("Community.OblastCodeInvalid"));
    }

    [Theory]
    [InlineData("admin@kreminna.local")]
    [InlineData("staff@kreminna.local")]
    public async Task Only_the_system_administrator_creates_communities_or_lists_them(string email)
    {
        var person = await f.PrincipalAsync(email);

        var create = await Record.ExceptionAsync(() => f.CreateAsync(person, Form("UA44120070000032111", "not-allowed", "x@x.test")));
        var list = await Record.ExceptionAsync(() => f.InScopeAsync(s => s.GetRequiredService<CommunityAdministration>().ListAsync(person, 1)));

        Assert.IsType<ForbiddenException>(create);
        Assert.IsType<ForbiddenException>(list);
        using var client = await SignIn.AsAsync(f.Factory, email);
        using var page = await client.GetAsync("/admin/communities");
        Assert.Equal("/account/access-denied", page.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task The_page_lists_the_communities_for_the_system_administrator()
    {
        using var client = await SignIn.AsAsync(f.Factory, CommunityAdministrationFixture.SystemAdministrator);

        var html = await client.GetStringAsync("/admin/communities");

        Assert.Contains("UA44120030000094047", html);
        Assert.Contains("kreminna", html);
    }

    [Fact]
    public async Task Through_the_page_the_system_administrator_who_works_in_no_community_creates_one_filed_in_its_own_trail()
    {
        // Signed in, the system administrator's contexts are kept to no community (CommunityScope.NoCommunity): the
        // audit rows of the save must not be filed under that id, which is no community's (the page answered 500).
        using var client = await SignIn.AsAsync(f.Factory, CommunityAdministrationFixture.SystemAdministrator);
        var token = await SignIn.FormTokenAsync(client, "/admin/communities");

        using var response = await client.PostAsync("/admin/communities", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Code"] = "UA44100110000061602", ["Input.Name"] = "Сватівська міська територіальна громада",
            ["Input.OblastCode"] = KnownCommunities.LuhanskOblastCode, ["Input.OblastName"] = KnownCommunities.LuhanskOblastName,
            ["Input.Slug"] = "svatove-page", ["Input.AdminEmail"] = "olena@svatove.test", ["Input.AdminName"] = "Олена Сватівська",
            ["_handler"] = "new-community", ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"one-time-password\"", await response.Content.ReadAsStringAsync());
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var community = await db.Communities.SingleAsync(c => c.Slug == "svatove-page");
        var admin = await db.Users.SingleAsync(u => u.Email == "olena@svatove.test");
        var trail = await db.AuditEntries.IgnoreQueryFilters()
            .Where(a => a.Action == Core.Audit.AuditAction.Insert && a.UserName == CommunityAdministrationFixture.SystemAdministrator
                && ((a.EntityType == nameof(Community) && a.EntityKey == community.Id.ToString()) || (a.EntityType == nameof(AppUser) && a.EntityKey == admin.Id)
                    || (a.EntityType == nameof(CommunityGrant) && a.CommunityId == community.Id)))
            .Select(a => new { a.EntityType, a.CommunityId }).ToListAsync();
        Assert.Equal(
            [new { EntityType = nameof(AppUser), CommunityId = (int?)null }, new { EntityType = nameof(Community), CommunityId = (int?)community.Id },
                new { EntityType = nameof(CommunityGrant), CommunityId = (int?)community.Id }],
            trail.OrderBy(t => t.EntityType, StringComparer.Ordinal));
    }
}
