using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Accounts;

/// <summary>
/// How a person who did something is shown: their full name, never the e-mail the record keeps, unless the
/// account has no name; the system and anonymous actors in words. The one rule every history, queue and list uses.
/// </summary>
/// <remarks>
/// Records keep the e-mail at the time (and the user id where there is one), so they read even if an account
/// changes; the name is looked up when shown, so a corrected name shows everywhere at once.
/// </remarks>
public sealed class PersonNames
{
    private readonly Dictionary<string, string> byId;
    private readonly Dictionary<string, string> byEmail;

    private PersonNames(Dictionary<string, string> byId, Dictionary<string, string> byEmail) =>
        (this.byId, this.byEmail) = (byId, byEmail);

    /// <summary>Reads, in one query, the names of everyone recorded by these e-mails or user ids.</summary>
    public static async Task<PersonNames> LoadAsync(
        AppDbContext db, IEnumerable<string?> recorded, IEnumerable<string?>? userIds = null, CancellationToken ct = default)
    {
        var emails = recorded.OfType<string>().Select(e => e.ToUpperInvariant()).Distinct().ToList();
        var ids = (userIds ?? []).OfType<string>().Distinct().ToList();
        if (emails.Count == 0 && ids.Count == 0)
        {
            return new PersonNames([], []);
        }

        var people = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id)
                || (u.NormalizedEmail != null && emails.Contains(u.NormalizedEmail))
                || (u.Email != null && emails.Contains(u.Email.ToUpper())))
            .Select(u => new { u.Id, u.Email, u.FullName })
            .ToListAsync(ct);
        var named = people.Where(p => !string.IsNullOrWhiteSpace(p.FullName)).ToList();
        return new PersonNames(
            named.ToDictionary(p => p.Id, p => p.FullName),
            named.Where(p => p.Email != null).GroupBy(p => p.Email!, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First().FullName, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The person as shown: by id first (the e-mail may have changed since), then by the recorded e-mail.</summary>
    public string Of(string? recorded, string? userId = null)
    {
        if (userId is not null && byId.TryGetValue(userId, out var name))
        {
            return name;
        }

        if (recorded == Actor.System.Name)
        {
            return Messages.Get("Person.System");
        }

        if (recorded is null || recorded == Actor.Anonymous.Name)
        {
            return Messages.Get("Person.Anonymous");
        }

        return byEmail.TryGetValue(recorded, out name) ? name : recorded;
    }
}
