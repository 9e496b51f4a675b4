using Kreminna1325.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kreminna1325.Core.Data.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public static readonly string KnownDisaggregations =
        $"ARRAY[{string.Join(", ", Enum.GetNames<Disaggregation>().Select(n => $"'{n}'"))}]::text[]";

    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.Property(i => i.Text).HasMaxLength(Indicator.TextMaxLength);
        builder.PrimitiveCollection(i => i.Disaggregations)
            .HasColumnType("text[]")
            .ElementType(e => e.HasConversion<string>());
        builder.Property(i => i.Version).IsRowVersion();
        builder.HasIndex(i => new { i.MeasureId, i.Position });

        // The last guard behind the validators: a breakdown the app does not know once made every page
        // that reads the indicator fail. Adding a Disaggregation value needs a migration that widens this.
        builder.ToTable(t => t.HasCheckConstraint("ck_indicators_disaggregations", $"disaggregations <@ {KnownDisaggregations}"));
    }
}
