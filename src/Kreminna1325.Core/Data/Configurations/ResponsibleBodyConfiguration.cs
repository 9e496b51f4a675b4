using Kreminna1325.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kreminna1325.Core.Data.Configurations;

internal sealed class ResponsibleBodyConfiguration : IEntityTypeConfiguration<ResponsibleBody>
{
    public void Configure(EntityTypeBuilder<ResponsibleBody> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(ResponsibleBody.NameMaxLength).UseCollation(AppDbContext.UkrainianCollation);
        builder.Property(b => b.ShortName).HasMaxLength(ResponsibleBody.ShortNameMaxLength).UseCollation(AppDbContext.UkrainianCollation);
        builder.Property(b => b.Aliases).HasColumnType("text[]");
        builder.Property(b => b.Version).IsRowVersion();
        builder.HasIndex(b => new { b.CommunityId, b.Name }).IsUnique();
    }
}

internal sealed class MeasureResponsibleBodyConfiguration : IEntityTypeConfiguration<MeasureResponsibleBody>
{
    public void Configure(EntityTypeBuilder<MeasureResponsibleBody> builder)
    {
        builder.HasKey(r => new { r.MeasureId, r.ResponsibleBodyId });
        builder.Property(r => r.Version).IsRowVersion();

        // Finding "every measure of my body" is the officials' everyday query.
        builder.HasIndex(r => r.ResponsibleBodyId);

        // A body still named by a measure cannot be deleted out from under it.
        builder.HasOne(r => r.ResponsibleBody).WithMany().HasForeignKey(r => r.ResponsibleBodyId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
