using Kreminna1325.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kreminna1325.Core.Data.Configurations;

internal sealed class DirectionConfiguration : IEntityTypeConfiguration<Direction>
{
    public void Configure(EntityTypeBuilder<Direction> builder)
    {
        builder.Property(d => d.Number).HasMaxLength(10);
        builder.Property(d => d.Title).HasMaxLength(Plans.Editing.DirectionEditor.TitleMaxLength);
        builder.Property(d => d.Version).IsRowVersion();
        builder.HasIndex(d => new { d.PlanId, d.Order });

        // A direction that still has measures must not vanish with them.
        builder.HasMany(d => d.Measures).WithOne(m => m.Direction).HasForeignKey(m => m.DirectionId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
