using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kreminna1325.Core.Seed;

/// <summary>Puts a transcribed plan into the database, once.</summary>
public sealed class PlanLoader(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<PlanLoader> logger)
{
    // Two app instances starting together must not both see an empty database and load twice.
    private const long SeedLockKey = 0x4B52_1325;

    /// <summary>Loads the built-in plan into Kreminna, the community it is Kreminna's plan of.</summary>
    public Task<int?> LoadIfEmptyAsync(PlanDocument document, CancellationToken ct = default) =>
        LoadIfEmptyAsync(document, KnownCommunities.Kreminna(), ct);

    /// <summary>
    /// Loads the plan when the community (created if new, found by its KATOTTG code) holds no plan; returns the new
    /// plan's id, or null when the community already had a plan and nothing was written.
    /// </summary>
    public async Task<int?> LoadIfEmptyAsync(PlanDocument document, Community community, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SeedLockKey})", ct);

        var communityId = await EnsureCommunityAsync(db, community, clock.GetUtcNow(), ct);
        if (await db.Plans.AnyAsync(p => p.CommunityId == communityId, ct))
        {
            return null;
        }

        var bodies = await ResolveBodiesAsync(db, communityId, document.Bodies, ct);
        var plan = PlanBuilder.Build(document, bodies);
        plan.CommunityId = communityId;
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        await Monitoring.PeriodSync.SyncPlanAsync(db, plan.Id, ct);
        await tx.CommitAsync(ct);

        logger.LogInformation(
            "Loaded plan {Title} ({Municipality}): {Directions} directions, {Measures} measures",
            plan.Title, plan.Municipality, plan.Directions.Count, plan.Directions.Sum(d => d.Measures.Count));
        return plan.Id;
    }

    private static async Task<int> EnsureCommunityAsync(AppDbContext db, Community community, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Communities.Where(c => c.Code == community.Code).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct) is { } id)
        {
            return id;
        }

        community.CreatedAt = now;
        db.Communities.Add(community);
        await db.SaveChangesAsync(ct);
        return community.Id;
    }

    /// <summary>A community's bodies are shared by its plans: reuse one with the same canonical name.</summary>
    private static async Task<Dictionary<string, ResponsibleBody>> ResolveBodiesAsync(
        AppDbContext db, int communityId, List<BodyDocument> documents, CancellationToken ct)
    {
        var names = documents.Select(b => b.Name).ToList();
        var existing = await db.ResponsibleBodies.Where(b => b.CommunityId == communityId && names.Contains(b.Name))
            .ToDictionaryAsync(b => b.Name, ct);
        var result = new Dictionary<string, ResponsibleBody>();
        foreach (var doc in documents)
        {
            if (!existing.TryGetValue(doc.Name, out var body))
            {
                body = new ResponsibleBody { CommunityId = communityId, Name = doc.Name, ShortName = doc.ShortName, Kind = doc.Kind };
                db.ResponsibleBodies.Add(body);
            }

            foreach (var alias in doc.Aliases.Where(a => !body.Aliases.Contains(a)))
            {
                body.Aliases.Add(alias);
            }

            result.Add(doc.Key, body);
        }

        return result;
    }
}
