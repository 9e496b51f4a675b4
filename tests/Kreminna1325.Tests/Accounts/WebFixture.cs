using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Tests.Accounts;

/// <summary>A seeded database with the app in local mode over it: roles and the four demo accounts.</summary>
public class WebFixture : SeededDatabase
{
    public KreminnaWebFactory Factory { get; private set; } = null!;

    protected virtual IDictionary<string, string?>? Settings => null;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Factory = new KreminnaWebFactory(ConnectionString, settings: Settings);
        _ = Factory.Server; // start now: migrations, roles, demo accounts
    }

    public override async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>
    /// The principal the app itself would build for this person at sign-in, working in <paramref name="community"/>
    /// (else their first community), as a request of theirs sees them.
    /// </summary>
    public async Task<ClaimsPrincipal> PrincipalAsync(string email, int? community = null)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}");
        var principal = await factory.CreateAsync(user);
        return Web.Communities.CommunityRoles.InCommunity(
            principal, community ?? (Core.Communities.CommunityClaims.GrantedCommunities(principal) is [var first, ..] ? first : null));
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
