using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Seed;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Kreminna1325.Tests.Seed;

/// <summary>The loader dates what it creates by the app's clock, as every service does, not by the machine's.</summary>
public class PlanLoaderClockTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task A_community_the_loader_creates_is_dated_by_the_injected_clock()
    {
        var at = new DateTimeOffset(2021, 3, 8, 9, 30, 0, TimeSpan.Zero);
        var loader = new PlanLoader(database.DbFactory, new FakeTimeProvider(at), NullLogger<PlanLoader>.Instance);

        Assert.NotNull(await loader.LoadIfEmptyAsync(BuiltInPlan.Read()));

        await using var db = await database.DbFactory.CreateDbContextAsync();
        var kreminna = await db.Communities.SingleAsync(c => c.Code == KnownCommunities.Kreminna().Code);
        Assert.Equal(at, kreminna.CreatedAt);
    }
}
