using Kreminna1325.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Communities;

public static class GrantQueries
{
    /// <summary>Every role the person holds anywhere (instance roles and community grants): what their start page is chosen by.</summary>
    public static async Task<IReadOnlyList<string>> RolesAnywhereAsync(AppDbContext db, string userId, CancellationToken ct = default)
    {
        var instance = await db.UserRoles.Where(r => r.UserId == userId).Select(r => r.RoleId).ToListAsync(ct);
        var granted = await db.CommunityGrants.Where(g => g.UserId == userId).Select(g => g.Role).Distinct().ToListAsync(ct);
        return instance.Concat(granted).Distinct().ToList();
    }
}
