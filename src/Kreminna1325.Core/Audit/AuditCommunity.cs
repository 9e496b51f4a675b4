using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Plans;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Kreminna1325.Core.Audit;

/// <summary>
/// Whose trail a change belongs in: the row's own community, its plan's, or a grant's. Rows of a measure are filed by
/// the database from the measure. A person's account rows written where no community is current (the system
/// administrator onboarding a community, demo seeding, create-admin) go with the community grant saved with them, so
/// that community's administrators read who was given an account there; with no such grant (the instance-wide roles,
/// an oblast's coordinator) they are deliberately filed in none. What is left takes the community the change was made in.
/// </summary>
internal static class AuditCommunity
{
    /// <param name="granted">Who is given a community role in this save, and where (<see cref="Granted"/>, read before it).</param>
    public static int? Of(EntityEntry entry, IReadOnlyDictionary<string, int> granted) => Own(entry, granted) ?? Current(entry);

    /// <summary>
    /// The one community each person is given a role in by the save about to happen; read before it, as afterwards every
    /// row is unchanged. A person given roles in several at once is left out (filed in none rather than in a guess).
    /// </summary>
    public static IReadOnlyDictionary<string, int> Granted(ChangeTracker tracker) =>
        tracker.Entries<CommunityGrant>()
            .Where(g => g.State == EntityState.Added && g.Entity.CommunityId is > 0)
            .GroupBy(g => g.Entity.UserId)
            .Where(g => g.Select(x => x.Entity.CommunityId).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Entity.CommunityId!.Value);

    private static int? Own(EntityEntry entry, IReadOnlyDictionary<string, int> granted) => entry.Entity switch
    {
        ICommunityOwned { CommunityId: > 0 } owned => owned.CommunityId,
        CommunityGrant grant => grant.CommunityId,

        // A community's creation (read after the save, so its id is known) opens its own trail.
        Community community => community.Id,
        _ when entry.Metadata.FindProperty(nameof(Direction.PlanId)) is { } planId => PlanCommunity(entry, (int?)entry.Property(planId.Name).CurrentValue),
        _ when entry.Context is AppDbContext { CommunityId: null } && PersonOf(entry) is { } userId && granted.TryGetValue(userId, out var grant) => grant,
        _ => null,
    };

    /// <summary>
    /// The community the change was made in. A person with no community works in <see cref="CommunityScope.NoCommunity"/>,
    /// which is no row of communities: what they change (their own password, say) is the instance's, filed in none.
    /// </summary>
    private static int? Current(EntityEntry entry) => entry.Context is AppDbContext { CommunityId: > 0 and var id } ? id : null;

    /// <summary>The plan is in the same unit of work (loaded or being added), as it is whenever its parts change.</summary>
    private static int? PlanCommunity(EntityEntry entry, int? planId) =>
        entry.Context.ChangeTracker.Entries<Plan>().FirstOrDefault(p => p.Entity.Id == planId) is { Entity.CommunityId: > 0 } plan
            ? plan.Entity.CommunityId
            : null;

    /// <summary>Whose account row this is: the account itself, or Identity's and the app's rows naming the person.</summary>
    private static string? PersonOf(EntityEntry entry) => entry.Entity switch
    {
        AppUser user => user.Id,
        UserResponsibleBody link => link.UserId,
        IdentityUserRole<string> role => role.UserId,
        IdentityUserClaim<string> claim => claim.UserId,
        IdentityUserLogin<string> login => login.UserId,
        IdentityUserToken<string> token => token.UserId,
        _ => null,
    };
}
