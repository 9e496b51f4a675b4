using System.Security.Claims;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Kreminna1325.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Web.Communities;

/// <summary>
/// Contexts for the person of this request or circuit (<see cref="CurrentActor"/>, who also signs the audit, so a service
/// acting for someone in a scope of its own reads as them too): a signed-in person's see only the community they are
/// working in (<see cref="AppDbContext.CommunityId"/>), and a signed-in person with no community sees none. Anonymous
/// requests and background work get unfiltered contexts: the public reads what is public, and schedules span communities.
/// </summary>
public sealed class CommunityDbContextFactory(DbContextOptions<AppDbContext> options, CurrentActor actor) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => new(options) { CommunityId = ScopeOf(actor.User) };

    public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        new(options) { CommunityId = ScopeOf(await actor.UserAsync()) };

    private static int? ScopeOf(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? CommunityScope.Of(user) : null;
}
