using Kreminna1325.Core.Notifications;

namespace Kreminna1325.Web.Notifications;

/// <summary>Notifications: the outbox's sender, the schedules, the bell, the preferences and the calendar feed.</summary>
public static class NotificationsExtensions
{
    public static void AddNotifications(this WebApplicationBuilder builder)
    {
        // A wrong address or port is refused at start, not discovered in the first e-mail.
        builder.Services.AddOptions<NotificationOptions>().Bind(builder.Configuration.GetSection(NotificationOptions.Section))
            .Validate(o => o.HasValidBaseUrl, "Notifications:PublicBaseUrl must be the absolute http(s) address people open the app at, e.g. https://1325.kreminna.gov.ua")
            .ValidateOnStart();
        builder.Services.AddOptions<MailOptions>().Bind(builder.Configuration.GetSection(MailOptions.Section))
            .Validate(o => o.Port is > 0 and <= 65535, "Mail:Port must be a TCP port (1–65535)")
            .Validate(o => o.SendEverySeconds > 0, "Mail:SendEverySeconds must be at least 1")
            .ValidateOnStart();

        // Daily reminders and the Monday digest, checked every minute (Notifications:Schedules=false: not here).
        builder.Services.AddScoped<WeeklyDigest>().AddScoped<Schedules>();
        builder.Services.AddHostedService<ScheduleWorker>();

        // The outbox's sender and its page.
        builder.Services.AddScoped<OutboxSender>();
        builder.Services.AddHostedService<OutboxDelivery>();
        builder.Services.AddScoped<OutboxQueries>();

        // The bell, the preferences and the calendar feed.
        builder.Services.AddScoped<Inbox>().AddScoped<NotificationSettings>().AddScoped<CalendarFeed>();
    }

    public static void MapNotifications(this WebApplication app)
    {
        app.MapCalendarFeed();
    }
}
