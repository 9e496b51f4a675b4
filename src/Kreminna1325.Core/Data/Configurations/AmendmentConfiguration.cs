using Kreminna1325.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kreminna1325.Core.Data.Configurations;

internal sealed class PlanAmendmentConfiguration : IEntityTypeConfiguration<PlanAmendment>
{
    public void Configure(EntityTypeBuilder<PlanAmendment> builder)
    {
        builder.Property(a => a.Number).HasMaxLength(PlanAmendment.NumberMaxLength);
        builder.Property(a => a.Title).HasMaxLength(PlanAmendment.TitleMaxLength);
        builder.Property(a => a.RecordedBy).HasMaxLength(256);
        builder.Property(a => a.Version).IsRowVersion();

        // A decision is recorded once: the same number of the same day twice is a slip, not a second decision.
        builder.HasIndex(a => new { a.PlanId, a.Number, a.DecidedOn }).IsUnique();
        builder.HasOne(a => a.Plan).WithMany().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Scan).WithOne().HasForeignKey<AmendmentScan>(s => s.AmendmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Amounts).WithOne().HasForeignKey(v => v.AmendmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.PrintedTotals).WithOne().HasForeignKey(t => t.AmendmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AmendmentScanConfiguration : IEntityTypeConfiguration<AmendmentScan>
{
    public void Configure(EntityTypeBuilder<AmendmentScan> builder)
    {
        builder.HasKey(s => s.AmendmentId);
        builder.Property(s => s.FileName).HasMaxLength(255);
        builder.Property(s => s.ContentType).HasMaxLength(100);
        builder.Property(s => s.Sha256).HasMaxLength(64);
    }
}

internal sealed class VersionAmountConfiguration : IEntityTypeConfiguration<VersionAmount>
{
    public void Configure(EntityTypeBuilder<VersionAmount> builder)
    {
        builder.HasIndex(v => new { v.PlanId, v.AmendmentId });
        builder.HasOne<Plan>().WithMany().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Direction>().WithMany().HasForeignKey(v => v.DirectionId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("ck_version_amounts_amount", "amount >= 0"));
    }
}
