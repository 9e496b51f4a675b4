using System.Security.Claims;
using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Core.Accounts;

/// <summary>
/// The scope of its own that a service managing accounts opens for each operation (a circuit lives long; a half-made
/// account must never remain). The caller is made the actor before anything is resolved, so the audit is in their name
/// and the context the scope's factory makes keeps to their community (the web app's does); Identity's
/// <see cref="UserManager{TUser}"/> works over that same context, so one transaction holds the account and its grants.
/// </summary>
internal static class AccountScope
{
    public static AsyncServiceScope Open(
        IServiceScopeFactory scopes, ClaimsPrincipal caller, out AppDbContext db, out UserManager<AppUser> users)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ICurrentActor>().ActAs(caller);
        db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return scope;
    }
}
