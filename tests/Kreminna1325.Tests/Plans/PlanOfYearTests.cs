using Kreminna1325.Core;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Rollups;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kreminna1325.Tests.Plans;

/// <summary>
/// "The plan covering a year, else the newest", written once in <see cref="PlanQueries"/>: the digest's plans
/// (<see cref="PlanQueries.OfYear"/>) and the roll-up's plan of each community agree — with a plan covering the year beside
/// a newer one, with none covering it, and with two covering it.
/// </summary>
public sealed class PlanOfYearTests(TestDatabase f) : IClassFixture<TestDatabase>
{
    private const int Year = 2022;

    [Fact]
    public async Task The_digest_and_the_roll_up_choose_by_the_one_rule()
    {
        var covering = await CommunityAsync("Громада з чинним планом", "UA44120010000000001", (2020, 2022), (2023, 2025));
        var none = await CommunityAsync("Громада без чинного плану", "UA44120020000000002", (2016, 2018), (2017, 2019));
        var two = await CommunityAsync("Громада з двома чинними планами", "UA44120040000000004", (2021, 2023), (2022, 2024));
        var empty = await CommunityAsync("Громада без планів", "UA44120050000000005");

        await using var db = await f.DbFactory.CreateDbContextAsync();
        var digest = (await PlanQueries.OfYear(db.Plans, Year).Select(p => new { p.CommunityId, p.Id }).ToListAsync())
            .ToLookup(p => p.CommunityId, p => p.Id);
        Assert.Equal([covering.Plans[0]], digest[covering.Id]);
        Assert.Equal([none.Plans[1]], digest[none.Id]);
        Assert.Equal([two.Plans[1], two.Plans[0]], digest[two.Id]);
        Assert.Empty(digest[empty.Id]);

        var clock = new FakeTimeProvider(new DateTimeOffset(Year, 7, 15, 12, 0, 0, TimeSpan.Zero));
        var rollup = await new RollupService(f.DbFactory, new CommunityClock(clock)).FiguresAsync(null, Year, new DateOnly(Year, 7, 15), 0, null, default);
        var rows = rollup!.Rows.ToDictionary(r => r.CommunityId, r => r.Plan?.Id);
        Assert.Equal(covering.Plans[0], rows[covering.Id]);
        Assert.Equal(none.Plans[1], rows[none.Id]);
        Assert.Equal(two.Plans[1], rows[two.Id]);
        Assert.Null(rows[empty.Id]);

        // Where one plan speaks for a community, it is the first of those the digest reports on.
        foreach (var community in new[] { covering, none, two })
        {
            Assert.Equal(digest[community.Id].First(), rows[community.Id]);
        }
    }

    private async Task<(int Id, List<int> Plans)> CommunityAsync(string name, string code, params (int Start, int End)[] years)
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var community = new Community
        {
            Code = code, Name = name, OblastCode = KnownCommunities.LuhanskOblastCode, OblastName = "Луганська область", Slug = code.ToLowerInvariant(),
        };
        db.Communities.Add(community);
        await db.SaveChangesAsync();
        var plans = years.Select(y => new Plan { CommunityId = community.Id, Municipality = name, Title = $"План {y.Start}–{y.End}", StartYear = y.Start, EndYear = y.End }).ToList();
        db.Plans.AddRange(plans);
        await db.SaveChangesAsync();
        return (community.Id, plans.Select(p => p.Id).ToList());
    }
}
