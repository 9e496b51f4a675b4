using Kreminna1325.Core.Notifications;

namespace Kreminna1325.Web.Notifications;

/// <summary>Notifications: the outbox's sender, the schedules, the bell, the preferences and the calendar feed.</summary>
public static class NotificationsExtensions
{
    public static void AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<NotificationOptions>(builder.Configuration.GetSection(NotificationOptions.Section));
        builder.Services.Configure<MailOptions>(builder.Configuration.GetSection(MailOptions.Section));

        // The bell, the preferences and the calendar feed (part 3).
        builder.Services.AddScoped<Inbox>().AddScoped<NotificationSettings>().AddScoped<CalendarFeed>();
    }

    public static void MapNotifications(this WebApplication app)
    {
        app.MapCalendarFeed();
    }
}
