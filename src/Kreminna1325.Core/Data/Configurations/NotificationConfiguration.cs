using Kreminna1325.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kreminna1325.Core.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Subject).HasMaxLength(Notification.SubjectMaxLength);
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength);
        builder.Property(n => n.ToAddress).HasMaxLength(Notification.AddressMaxLength);
        builder.HasOne(n => n.User).WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);

        // The sender's claim reads only what waits; the bell reads a person's unread ones.
        builder.HasIndex(n => n.NextAttemptAt).HasFilter("delivery = 'Pending'");
        builder.HasIndex(n => new { n.UserId, n.CreatedAt }).HasFilter("read_at IS NULL");
    }
}

internal sealed class ScheduleRunConfiguration : IEntityTypeConfiguration<ScheduleRun>
{
    public void Configure(EntityTypeBuilder<ScheduleRun> builder)
    {
        builder.HasKey(r => new { r.Job, r.Day });
        builder.Property(r => r.Job).HasMaxLength(40);
    }
}

internal sealed class ReminderMarkConfiguration : IEntityTypeConfiguration<ReminderMark>
{
    public void Configure(EntityTypeBuilder<ReminderMark> builder)
    {
        builder.HasKey(m => new { m.UserId, m.PeriodId, m.Stage });
        builder.HasIndex(m => m.PeriodId);
        builder.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Monitoring.ReportingPeriod>().WithMany().HasForeignKey(m => m.PeriodId).OnDelete(DeleteBehavior.Cascade);
    }
}
