using Kreminna1325.Core.Data;
using Kreminna1325.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Notifications;

/// <summary>Notifications put straight into the table, as the workflow and the schedules write them.</summary>
public static class NotificationRows
{
    public static async Task<long> AddAsync(
        IDbContextFactory<AppDbContext> dbFactory, string userId, string subject, string link, DateTimeOffset createdAt, DateTimeOffset? readAt = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var row = new Notification
        {
            UserId = userId,
            Kind = NotificationKind.ReportReturned,
            Subject = subject,
            TextBody = subject,
            HtmlBody = $"<p>{System.Net.WebUtility.HtmlEncode(subject)}</p>",
            Link = link,
            CreatedAt = createdAt,
            ReadAt = readAt,
            ToAddress = "someone@kreminna.local",
            NextAttemptAt = createdAt,
        };
        db.Notifications.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    public static async Task<DateTimeOffset?> ReadAtAsync(IDbContextFactory<AppDbContext> dbFactory, long id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Notifications.Where(n => n.Id == id).Select(n => n.ReadAt).SingleAsync();
    }

    public static async Task ClearAsync(IDbContextFactory<AppDbContext> dbFactory)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Notifications.ExecuteDeleteAsync();
    }
}
