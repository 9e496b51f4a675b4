using System.Linq.Expressions;
using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Communities;

/// <summary>A community as the app bar's switcher names it.</summary>
public sealed record CommunityChoice(int Id, string Name, string OblastName);

/// <summary>One page of a list of communities and how many there are in all.</summary>
public sealed record CommunityPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The communities a person may work in or read, for the community switcher: those they hold a role in, every community
/// of the oblasts they coordinate, all for a national coordinator. Always paged: a coordinator's list grows with the
/// country, a page does not.
/// </summary>
public sealed class CommunityDirectory(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int PageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Beyond any real list; keeps (page - 1) * size far from overflowing whatever a link says.</summary>
    public const int MaxPage = 100_000;

    /// <summary>The community the person is working in, named; null when they have none.</summary>
    public async Task<CommunityChoice?> CurrentAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (CommunityClaims.Of(user) is not { } id)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Communities.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CommunityChoice(c.Id, c.Name, c.OblastName)).SingleOrDefaultAsync(ct);
    }

    /// <summary>The person's readable communities whose name contains <paramref name="search"/>, in Ukrainian order.</summary>
    public async Task<CommunityPage<CommunityChoice>> ReadableAsync(
        ClaimsPrincipal user, string? search = null, int page = 1, int pageSize = PageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Communities.AsNoTracking().Where(Readable(user));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim().ToLower();
            query = query.Where(c => c.Name.ToLower().Contains(text));
        }

        return await PageAsync(query, c => new CommunityChoice(c.Id, c.Name, c.OblastName), page, pageSize, ct);
    }

    /// <summary>
    /// Whether the person may work in or read <paramref name="community"/>, by the rule <see cref="ReadableAsync"/> lists by.
    /// A community the sign-in cookie grants a role in is answered without a query: the grant was read from
    /// community_grants, whose rows name an existing community, and communities are not deleted.
    /// </summary>
    public async Task<bool> MayReadAsync(ClaimsPrincipal user, int community, CancellationToken ct = default)
    {
        if (CommunityClaims.GrantedCommunities(user).Contains(community))
        {
            return true;
        }

        if (!user.IsInRole(Roles.NationalCoordinator) && CommunityClaims.CoordinatedOblasts(user).Count == 0)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Communities.Where(Readable(user)).AnyAsync(c => c.Id == community, ct);
    }

    /// <summary>The one rule of who reads which community: their grants, their oblasts, everything for a national coordinator.</summary>
    private static Expression<Func<Community, bool>> Readable(ClaimsPrincipal user)
    {
        var granted = CommunityClaims.GrantedCommunities(user).ToList();
        var oblasts = CommunityClaims.CoordinatedOblasts(user).ToList();
        var all = user.IsInRole(Roles.NationalCoordinator);
        return c => all || granted.Contains(c.Id) || oblasts.Contains(c.OblastCode);
    }

    /// <summary>
    /// A page of communities in the order every community list has (Ukrainian alphabetical, then id), and how many in all.
    /// A page that is neither full nor empty is the last one, so it says the total without counting again.
    /// </summary>
    internal static async Task<CommunityPage<T>> PageAsync<T>(
        IQueryable<Community> communities, Expression<Func<Community, T>> row, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Clamp(page, 1, MaxPage);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var skip = (page - 1) * pageSize;
        var items = await communities
            .OrderBy(c => EF.Functions.Collate(c.Name, AppDbContext.UkrainianCollation)).ThenBy(c => c.Id)
            .Skip(skip).Take(pageSize)
            .Select(row)
            .ToListAsync(ct);
        var total = items.Count < pageSize && (items.Count > 0 || page == 1)
            ? skip + items.Count
            : await communities.CountAsync(ct);
        return new CommunityPage<T>(items, total, page, pageSize);
    }
}
