using Kreminna1325.Core.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kreminna1325.Core.Data.Configurations;

internal sealed class ReportingPeriodConfiguration : IEntityTypeConfiguration<ReportingPeriod>
{
    public void Configure(EntityTypeBuilder<ReportingPeriod> builder)
    {
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasIndex(p => new { p.MeasureId, p.Start, p.End }).IsUnique();
        builder.HasIndex(p => p.Due);
        builder.HasOne(p => p.Measure).WithMany().HasForeignKey(p => p.MeasureId).OnDelete(DeleteBehavior.Cascade);
        // NO ACTION, checked at the end of the statement: a measure's deletion takes both away together,
        // while a period is never deleted alone once it has a report (it is orphaned instead).
        builder.HasOne(p => p.Report).WithOne(r => r.Period).HasForeignKey<Report>(r => r.PeriodId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.Property(r => r.Version).IsRowVersion();
        builder.Property(r => r.Narrative).HasMaxLength(Report.NarrativeMaxLength);
        builder.Property(r => r.NotDoneReason).HasMaxLength(Report.CommentMaxLength);
        builder.Property(r => r.ReviewComment).HasMaxLength(Report.CommentMaxLength);
        builder.Property(r => r.SubmittedBy).HasMaxLength(256);
        builder.Property(r => r.ReviewedBy).HasMaxLength(256);
        builder.HasIndex(r => r.PeriodId).IsUnique();
        builder.HasIndex(r => new { r.Status, r.MeasureId });

        // A roll-up counts each community's reports by status: index-only (172 → 56 ms for an oblast's 79
        // communities at 1,500, see README "Many communities"). Serves the community filter as the plain index did.
        builder.HasIndex(r => new { r.CommunityId, r.Status });
        builder.HasOne<Plans.Measure>().WithMany().HasForeignKey(r => r.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Values).WithOne(v => v.Report).HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Spending).WithOne(s => s.Report).HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Evidence).WithOne(e => e.Report).HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.Property(v => v.Version).IsRowVersion();
        builder.Property(v => v.Number).HasPrecision(14, 1);
        builder.Property(v => v.DocumentReference).HasMaxLength(IndicatorValue.DocumentReferenceMaxLength);
        builder.Property(v => v.Text).HasMaxLength(Report.NarrativeMaxLength);
        builder.Property(v => v.Entries).HasColumnType("text[]");
        builder.HasIndex(v => new { v.ReportId, v.IndicatorId }).IsUnique();

        // An indicator that has values cannot silently vanish with them.
        builder.HasOne(v => v.Indicator).WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(v => v.Breakdown).WithOne(b => b.IndicatorValue).HasForeignKey(b => b.IndicatorValueId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ValueBreakdownConfiguration : IEntityTypeConfiguration<ValueBreakdown>
{
    public void Configure(EntityTypeBuilder<ValueBreakdown> builder)
    {
        builder.HasKey(b => new { b.IndicatorValueId, b.Dimension, b.Category });
        builder.Property(b => b.Category).HasMaxLength(40);
        builder.ToTable(t => t.HasCheckConstraint("ck_value_breakdowns_count", "count >= 0"));

        // A roll-up sums each community's reach by category: index-only, where the plain community index left
        // PostgreSQL a sequential scan of every community's breakdowns (570–740 → 146–198 ms for an oblast at 1,500).
        builder.HasIndex(b => new { b.CommunityId, b.Dimension, b.Category }).IncludeProperties(b => b.Count);
    }
}

internal sealed class ReportSpendingConfiguration : IEntityTypeConfiguration<ReportSpending>
{
    public void Configure(EntityTypeBuilder<ReportSpending> builder)
    {
        builder.HasKey(s => new { s.ReportId, s.Source });
        builder.ToTable(t => t.HasCheckConstraint("ck_report_spending_amount", "amount >= 0"));
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> builder)
    {
        builder.ToTable("evidence");
        builder.Property(e => e.FileName).HasMaxLength(255);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.Property(e => e.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.UploadedBy).HasMaxLength(256);
        builder.HasIndex(e => e.ReportId);
    }
}

internal sealed class ReportEventConfiguration : IEntityTypeConfiguration<ReportEvent>
{
    public void Configure(EntityTypeBuilder<ReportEvent> builder)
    {
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.Comment).HasMaxLength(Report.CommentMaxLength);
        builder.HasIndex(e => new { e.ReportId, e.At });
    }
}

internal sealed class MeasureYearStatusConfiguration : IEntityTypeConfiguration<MeasureYearStatus>
{
    public void Configure(EntityTypeBuilder<MeasureYearStatus> builder) => builder.HasNoKey().ToView("measure_year_statuses");
}
