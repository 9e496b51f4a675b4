using Kreminna1325.Core.Notifications;

namespace Kreminna1325.Web.Notifications;

/// <summary>Notifications: the outbox's sender, the schedules, the bell, the preferences and the calendar feed.</summary>
public static class NotificationsExtensions
{
    public static void AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<NotificationOptions>(builder.Configuration.GetSection(NotificationOptions.Section));
        builder.Services.Configure<MailOptions>(builder.Configuration.GetSection(MailOptions.Section));

        // The outbox's sender and its page.
        builder.Services.AddScoped<OutboxSender>();
        builder.Services.AddHostedService<OutboxDelivery>();
        builder.Services.AddScoped<OutboxQueries>();
    }

    public static void MapNotifications(this WebApplication app)
    {
    }
}
