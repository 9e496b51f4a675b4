using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Web.Communities;

/// <summary>
/// Contexts for the person of this request or circuit: a signed-in person's see only the community they are working
/// in (<see cref="AppDbContext.CommunityId"/>), and a signed-in person with no community sees none. Anonymous requests
/// and background work get unfiltered contexts: the public reads what is public, and schedules span communities.
/// </summary>
public sealed class CommunityDbContextFactory(
    DbContextOptions<AppDbContext> options, IServiceProvider services, IHttpContextAccessor http) : IDbContextFactory<AppDbContext>
{
    public const int NoCommunity = CommunityScope.NoCommunity;

    public AppDbContext CreateDbContext() =>
        new(options) { CommunityId = ScopeOf(CurrentUserAsync().AsTask().GetAwaiter().GetResult()) };

    public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        new(options) { CommunityId = ScopeOf(await CurrentUserAsync()) };

    private static int? ScopeOf(System.Security.Claims.ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? CommunityScope.Of(user) : null;

    /// <summary>As <see cref="Web.Accounts.CurrentActor"/>: the circuit's authentication state, else the request's user.</summary>
    private async ValueTask<System.Security.Claims.ClaimsPrincipal?> CurrentUserAsync()
    {
        if (services.GetService<AuthenticationStateProvider>() is { } provider)
        {
            try
            {
                return (await provider.GetAuthenticationStateAsync()).User;
            }
            catch (InvalidOperationException)
            {
                // Not a circuit: the request's user below.
            }
        }

        return http.HttpContext?.User;
    }
}
