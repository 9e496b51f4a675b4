using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kreminna1325.Core.Data.Configurations;

internal sealed class CommunityConfiguration : IEntityTypeConfiguration<Community>
{
    public void Configure(EntityTypeBuilder<Community> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(19);
        builder.Property(c => c.Name).HasMaxLength(Community.NameMaxLength).UseCollation(AppDbContext.UkrainianCollation);
        builder.Property(c => c.OblastCode).HasMaxLength(19);
        builder.Property(c => c.OblastName).HasMaxLength(Community.NameMaxLength).UseCollation(AppDbContext.UkrainianCollation);
        builder.Property(c => c.Slug).HasMaxLength(Community.SlugMaxLength);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.HasIndex(c => new { c.OblastCode, c.Name });
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_communities_code", "code ~ '^UA[0-9]{17}$'");
            t.HasCheckConstraint("ck_communities_oblast_code", "oblast_code ~ '^UA[0-9]{17}$'");
            t.HasCheckConstraint("ck_communities_slug", "slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'");
        });
    }
}

internal sealed class CommunityGrantConfiguration : IEntityTypeConfiguration<CommunityGrant>
{
    public void Configure(EntityTypeBuilder<CommunityGrant> builder)
    {
        builder.Property(g => g.Role).HasMaxLength(40);
        builder.Property(g => g.OblastCode).HasMaxLength(19);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(g => g.Community).WithMany().HasForeignKey(g => g.CommunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.UserId, g.Role, g.CommunityId, g.OblastCode }).IsUnique().AreNullsDistinct(false);
        builder.HasIndex(g => new { g.CommunityId, g.Role });

        // Which scope a role takes is part of the role: a community role names a community, an oblast
        // coordinator an oblast, and the instance-wide roles neither.
        builder.ToTable(t => t.HasCheckConstraint("ck_community_grants_scope", $"""
            (role = '{Roles.OblastCoordinator}' AND oblast_code IS NOT NULL AND community_id IS NULL)
            OR (role IN ('{Roles.NationalCoordinator}', '{Roles.SystemAdministrator}') AND oblast_code IS NULL AND community_id IS NULL)
            OR (role IN ('{Roles.Administrator}', '{Roles.CouncilStaff}', '{Roles.ResponsibleOfficial}', '{Roles.Executive}')
                AND community_id IS NOT NULL AND oblast_code IS NULL)
            """));
    }
}
