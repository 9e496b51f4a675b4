using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Tests.Infrastructure;
using Kreminna1325.Tests.Rollups;
using Kreminna1325.Web.Communities;
using Microsoft.AspNetCore.Http;

namespace Kreminna1325.Tests.Communities;

/// <summary>Kreminna, Rubizhne in the same oblast, and a community of Kharkiv oblast.</summary>
public sealed class CommunityDirectoryFixture : TestDatabase
{
    public int Kreminna { get; private set; }

    public int Rubizhne { get; private set; }

    public int Kharkiv { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Kreminna = await CommunitySeed.CommunityAsync(DbFactory, KnownCommunities.Kreminna().Code, "kreminna");
        Rubizhne = await CommunitySeed.CommunityAsync(DbFactory, KnownCommunities.Rubizhne().Code, "rubizhne");
        Kharkiv = await CommunitySeed.CommunityAsync(DbFactory, "UA63120010000021682", "bezliudivka");
    }

    public CountingFactory Counting() => new(ConnectionString, null);
}

/// <summary>
/// Who may work in which community, decided once (<see cref="CommunityDirectory.MayReadAsync"/>) for the switcher's list
/// and for every request's claims transformation, and how few queries that costs on every request.
/// </summary>
public class CommunityDirectoryTests(CommunityDirectoryFixture f) : IClassFixture<CommunityDirectoryFixture>
{
    private static ClaimsPrincipal Person(params Claim[] claims) => new(new ClaimsIdentity(claims, "test"));

    private static Claim Grant(string role, object scope) =>
        new(CommunityClaims.Grant, CommunityClaims.GrantValue(role, Convert.ToString(scope, System.Globalization.CultureInfo.InvariantCulture)!));

    [Fact]
    public async Task A_community_granted_in_the_cookie_is_readable_without_a_query()
    {
        var consultant = Person(Grant(Roles.CouncilStaff, f.Kreminna), Grant(Roles.Executive, f.Rubizhne));
        var factory = f.Counting();
        var directory = new CommunityDirectory(factory);

        Assert.True(await directory.MayReadAsync(consultant, f.Rubizhne));
        Assert.True(await directory.MayReadAsync(consultant, f.Kreminna));
        Assert.False(await directory.MayReadAsync(consultant, f.Kharkiv));
        Assert.Equal(0, factory.Commands);
    }

    [Fact]
    public async Task Coordinators_read_their_oblast_or_the_country_and_the_rule_agrees_with_the_list()
    {
        var oblast = Person(Grant(Roles.OblastCoordinator, KnownCommunities.LuhanskOblastCode));
        var national = Person(new Claim(ClaimTypes.Role, Roles.NationalCoordinator));
        var directory = new CommunityDirectory(f.DbFactory);

        foreach (var (person, readable) in new[] { (oblast, new[] { f.Kreminna, f.Rubizhne }), (national, new[] { f.Kreminna, f.Rubizhne, f.Kharkiv }) })
        {
            var listed = (await directory.ReadableAsync(person)).Items.Select(c => c.Id).Order().ToList();
            Assert.Equal(readable.Order(), listed);
            foreach (var id in new[] { f.Kreminna, f.Rubizhne, f.Kharkiv, 999_999 })
            {
                Assert.Equal(listed.Contains(id), await directory.MayReadAsync(person, id));
            }
        }
    }

    [Fact]
    public async Task The_chosen_community_becomes_the_current_one_without_a_query_when_it_is_granted()
    {
        var consultant = Person(
            new Claim(ClaimTypes.NameIdentifier, "consultant"),
            Grant(Roles.CouncilStaff, f.Kreminna), Grant(Roles.Executive, f.Rubizhne));
        var factory = f.Counting();

        var inRubizhne = await TransformAsync(consultant, f.Rubizhne, factory);
        Assert.Equal(f.Rubizhne, CommunityClaims.Of(inRubizhne));
        Assert.True(inRubizhne.IsInRole(Roles.Executive));
        Assert.False(inRubizhne.IsInRole(Roles.CouncilStaff));

        // A cookie naming a community the person has nothing in falls back to their first one, still without a query.
        var elsewhere = await TransformAsync(consultant, f.Kharkiv, factory);
        Assert.Equal(f.Kreminna, CommunityClaims.Of(elsewhere));
        Assert.True(elsewhere.IsInRole(Roles.CouncilStaff));
        Assert.Equal(0, factory.Commands);
    }

    [Fact]
    public async Task A_coordinator_chooses_a_community_of_their_oblast_but_not_one_of_another()
    {
        var coordinator = Person(new Claim(ClaimTypes.NameIdentifier, "coordinator"), Grant(Roles.OblastCoordinator, KnownCommunities.LuhanskOblastCode));

        var inRubizhne = await TransformAsync(coordinator, f.Rubizhne, f.Counting());
        Assert.Equal(f.Rubizhne, CommunityClaims.Of(inRubizhne));
        Assert.True(inRubizhne.IsInRole(Roles.OblastCoordinator));

        Assert.Null(CommunityClaims.Of(await TransformAsync(coordinator, f.Kharkiv, f.Counting())));
    }

    [Fact]
    public async Task A_short_list_is_one_query_and_a_page_past_the_end_is_empty()
    {
        var consultant = Person(Grant(Roles.CouncilStaff, f.Kreminna), Grant(Roles.Executive, f.Rubizhne));
        var factory = f.Counting();
        var choices = await new CommunityDirectory(factory).ReadableAsync(consultant, pageSize: 10);
        Assert.Equal(2, choices.Total);
        Assert.Equal(new[] { f.Kreminna, f.Rubizhne }, choices.Items.Select(c => c.Id).Order());
        Assert.Equal(1, factory.Commands);

        var national = Person(new Claim(ClaimTypes.Role, Roles.NationalCoordinator));
        var paged = await new CommunityDirectory(f.DbFactory).ReadableAsync(national, pageSize: 2);
        Assert.Equal((3, 2, 2), (paged.Total, paged.Pages, paged.Items.Count));
        var past = await new CommunityDirectory(f.DbFactory).ReadableAsync(national, page: int.MaxValue, pageSize: 2);
        Assert.Equal((3, 0, CommunityDirectory.MaxPage), (past.Total, past.Items.Count, past.Page));
    }

    private static Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal person, int chosen, CountingFactory factory)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = $"{CommunityRoles.CommunityCookie}={chosen}";
        return new CommunityRoles(new HttpContextAccessor { HttpContext = context }, new CommunityDirectory(factory)).TransformAsync(person);
    }
}
