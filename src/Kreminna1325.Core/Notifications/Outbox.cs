using Kreminna1325.Core.Data;

namespace Kreminna1325.Core.Notifications;

/// <summary>
/// Puts a message for a person into the context the event is written through: it is saved, and later sent,
/// only if that transaction commits. The subject and body are composed in the recipient's language.
/// </summary>
public static class Outbox
{
    public static Notification Add(
        AppDbContext db, Recipient to, NotificationKind kind, string link, string community, NotificationOptions options,
        DateTimeOffset now, Func<(string Subject, MessageBody Body)> compose)
    {
        using var language = CultureScope.Of(to.Culture);
        var (subject, body) = compose();
        var (text, html) = body.Render(options, community);
        var notification = new Notification
        {
            UserId = to.UserId,
            Kind = kind,
            Subject = subject.Length <= Notification.SubjectMaxLength ? subject : subject[..(Notification.SubjectMaxLength - 1)] + "…",
            TextBody = text,
            HtmlBody = html,
            Link = link,
            CreatedAt = now,
            ToAddress = to.Email,
            Delivery = DeliveryState.Pending,
            NextAttemptAt = now,
        };
        db.Notifications.Add(notification);
        return notification;
    }
}
