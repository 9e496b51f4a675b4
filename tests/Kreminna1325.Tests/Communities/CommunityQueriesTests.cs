using Kreminna1325.Core.Communities;
using Kreminna1325.Tests.Infrastructure;

namespace Kreminna1325.Tests.Communities;

/// <summary>
/// Kreminna (the built-in plan and an older one), Rubizhne in the same oblast, two communities of Volyn and one
/// of Ivano-Frankivsk oblast, each with a plan, and Sievierodonetsk with none yet.
/// </summary>
public sealed class CommunityQueriesFixture : SeededDatabase
{
    public const string Kreminna = "UA44120030000094047";
    public const string Rubizhne = "UA44120090000062828";
    public const string Sievierodonetsk = "UA44120110000010163";
    public const string Zaturtsi = "UA07020030000052032";
    public const string Ivanychi = "UA07020070000082628";
    public const string Biloberizka = "UA26020010000096556";

    public int KreminnaId { get; private set; }
    public int OlderPlanId { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        KreminnaId = await CommunitySeed.CommunityAsync(DbFactory, Kreminna, "kreminna");
        OlderPlanId = await CommunitySeed.EmptyPlanAsync(DbFactory, KreminnaId, "План заходів на 2017–2019 роки", 2017, 2019);
        foreach (var (code, slug) in new[] { (Rubizhne, "rubizhne"), (Zaturtsi, "zaturtsi"), (Ivanychi, "ivanychi"), (Biloberizka, "biloberizka") })
        {
            await CommunitySeed.EmptyPlanAsync(DbFactory, await CommunitySeed.CommunityAsync(DbFactory, code, slug), "План заходів на 2024–2026 роки", 2024, 2026);
        }

        await CommunitySeed.CommunityAsync(DbFactory, Sievierodonetsk, "sievierodonetsk");
    }
}

public class CommunityQueriesTests(CommunityQueriesFixture fixture) : IClassFixture<CommunityQueriesFixture>
{
    private CommunityQueries Queries => new(fixture.DbFactory);

    [Fact]
    public async Task Lists_the_communities_with_a_plan_by_oblast_then_name_in_Ukrainian_order()
    {
        var communities = await Queries.ListAsync();

        // Ordinal order would put І (U+0406) before В and З: Івано-Франківська first, Іваничівська before Затурцівська.
        Assert.Equal(
        [
            ("Волинська область", "Затурцівська територіальна громада"),
            ("Волинська область", "Іваничівська територіальна громада"),
            ("Івано-Франківська область", "Білоберізька територіальна громада"),
            ("Луганська область", "Кремінська міська територіальна громада"),
            ("Луганська область", "Рубіжанська міська територіальна громада"),
        ], communities.Select(c => (c.Oblast, c.Name)));
        Assert.DoesNotContain(communities, c => c.Code == CommunityQueriesFixture.Sievierodonetsk);

        var kreminna = communities.Single(c => c.Code == CommunityQueriesFixture.Kreminna);
        Assert.Equal(new CommunitySummary(CommunityQueriesFixture.Kreminna, "Кремінська міська територіальна громада",
            "Луганська область", "UA44000000000018893", "kreminna"), kreminna);
        Assert.Equal("UA07000000000024379", communities.Single(c => c.Code == CommunityQueriesFixture.Ivanychi).OblastCode);
    }

    [Fact]
    public async Task A_community_by_code_or_slug_has_its_own_plans_newest_first()
    {
        var byCode = await Queries.ByCodeAsync(CommunityQueriesFixture.Kreminna);
        var bySlug = await Queries.BySlugAsync("kreminna");

        Assert.NotNull(byCode);
        Assert.Equal([fixture.PlanId, fixture.OlderPlanId], byCode.Plans.Select(p => p.Id));
        Assert.Equal(byCode.Community, bySlug!.Community);
        Assert.Equal(byCode.Plans, bySlug.Plans);

        var rubizhne = await Queries.BySlugAsync("rubizhne");
        Assert.Equal(CommunityQueriesFixture.Rubizhne, rubizhne!.Community.Code);
        Assert.Equal("План заходів на 2024–2026 роки", Assert.Single(rubizhne.Plans).Title);
    }

    [Theory]
    [InlineData(CommunityQueriesFixture.Sievierodonetsk)]
    [InlineData("UA44120030000094048")]
    [InlineData("UA44120000000092852")]
    [InlineData("UA-44")]
    [InlineData("")]
    public async Task A_code_of_no_community_with_a_plan_finds_nothing(string code) =>
        Assert.Null(await Queries.ByCodeAsync(code));

    [Theory]
    [InlineData("sievierodonetsk")]
    [InlineData("no-such-community")]
    [InlineData("KREMINNA")]
    [InlineData("")]
    public async Task A_slug_of_no_community_with_a_plan_finds_nothing(string slug) =>
        Assert.Null(await Queries.BySlugAsync(slug));

    [Fact]
    public async Task A_slug_longer_than_any_is_not_looked_up()
    {
        Assert.Null(await Queries.BySlugAsync(new string('k', 10_000)));
    }

    [Fact]
    public async Task A_person_working_in_one_community_reads_every_public_community_as_the_public_does()
    {
        // Public pages are the same for everyone: being signed in to Kreminna does not hide Rubizhne's public plan.
        var scoped = new CommunityQueries(new CommunitySeed.Scoped(fixture.ConnectionString, fixture.KreminnaId));
        var anonymous = new CommunityQueries(fixture.DbFactory);

        Assert.Equal((await anonymous.ListAsync()).Select(c => c.Code), (await scoped.ListAsync()).Select(c => c.Code));
        Assert.Contains(CommunityQueriesFixture.Kreminna, (await scoped.ListAsync()).Select(c => c.Code));
        Assert.Equal("rubizhne", (await scoped.BySlugAsync("rubizhne"))!.Community.Slug);
        Assert.Equal(2, (await scoped.BySlugAsync("kreminna"))!.Plans.Count);
    }
}
