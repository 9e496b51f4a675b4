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

    public Task<CommunityResult> CreateAsync(System.Security.Claims.ClaimsPrincipal caller, CommunityForm form) =>
        InScopeAsync(services => services.GetRequiredService<CommunityAdministration>().CreateAsync(caller, form));
}

public class CommunityAdministrationTests(CommunityAdministrationFixture f) : IClassFixture<CommunityAdministrationFixture>
{
    private static CommunityForm Form(string code, string slug, string email, string name = "") => new()
    {
        Code = code, Name = name, Slug = slug, AdminEmail = email, AdminName = "Ганна Нова",
    };

    [Fact]
    public async Task The_system_administrator_creates_a_community_whose_administrator_signs_in_and_must_change_the_password()
    {
        var root = await f.PrincipalAsync(CommunityAdministrationFixture.SystemAdministrator);

        var result = await f.CreateAsync(root, Form(" ua44120090000062828 ", "rubizhne-test", "hanna@rubizhne.test", "Рубіжанська міська територіальна громада"));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values.SelectMany(m => m)));
        Assert.Equal(16, result.OneTimePassword!.Length);
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var community = await db.Communities.SingleAsync(c => c.Slug == "rubizhne-test");
        // The code as the codifier writes it; the oblast is the codifier's, not typed.
        Assert.Equal(
            ("UA44120090000062828", "Рубіжанська міська територіальна громада", KnownCommunities.LuhanskOblastCode, KnownCommunities.LuhanskOblastName),
            (community.Code, community.Name, community.OblastCode, community.OblastName));
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

        var result = await f.CreateAsync(root, Form("UA44120010000044132", "consulted", "staff@kreminna.local"));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values.SelectMany(m => m)));
        Assert.Null(result.OneTimePassword);
        // No name typed: the codifier's.
        Assert.Equal("Гірська територіальна громада", result.Name);
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
    [InlineData("UA4412003000009404", "good-slug", "", "Code", "Код КАТОТТГ — це «UA» і 17 цифр, наприклад UA44120030000094047.")]
    [InlineData("  ", "good-slug", "", "Code", "Вкажіть код громади за КАТОТТГ.")]
    [InlineData("UA44000000000018893", "good-slug", "", "Code",
        "UA44000000000018893 — код області (або АР Крим, Києва, Севастополя), а не територіальної громади.")]
    [InlineData("UA44120030000094048", "good-slug", "", "Code", // Kreminna's with the last digit mistyped
        "Територіальної громади з кодом UA44120030000094048 немає в кодифікаторі КАТОТТГ (редакція від 02.07.2025).")]
    [InlineData("UA44120030000094047", "good-slug", "", "Code", "Громада з цим кодом КАТОТТГ уже є.")]
    [InlineData("UA44120050000066819", "kreminna", "", "Slug", "Цю коротку назву вже має інша громада.")]
    [InlineData("UA44120050000066819", "Bad Slug", "", "Slug",
        "Коротка назва для адреси: від 2 до 40 малих латинських літер, цифр і дефісів (наприклад, kreminna).")]
    [InlineData("UA44120050000066819", "good-slug", "Попаснянська міська територіальна громада", "Name", // Lysychansk's code, Popasna's name
        "У кодифікаторі КАТОТТГ громада з кодом UA44120050000066819 — «Лисичанська», і назва має з цього починатися. Перевірте код або залиште назву порожньою.")]
    public async Task A_bad_or_taken_code_or_name_is_refused_at_its_field_and_nothing_is_written(string code, string slug, string name, string field, string message)
    {
        using var _ = new Editing.CultureScope("uk-UA");
        var root = await f.PrincipalAsync(CommunityAdministrationFixture.SystemAdministrator);
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var before = await db.Communities.CountAsync();

        var result = await f.CreateAsync(root, Form(code, slug, $"new-{Guid.NewGuid():N}@x.test", name));

        Assert.False(result.Succeeded);
        Assert.Equal([field], result.Errors.Keys);
        Assert.Equal(message, result.ErrorAt(field));
        Assert.Equal(before, await db.Communities.CountAsync());
        Assert.False(await db.Users.AnyAsync(u => u.Email!.StartsWith("new-")));
    }

    [Theory]
    [InlineData("Лисичанська міська територіальна громада")]
    [InlineData("лисичанська міська територіальна громада")]
    public void A_name_that_begins_with_the_codifiers_is_accepted(string name)
    {
        var result = new CommunityFormValidator().Validate(Form("UA44120050000066819", "good-slug", "x@x.test", name));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Fact]
    public void Any_apostrophe_typed_matches_the_codifiers()
    {
        // Зимогір’ївська: the codifier writes U+2019; a keyboard gives ' or U+02BC.
        foreach (var name in new[] { "Зимогір'ївська міська територіальна громада", "Зимогірʼївська міська територіальна громада" })
        {
            Assert.True(new CommunityFormValidator().Validate(Form("UA44020030000055937", "good-slug", "x@x.test", name)).IsValid, name);
        }
    }

    [Fact]
    public async Task The_page_shows_the_codifiers_reason_at_the_code_field()
    {
        using var client = await SignIn.AsAsync(f.Factory, CommunityAdministrationFixture.SystemAdministrator);

        var html = await PostAsync(client, new() { ["Input.Code"] = "UA44120030000094048", ["Input.Slug"] = "page-test", ["Input.AdminEmail"] = "page@x.test", ["Input.AdminName"] = "Петро" });

        var code = html.QuerySelector("#code")!;
        Assert.Equal("true", code.GetAttribute("aria-invalid"));
        Assert.Contains("code-error", code.GetAttribute("aria-describedby")!.Split(' '));
        Assert.Equal(
            "Територіальної громади з кодом UA44120030000094048 немає в кодифікаторі КАТОТТГ (редакція від 02.07.2025).",
            html.QuerySelector("#code-error")!.TextContent.Trim());
        Assert.NotEqual("true", html.QuerySelector("#slug")!.GetAttribute("aria-invalid"));
        Assert.Null(html.QuerySelector("#slug-error"));
        Assert.Equal("UA44120030000094048", code.GetAttribute("value"));
    }

    [Fact]
    public async Task The_page_shows_which_community_a_taken_code_is_by_the_codifier()
    {
        using var client = await SignIn.AsAsync(f.Factory, CommunityAdministrationFixture.SystemAdministrator);

        var html = await PostAsync(client, new() { ["Input.Code"] = "UA44120030000094047", ["Input.Slug"] = "page-taken", ["Input.AdminEmail"] = "taken@x.test", ["Input.AdminName"] = "Петро" });

        Assert.Equal("Громада з цим кодом КАТОТТГ уже є.", html.QuerySelector("#code-error")!.TextContent.Trim());
        Assert.Equal("За кодифікатором КАТОТТГ це: Кремінська територіальна громада, Луганська область.", html.QuerySelector("#code-found")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("UA44140010000036188", "race-a", "UA44140010000036188", "race-b", "Code", "Громада з цим кодом КАТОТТГ уже є.")]
    [InlineData("UA44140030000070201", "race-same", "UA44140050000026566", "race-same", "Slug", "Цю коротку назву вже має інша громада.")]
    public async Task Of_two_creations_of_the_same_community_at_once_one_wins_and_the_other_is_told_at_the_field(
        string code1, string slug1, string code2, string slug2, string field, string message)
    {
        using var _ = new Editing.CultureScope("uk-UA");
        var root = await f.PrincipalAsync(CommunityAdministrationFixture.SystemAdministrator);

        var results = await Task.WhenAll(
            Task.Run(() => f.CreateAsync(root, Form(code1, slug1, $"race-{Guid.NewGuid():N}@x.test"))),
            Task.Run(() => f.CreateAsync(root, Form(code2, slug2, $"race-{Guid.NewGuid():N}@x.test"))));

        Assert.Single(results, r => r.Succeeded);
        var loser = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal([field], loser.Errors.Keys);
        Assert.Equal(message, loser.ErrorAt(field));
        await using var db = await f.DbFactory.CreateDbContextAsync();
        Assert.Equal(1, await db.Communities.CountAsync(c => c.Code == code1 || c.Code == code2));
        // The winner's administrator holds the role; the loser's account was not left behind without a community.
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email!.StartsWith("race-")
            && db.CommunityGrants.Any(g => g.UserId == u.Id && (g.Community!.Code == code1 || g.Community.Code == code2))));
        Assert.False(await db.Users.AnyAsync(u => u.Email!.StartsWith("race-") && !db.CommunityGrants.Any(g => g.UserId == u.Id)));
    }

    [Fact]
    public async Task A_community_committed_between_the_check_and_the_insert_is_a_taken_code_not_an_error()
    {
        using var _ = new Editing.CultureScope("uk-UA");
        const string code = "UA44140070000058445";
        var root = await f.PrincipalAsync(CommunityAdministrationFixture.SystemAdministrator);
        // The other creation's row, inserted and not yet committed: the service's check cannot see it, its insert waits on it.
        await using var other = await f.DbFactory.CreateDbContextAsync();
        await using var tx = await other.Database.BeginTransactionAsync();
        other.Communities.Add(new Community
        {
            Code = code, Name = "Міловська селищна територіальна громада", OblastCode = KnownCommunities.LuhanskOblastCode,
            OblastName = KnownCommunities.LuhanskOblastName, Slug = "milove-first", CreatedAt = DateTimeOffset.UtcNow,
        });
        await other.SaveChangesAsync();

        var creating = Task.Run(() => f.CreateAsync(root, Form(code, "milove-second", "milove@x.test")));
        await WaitForLockWaitAsync(creating);
        await tx.CommitAsync();
        var result = await creating;

        Assert.Equal("Громада з цим кодом КАТОТТГ уже є.", result.ErrorAt("Code"));
        await using var db = await f.DbFactory.CreateDbContextAsync();
        Assert.Equal(["milove-first"], await db.Communities.Where(c => c.Code == code).Select(c => c.Slug).ToListAsync());
        Assert.False(await db.Users.AnyAsync(u => u.Email == "milove@x.test"));
    }

    /// <summary>Until a session of the database waits for a lock (the service's insert behind the uncommitted row).</summary>
    private async Task WaitForLockWaitAsync(Task creating)
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await db.Database.SqlQueryRaw<int>(
            "SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'").SingleAsync() == 0)
        {
            Assert.False(creating.IsCompleted, "The creation finished without waiting for the other one's row.");
            Assert.True(DateTime.UtcNow < deadline, "The creation never waited for the other one's row.");
            await Task.Delay(20);
        }
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PostAsync(HttpClient client, Dictionary<string, string> fields)
    {
        fields["_handler"] = "new-community";
        fields["__RequestVerificationToken"] = await SignIn.FormTokenAsync(client, "/admin/communities");
        using var response = await client.PostAsync("/admin/communities", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("admin@kreminna.local")]
    [InlineData("staff@kreminna.local")]
    public async Task Only_the_system_administrator_creates_communities_or_lists_them(string email)
    {
        var person = await f.PrincipalAsync(email);

        var create = await Record.ExceptionAsync(() => f.CreateAsync(person, Form("UA44120070000073915", "not-allowed", "x@x.test")));
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
            // The new administrator's account goes with the grant saved with it, so that community's trail says who made it.
            [new { EntityType = nameof(AppUser), CommunityId = (int?)community.Id }, new { EntityType = nameof(Community), CommunityId = (int?)community.Id },
                new { EntityType = nameof(CommunityGrant), CommunityId = (int?)community.Id }],
            trail.OrderBy(t => t.EntityType, StringComparer.Ordinal));
    }
}
