using Kreminna1325.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kreminna1325.Core.Data.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.Property(i => i.Text).HasMaxLength(Indicator.TextMaxLength);
        builder.PrimitiveCollection(i => i.Disaggregations)
            .HasColumnType("text[]")
            .ElementType(e => e.HasConversion<string>());
        builder.Property(i => i.Version).IsRowVersion();
        builder.HasIndex(i => new { i.MeasureId, i.Position });
    }
}
