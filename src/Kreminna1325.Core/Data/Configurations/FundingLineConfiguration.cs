using Kreminna1325.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kreminna1325.Core.Data.Configurations;

internal sealed class FundingLineConfiguration : IEntityTypeConfiguration<FundingLine>
{
    public void Configure(EntityTypeBuilder<FundingLine> builder)
    {
        builder.Property(f => f.Version).IsRowVersion();
        builder.HasIndex(f => new { f.MeasureId, f.Source, f.Year }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("ck_funding_lines_amount", "amount >= 0"));
    }
}

internal sealed class PrintedTotalConfiguration : IEntityTypeConfiguration<PrintedTotal>
{
    public void Configure(EntityTypeBuilder<PrintedTotal> builder)
    {
        builder.Property(t => t.Version).IsRowVersion();

        // One printed figure per version, scope, source and year; the adopted version and the plan scope are nulls.
        builder.HasIndex(t => new { t.PlanId, t.AmendmentId, t.DirectionId, t.Source, t.Year }).IsUnique().AreNullsDistinct(false);
        builder.HasOne(t => t.Direction).WithMany().HasForeignKey(t => t.DirectionId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
