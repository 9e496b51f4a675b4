using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Plans;

/// <summary>Two people saving the same row: the second save must not silently overwrite the first.</summary>
public class ConcurrencyTokenTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task The_second_of_two_edits_from_the_same_version_is_refused()
    {
        await using var first = await database.DbFactory.CreateDbContextAsync();
        await using var second = await database.DbFactory.CreateDbContextAsync();
        var mine = await first.Measures.SingleAsync(m => m.Direction.Number == "II" && m.Number == 1);
        var theirs = await second.Measures.SingleAsync(m => m.Id == mine.Id);
        Assert.NotEqual(0u, mine.Version);

        mine.Content += " (уточнено)";
        await first.SaveChangesAsync();
        theirs.FundingNote = FundingNote.NotRequired;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = await database.DbFactory.CreateDbContextAsync();
        var stored = await check.Measures.SingleAsync(m => m.Id == mine.Id);
        Assert.EndsWith("(уточнено)", stored.Content);
        Assert.Null(stored.FundingNote);
    }
}
