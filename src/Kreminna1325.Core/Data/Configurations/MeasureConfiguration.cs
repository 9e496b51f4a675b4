using Kreminna1325.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kreminna1325.Core.Data.Configurations;

internal sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> builder)
    {
        builder.Property(m => m.Content).HasMaxLength(Measure.ContentMaxLength);
        builder.Property(m => m.Version).IsRowVersion();
        builder.ComplexProperty(m => m.Term, term =>
        {
            term.Property(t => t.Text).HasMaxLength(Term.TextMaxLength).HasColumnName("term_text");
            term.Property(t => t.Kind).HasColumnName("term_kind");
            term.Property(t => t.Quarter).HasColumnName("term_quarter");
            term.Property(t => t.FirstMonth).HasColumnName("term_first_month");
            term.Property(t => t.LastMonth).HasColumnName("term_last_month");
        });
        builder.HasIndex(m => new { m.DirectionId, m.Number });

        builder.HasMany(m => m.ResponsibleBodies).WithOne(r => r.Measure).HasForeignKey(r => r.MeasureId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Indicators).WithOne(i => i.Measure).HasForeignKey(i => i.MeasureId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.FundingLines).WithOne(f => f.Measure).HasForeignKey(f => f.MeasureId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
