using Kreminna1325.Core.Notifications;

namespace Kreminna1325.Web.Notifications;

/// <summary>Notifications: the outbox's sender, the schedules, the bell, the preferences and the calendar feed.</summary>
public static class NotificationsExtensions
{
    public static void AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<NotificationOptions>(builder.Configuration.GetSection(NotificationOptions.Section));
        builder.Services.Configure<MailOptions>(builder.Configuration.GetSection(MailOptions.Section));

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
