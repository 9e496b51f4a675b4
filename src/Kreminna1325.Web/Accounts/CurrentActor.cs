using System.Security.Claims;
using Kreminna1325.Core.Audit;
using Microsoft.AspNetCore.Components.Authorization;

namespace Kreminna1325.Web.Accounts;

/// <summary>
/// The person behind the current circuit or request, for the audit trail and for the community the scope's contexts
/// keep to (<see cref="Communities.CommunityDbContextFactory"/>): the one a service acts for (<see cref="ActAs"/>), else
/// in a circuit the authentication state (the HTTP context there may be the connection's, not current), else in a plain
/// HTTP request (API, sign-in form) the request's user. Outside all three (start-up, commands) it is the system.
/// </summary>
public sealed class CurrentActor(IServiceProvider services, IHttpContextAccessor http) : ICurrentActor
{
    /// <summary>
    /// Signed in, with no community and no roles: who the person is when a circuit has not yet said (see <see cref="User"/>),
    /// so a context made then reads no community's rows rather than waiting or reading all.
    /// </summary>
    private static readonly ClaimsPrincipal NotYetKnown = new(new ClaimsIdentity("not-yet-known"));

    private ClaimsPrincipal? actingFor;

    public void ActAs(ClaimsPrincipal user) => actingFor = user;

    public async ValueTask<Actor> GetAsync(CancellationToken ct = default) =>
        await UserAsync() is { } user ? Actor.Of(user) : Actor.System;

    /// <summary>The person of this scope; null for the system.</summary>
    public async ValueTask<ClaimsPrincipal?> UserAsync() =>
        actingFor ?? (CircuitState() is { } state ? (await state).User : http.HttpContext?.User);

    /// <summary>
    /// The same without waiting, for the synchronous <c>CreateDbContext</c>: a circuit's state is a finished task once the
    /// circuit has started, so this never blocks on one; were it still pending, the person counts as one of no community.
    /// </summary>
    public ClaimsPrincipal? User =>
        actingFor ?? (CircuitState() is { } state ? (state.IsCompletedSuccessfully ? state.Result.User : NotYetKnown) : http.HttpContext?.User);

    private Task<AuthenticationState>? CircuitState()
    {
        if (services.GetService<AuthenticationStateProvider>() is not { } provider)
        {
            return null;
        }

        try
        {
            return provider.GetAuthenticationStateAsync();
        }
        catch (InvalidOperationException)
        {
            // No authentication state in this scope: not a component render or circuit.
            return null;
        }
    }
}
