using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kreminna1325.Core.Notifications;

/// <summary>
/// A person's private calendar (iCalendar): one all-day event on the due date of each period they report on —
/// officials, the periods of their bodies' measures; council staff, executives and administrators, every period of
/// their communities' plans; each event names its community and links to the report in it. Found by the secret token
/// in its address alone (calendar apps cannot sign in), so an unknown or renewed token, or a deactivated account, finds nothing.
/// </summary>
public sealed class CalendarFeed(IDbContextFactory<AppDbContext> dbFactory, IOptions<NotificationOptions> options, TimeProvider clock)
{
    /// <summary>The calendar as iCalendar text in the person's language, or null when the token opens none.</summary>
    public async Task<string?> RenderAsync(string token, CancellationToken ct = default)
    {
        if (!NotificationSettings.IsWellFormedToken(token))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.Users.AsNoTracking().Where(u => u.CalendarToken == token && u.IsActive)
            .Select(u => new
            {
                u.Id,
                u.Culture,
                SeesAllOf = db.CommunityGrants.Where(g => g.UserId == u.Id
                    && (g.Role == Roles.CouncilStaff || g.Role == Roles.Executive || g.Role == Roles.Administrator))
                    .Select(g => g.CommunityId).ToList(),
                // The calendar is named after the communities the person works in.
                Communities = db.Communities.Where(c => db.CommunityGrants.Any(g => g.UserId == u.Id && g.CommunityId == c.Id))
                    .OrderBy(c => c.Name).Select(c => c.Name).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (person is null)
        {
            return null;
        }

        // Staff, executives and administrators see every period of their communities; officials their measures'.
        var measures = MeasureAccess.MeasuresOf(db, person.Id);
        var periods = db.ReportingPeriods.Where(p => !p.IsOrphaned
            && (person.SeesAllOf.Contains(p.CommunityId) || measures.Contains(p.MeasureId)));

        // Joined, not a subquery per period: the community's name is read with the period.
        var rows = await periods
            .Join(db.Communities, p => p.CommunityId, c => c.Id, (p, c) => new
            {
                p.Id, p.CommunityId, p.Kind, p.Sequence, p.Year, p.Start, p.End, p.Due,
                Community = c.Name,
                Measure = p.Measure.Direction.Number + "." + p.Measure.Number,
                p.Measure.Content,
            })
            .OrderBy(p => p.Due).ThenBy(p => p.Id)
            .ToListAsync(ct);

        using var language = CultureScope.Of(Recipients.CultureOf(person.Culture));
        var calendar = new Calendar { ProductId = "-//Kreminna1325//Calendar//UK" };
        calendar.AddProperty("X-WR-CALNAME", Messages.Get("Calendar.Name", string.Join(", ", person.Communities)));
        var stamp = new CalDateTime(clock.GetUtcNow().UtcDateTime, "UTC");
        foreach (var p in rows)
        {
            var link = options.Value.Absolute(NotificationPaths.InCommunity(p.CommunityId, NotificationPaths.Report(p.Id)));
            var period = AuditLabels.Period(p.Kind, p.Sequence, p.Year, p.Start, p.End);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = Uid(p.Id),
                DtStamp = stamp,
                DtStart = new CalDateTime(p.Due),
                DtEnd = new CalDateTime(p.Due.AddDays(1)),
                Summary = Messages.Get("Calendar.Summary", p.Measure, period),
                Description = p.Community + "\n\n" + AuditLabels.Short(p.Content, 300) + "\n\n" + Messages.Get("Calendar.ReportLink", link),
                Url = new Uri(link),
                Transparency = TransparencyType.Transparent,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar);
    }

    /// <summary>Stable per period, so a calendar app updates an event when its due date moves instead of adding another.</summary>
    public static string Uid(int periodId) => $"period-{periodId}@kreminna1325";
}
