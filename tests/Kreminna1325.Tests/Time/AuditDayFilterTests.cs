using Kreminna1325.Core.Audit;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Time;

/// <summary>The audit page's days are Kyiv days: an entry at 00:30 in Kyiv belongs to that day, not to the UTC day before.</summary>
public sealed class AuditDayFilterTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Theory]
    // Winter: 22:30 UTC on the 15th is 00:30 on the 16th in Kyiv; 21:30 UTC is still 23:30 on the 15th.
    [InlineData("2022-01-15T22:30:00Z", "2022-01-16")]
    [InlineData("2022-01-15T21:30:00Z", "2022-01-15")]
    // Summer: the Kyiv day starts at 21:00 UTC.
    [InlineData("2022-07-15T21:30:00Z", "2022-07-16")]
    [InlineData("2022-07-15T20:30:00Z", "2022-07-15")]
    // The night the clocks go back (30 October 2022): 00:30 Kyiv is 21:30 UTC the day before.
    [InlineData("2022-10-29T21:30:00Z", "2022-10-30")]
    public async Task An_entry_is_found_under_its_Kyiv_day_and_no_other(string at, string kyivDay)
    {
        var key = Guid.NewGuid().ToString();
        int community;
        await using (var db = await database.DbFactory.CreateDbContextAsync())
        {
            // An entry of the community the executive works in: the trail is each community's own.
            if (await db.Communities.Select(c => (int?)c.Id).FirstOrDefaultAsync() is not { } existing)
            {
                var kreminna = Kreminna1325.Core.Communities.KnownCommunities.Kreminna();
                db.Communities.Add(kreminna);
                await db.SaveChangesAsync();
                existing = kreminna.Id;
            }

            community = existing;
            db.AuditEntries.Add(new AuditEntry
            {
                At = DateTimeOffset.Parse(at), UserName = "system", EntityType = "Midnight", EntityKey = key, Action = AuditAction.Update, Changes = "[]",
                CommunityId = community,
            });
            await db.SaveChangesAsync();
        }

        var day = DateOnly.Parse(kyivDay);
        var audit = new AuditQueries(database.DbFactory);

        async Task<bool> FoundAsync(DateOnly from, DateOnly to) =>
            (await audit.ListAsync(TestUsers.InRole(Kreminna1325.Core.Accounts.Roles.Executive, "executive", community), new AuditFilter(EntityType: "Midnight", From: from, To: to), 0, 100))
                .Items.Any(r => r.EntityKey == key);

        Assert.True(await FoundAsync(day, day));
        Assert.False(await FoundAsync(day.AddDays(-1), day.AddDays(-1)));
        Assert.False(await FoundAsync(day.AddDays(1), day.AddDays(1)));
    }
}
