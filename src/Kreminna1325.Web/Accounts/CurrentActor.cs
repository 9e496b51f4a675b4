using System.Security.Claims;
using Kreminna1325.Core.Audit;
using Microsoft.AspNetCore.Components.Authorization;

namespace Kreminna1325.Web.Accounts;

/// <summary>
/// The person behind the current circuit or request, for the audit trail. In a circuit the
/// authentication state is the truth (the HTTP context there may be the connection's, not current);
/// in a plain HTTP request (API, sign-in form) the request's user.
/// Outside both (start-up, commands) it is the system.
/// </summary>
public sealed class CurrentActor(IServiceProvider services, IHttpContextAccessor http) : ICurrentActor
{
    private Actor? fixedActor;

    public void ActAs(ClaimsPrincipal user) => fixedActor = Actor.Of(user);

    public async ValueTask<Actor> GetAsync(CancellationToken ct = default)
    {
        if (fixedActor is not null)
        {
            return fixedActor;
        }

        if (services.GetService<AuthenticationStateProvider>() is { } provider)
        {
            try
            {
                return Actor.Of((await provider.GetAuthenticationStateAsync()).User);
            }
            catch (InvalidOperationException)
            {
                // No authentication state in this scope: not a component render or circuit.
            }
        }

        return http.HttpContext is { } context ? Actor.Of(context.User) : Actor.System;
    }
}
