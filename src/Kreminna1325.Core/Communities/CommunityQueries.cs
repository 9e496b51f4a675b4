using Kreminna1325.Core.Data;
using Kreminna1325.Core.Plans;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Communities;

/// <summary>A community as the public and the open-data API name it.</summary>
public sealed record CommunitySummary(string Code, string Name, string Oblast, string OblastCode, string Slug);

/// <summary>A community's public page: the community and its plans, newest first (never empty).</summary>
public sealed record CommunityPlans(CommunitySummary Community, IReadOnlyList<PlanSummary> Plans);

/// <summary>
/// The communities the public can read: those with at least one plan (a community being set up has nothing to
/// show yet). Public, so the same for everyone: read through the one public door, as the plan, budget and open data
/// are, so a person signed in to one community reads the others' public pages as anonymous readers do.
/// </summary>
public sealed class CommunityQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>By oblast, then name, in Ukrainian alphabetical order (both columns have the Ukrainian collation).</summary>
    public async Task<IReadOnlyList<CommunitySummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreatePublicAsync(ct);
        return await db.Communities.AsNoTracking()
            .Where(c => db.Plans.Any(p => p.CommunityId == c.Id))
            .OrderBy(c => c.OblastName).ThenBy(c => c.Name).ThenBy(c => c.Code)
            .Select(c => new CommunitySummary(c.Code, c.Name, c.OblastName, c.OblastCode, c.Slug))
            .ToListAsync(ct);
    }

    /// <summary>The community with this KATOTTG code and its plans; null when no community with a plan has it.</summary>
    public Task<CommunityPlans?> ByCodeAsync(string code, CancellationToken ct = default) =>
        Katottg.IsWellFormed(code) ? FindAsync(c => c.Code == code, ct) : Task.FromResult<CommunityPlans?>(null);

    /// <summary>The community at <c>/c/{slug}</c> and its plans; null when no community with a plan has it.</summary>
    public Task<CommunityPlans?> BySlugAsync(string slug, CancellationToken ct = default) =>
        slug.Length <= Community.SlugMaxLength ? FindAsync(c => c.Slug == slug, ct) : Task.FromResult<CommunityPlans?>(null);

    private async Task<CommunityPlans?> FindAsync(Expression<Func<Community, bool>> which, CancellationToken ct)
    {
        await using var db = await dbFactory.CreatePublicAsync(ct);
        var community = await db.Communities.AsNoTracking().Where(which)
            .Select(c => new { c.Id, Summary = new CommunitySummary(c.Code, c.Name, c.OblastName, c.OblastCode, c.Slug) })
            .SingleOrDefaultAsync(ct);
        if (community is null)
        {
            return null;
        }

        var plans = await PlanQueries.Summaries(db.Plans.AsNoTracking().Where(p => p.CommunityId == community.Id)).ToListAsync(ct);
        return plans.Count == 0 ? null : new CommunityPlans(community.Summary, plans);
    }
}
