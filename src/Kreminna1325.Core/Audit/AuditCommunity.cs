using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Plans;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Kreminna1325.Core.Audit;

/// <summary>
/// Whose trail a change belongs in: the row's own community, its plan's, or a grant's. Rows of a measure are filed by
/// the database from the measure; what is left (accounts, sign-ins) takes the community the change was made in.
/// </summary>
internal static class AuditCommunity
{
    /// <summary>
    /// The row's community, else <paramref name="madeIn"/> (the context's). A person working in no community (the system
    /// administrator, a coordinator) has a context kept to <see cref="CommunityScope.NoCommunity"/>, which is no row to file under.
    /// </summary>
    public static int? Of(EntityEntry entry, int? madeIn) => Of(entry) ?? (madeIn is > 0 ? madeIn : null);

    private static int? Of(EntityEntry entry) => entry.Entity switch
    {
        ICommunityOwned { CommunityId: > 0 } owned => owned.CommunityId,
        CommunityGrant grant => grant.CommunityId,

        // A community's creation (read after the save, so its id is known) opens its own trail.
        Community community => community.Id,
        _ when entry.Metadata.FindProperty(nameof(Direction.PlanId)) is { } planId => PlanCommunity(entry, (int?)entry.Property(planId.Name).CurrentValue),
        _ => null,
    };

    /// <summary>The plan is in the same unit of work (loaded or being added), as it is whenever its parts change.</summary>
    private static int? PlanCommunity(EntityEntry entry, int? planId) =>
        entry.Context.ChangeTracker.Entries<Plan>().FirstOrDefault(p => p.Entity.Id == planId) is { Entity.CommunityId: > 0 } plan
            ? plan.Entity.CommunityId
            : null;
}
