using System.Globalization;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Notifications;

/// <summary>Someone a notification goes to, with what decides its language and whether it goes at all.</summary>
public sealed record Recipient(string UserId, string Email, string FullName, CultureInfo Culture, bool RemindersOff, bool DigestOff);

/// <summary>Who is told of what: active accounts with an address, by role or by the bodies responsible for a measure.</summary>
public static class Recipients
{
    /// <summary>The people holding a role in one community.</summary>
    public static Task<List<Recipient>> InRoleAsync(AppDbContext db, string role, int communityId, CancellationToken ct) =>
        ToRecipientsAsync(Active(db).Where(u => db.CommunityGrants.Any(g => g.UserId == u.Id && g.Role == role && g.CommunityId == communityId)), ct);

    /// <summary>
    /// The people holding a role, each with a community they hold it in (a person with the role in two communities is
    /// two rows): for the scheduled messages, read for every community at once.
    /// </summary>
    public static async Task<List<(int CommunityId, Recipient Person)>> InRoleByCommunityAsync(AppDbContext db, string role, CancellationToken ct)
    {
        var rows = await db.CommunityGrants.Where(g => g.Role == role && g.CommunityId != null)
            .Join(Active(db), g => g.UserId, u => u.Id, (g, u) => new { CommunityId = g.CommunityId!.Value, u.Id, u.Email, u.FullName, u.Culture, u.RemindersOff, u.DigestOff })
            .Distinct()
            .OrderBy(r => r.CommunityId).ThenBy(r => r.Email)
            .ToListAsync(ct);
        return rows.Select(u => (u.CommunityId, new Recipient(u.Id, u.Email!, u.FullName, CultureOf(u.Culture), u.RemindersOff, u.DigestOff))).ToList();
    }

    /// <summary>The officials scoped to one of the measure's responsible bodies: who reports on it.</summary>
    public static Task<List<Recipient>> OfficialsOfMeasureAsync(AppDbContext db, int measureId, CancellationToken ct) =>
        ToRecipientsAsync(Active(db).Where(u =>
            db.CommunityGrants.Any(g => g.UserId == u.Id && g.Role == Roles.ResponsibleOfficial
                && g.CommunityId == db.Measures.Where(m => m.Id == measureId).Select(m => m.CommunityId).FirstOrDefault())
            && db.UserResponsibleBodies.Any(b => b.UserId == u.Id
                && db.MeasureResponsibleBodies.Any(m => m.MeasureId == measureId && m.ResponsibleBodyId == b.ResponsibleBodyId))), ct);

    public static CultureInfo CultureOf(string? name) =>
        name is not null && name.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? CultureInfo.GetCultureInfo("en-US") : Messages.Ukrainian;

    private static IQueryable<AppUser> Active(AppDbContext db) =>
        db.Users.Where(u => u.IsActive && u.Email != null && u.Email != "");

    private static async Task<List<Recipient>> ToRecipientsAsync(IQueryable<AppUser> users, CancellationToken ct)
    {
        var rows = await users.OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.FullName, u.Culture, u.RemindersOff, u.DigestOff })
            .ToListAsync(ct);
        return rows.Select(u => new Recipient(u.Id, u.Email!, u.FullName, CultureOf(u.Culture), u.RemindersOff, u.DigestOff)).ToList();
    }
}
