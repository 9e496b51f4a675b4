using System.Security.Claims;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Accounts;

/// <summary>Whether a person may report on, or read the reports of, a given measure: for officials one of their bodies must be responsible for it.</summary>
public sealed class MeasureAccess(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<bool> CanReportForMeasureAsync(ClaimsPrincipal user, int measureId, CancellationToken ct = default)
    {
        var administrator = user.IsInRole(Roles.Administrator);
        if ((!administrator && !user.IsInRole(Roles.ResponsibleOfficial)) || Permissions.UserId(user) is not { } userId)
        {
            return false;
        }

        // Any measure of their community for an administrator; none of another community for anyone.
        await using var db = await dbFactory.CreateForAsync(user, ct);
        if (administrator)
        {
            return await db.Measures.AnyAsync(m => m.Id == measureId, ct);
        }

        return await db.MeasureResponsibleBodies.AnyAsync(
            r => r.MeasureId == measureId
                 && db.UserResponsibleBodies.Any(u => u.UserId == userId && u.ResponsibleBodyId == r.ResponsibleBodyId),
            ct);
    }

    /// <summary>Whether a person may read a measure's reports and evidence: all of them, or those they may report on.</summary>
    public async Task<bool> CanReadReportsAsync(ClaimsPrincipal user, int measureId, CancellationToken ct = default) =>
        Permissions.CanReadAllReports(user) || await CanReportForMeasureAsync(user, measureId, ct);

    /// <summary>
    /// Refuses at once a person who reads no report at all (the public, a system administrator): before a lookup kept to
    /// their community could answer "not found" where the answer is "not yours".
    /// </summary>
    public static void DemandReadsSomeReports(ClaimsPrincipal user) =>
        Permissions.Demand(user, u => Permissions.CanReadAllReports(u) || Permissions.CanReport(u),
            "Only the measure's responsible bodies, council staff, executives and administrators read its reports.");

    public async Task DemandReadReportsAsync(ClaimsPrincipal user, int measureId, CancellationToken ct = default)
    {
        if (!await CanReadReportsAsync(user, measureId, ct))
        {
            throw new ForbiddenException("Only the measure's responsible bodies, council staff, executives and administrators read its reports.");
        }
    }

    /// <summary>
    /// The measures that are a person's own: those of the responsible bodies they are scoped to (their body grants),
    /// narrowed to one of those bodies when asked. Administrators may report on any measure, but only their bodies'
    /// are "theirs"; a body the person is not scoped to gives nothing.
    /// </summary>
    public static IQueryable<int> MeasuresOf(AppDbContext db, string userId, int? bodyId = null) =>
        db.MeasureResponsibleBodies
            .Where(r => (bodyId == null || r.ResponsibleBodyId == bodyId)
                        && db.UserResponsibleBodies.Any(u => u.UserId == userId && u.ResponsibleBodyId == r.ResponsibleBodyId))
            .Select(r => r.MeasureId);

    /// <summary>The bodies a person is scoped to, by name: what "my reports" may be narrowed to.</summary>
    public async Task<IReadOnlyList<(int Id, string ShortName)>> BodiesOfAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (Permissions.UserId(user) is not { } userId)
        {
            return [];
        }

        await using var db = await dbFactory.CreateForAsync(user, ct);
        var bodies = await db.UserResponsibleBodies.Where(u => u.UserId == userId)
            .OrderBy(u => u.ResponsibleBody.ShortName)
            .Select(u => new { u.ResponsibleBodyId, u.ResponsibleBody.ShortName })
            .ToListAsync(ct);
        return bodies.Select(b => (b.ResponsibleBodyId, b.ShortName)).ToList();
    }
}
