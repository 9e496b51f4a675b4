using System.Security.Claims;
using Kreminna1325.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Communities;

/// <summary>
/// The services' own isolation check, written once: a service acting for a person reads and writes through a context
/// kept to that person's current community, so an id of another community is simply not there (not found), whoever
/// made the factory (the web app's filters already; a test's or a background job's do not).
/// </summary>
public static class CommunityScope
{
    /// <summary>No community has this id: a signed-in person without a community reads no community's rows.</summary>
    public const int NoCommunity = -1;

    /// <summary>The community a person's work is kept to: their current one, else none at all.</summary>
    public static int Of(ClaimsPrincipal user) => CommunityClaims.Of(user) ?? NoCommunity;

    /// <summary>A context for work done on behalf of <paramref name="user"/>: only their current community's rows.</summary>
    public static async Task<AppDbContext> CreateForAsync(
        this IDbContextFactory<AppDbContext> factory, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var db = await factory.CreateDbContextAsync(ct);
        db.CommunityId = Of(user);
        return db;
    }

    /// <summary>
    /// The one door to what is public (the plan, its budget and amendments, published results): read with the community
    /// filter off, so anyone, a signed-in person of another community included, reads a community's public page. Only the
    /// services that read nothing else use it (PlanQueries.GetAsync, BudgetReportService, PlanVersions, OpenDataResults,
    /// AmendmentRecorder.GetScanAsync); reports in progress, evidence, audit and accounts never come through it.
    /// </summary>
    public static async Task<AppDbContext> CreatePublicAsync(this IDbContextFactory<AppDbContext> factory, CancellationToken ct = default)
    {
        var db = await factory.CreateDbContextAsync(ct);
        db.CommunityId = null;
        return db;
    }
}
