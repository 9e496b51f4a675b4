using Kreminna1325.Core.Accounts;

namespace Kreminna1325.Core.Notifications;

public enum NotificationKind
{
    ReportSubmitted,
    ReportReturned,
    ReportApproved,
    ReportReopened,
    Reminder,
    Digest,
}

public enum DeliveryState
{
    /// <summary>Waiting for the sender: new, or retried after <see cref="Notification.NextAttemptAt"/>.</summary>
    Pending,
    Sent,

    /// <summary>Refused for good (the server rejected the address or the message): retrying would not help.</summary>
    Failed,
}

/// <summary>
/// A message to one person: in the app (the bell, until read) and by e-mail (the outbox). Written in the same
/// transaction as the event it tells of, so a rolled-back change tells nobody; composed in the person's language
/// when written, so what was sent is what is stored.
/// </summary>
public class Notification
{
    public const int SubjectMaxLength = 300;
    public const int LinkMaxLength = 500;
    public const int AddressMaxLength = 256;

    public long Id { get; set; }
    public required string UserId { get; set; }
    public AppUser User { get; set; } = null!;
    public NotificationKind Kind { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }

    /// <summary>The app-relative address of what it is about (<c>/reports/12</c>): the bell opens it, the e-mail links to it.</summary>
    public required string Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the person opened it in the app; null while it is unread in the bell.</summary>
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>The address at the time it was written: what the e-mail went to.</summary>
    public required string ToAddress { get; set; }
    public DeliveryState Delivery { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary>A scheduled job's run for a Kyiv day: its primary key is what makes a run happen once, however many instances try.</summary>
public class ScheduleRun
{
    public required string Job { get; set; }
    public DateOnly Day { get; set; }
    public DateTimeOffset RanAt { get; set; }
}

public enum ReminderStage
{
    WeekBefore,
    DayBefore,
    Overdue,
}

/// <summary>
/// That a person was reminded of a period at a stage, and on which Kyiv day last: the week-before and day-before
/// reminders go once, the overdue one again each week until something is submitted.
/// </summary>
public class ReminderMark
{
    public required string UserId { get; set; }
    public int PeriodId { get; set; }
    public ReminderStage Stage { get; set; }
    public DateOnly Day { get; set; }
}
