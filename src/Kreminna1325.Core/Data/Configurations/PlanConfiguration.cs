using Kreminna1325.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kreminna1325.Core.Data.Configurations;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.Property(p => p.Municipality).HasMaxLength(Plan.MunicipalityMaxLength).UseCollation(AppDbContext.UkrainianCollation);
        builder.Property(p => p.Region).HasMaxLength(Plan.MunicipalityMaxLength);
        builder.Property(p => p.Title).HasMaxLength(Plan.TitleMaxLength);
        builder.Property(p => p.Version).IsRowVersion();
        builder.Ignore(p => p.Years);
        builder.ToTable(t => t.HasCheckConstraint("ck_plans_years", "end_year >= start_year"));

        builder.HasMany(p => p.Directions).WithOne(d => d.Plan).HasForeignKey(d => d.PlanId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.PrintedTotals).WithOne().HasForeignKey(t => t.PlanId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
