using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Communities;

/// <summary>Communities for tests, named from the shipped KATOTTG list as the codifier names them.</summary>
public static class CommunitySeed
{
    /// <summary>The community with this code (created if the database has none; the demo's two as the app names them), and its id.</summary>
    public static async Task<int> CommunityAsync(IDbContextFactory<AppDbContext> dbFactory, string code, string slug)
    {
        var unit = Katottg.Find(code) ?? throw new ArgumentException($"{code} is not a community of the codifier", nameof(code));
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await db.Communities.Where(c => c.Code == code).Select(c => (int?)c.Id).SingleOrDefaultAsync() is { } id)
        {
            return id;
        }

        var known = new[] { KnownCommunities.Kreminna(), KnownCommunities.Rubizhne() }.SingleOrDefault(c => c.Code == code);
        var community = known ?? new Community
        {
            Code = code, Name = unit.CommunityTitle, OblastCode = unit.OblastCode, OblastName = unit.OblastTitle, Slug = slug,
        };
        community.CreatedAt = DateTimeOffset.UtcNow;
        db.Communities.Add(community);
        await db.SaveChangesAsync();
        return community.Id;
    }

    /// <summary>A plan with no directions yet (as one started empty), in the community; its id.</summary>
    public static async Task<int> EmptyPlanAsync(IDbContextFactory<AppDbContext> dbFactory, int communityId, string title, int startYear, int endYear)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var municipality = await db.Communities.Where(c => c.Id == communityId).Select(c => c.Name).SingleAsync();
        var plan = new Plan { CommunityId = communityId, Municipality = municipality, Title = title, StartYear = startYear, EndYear = endYear };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return plan.Id;
    }

    /// <summary>
    /// Contexts that keep to one community, as the web app's are for a person working in it. Each is new, not
    /// leased from the test database's pool: a pooled context keeps CommunityId when it goes back to the pool.
    /// </summary>
    public sealed class Scoped(string connectionString, int communityId) : IDbContextFactory<AppDbContext>
    {
        private readonly DbContextOptions<AppDbContext> options = Options(connectionString);

        public AppDbContext CreateDbContext() => new(options) { CommunityId = communityId };

        private static DbContextOptions<AppDbContext> Options(string connectionString)
        {
            var builder = new DbContextOptionsBuilder<AppDbContext>();
            builder.UseKreminnaDatabase(connectionString);
            return builder.Options;
        }
    }
}
