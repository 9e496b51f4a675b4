using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Notifications;

/// <summary>What a person chose about what reaches them: the language of e-mails, reminders, the weekly digest.</summary>
public sealed record NotificationChoices(bool English, bool RemindersOff, bool DigestOff);

/// <summary>
/// A person's own notification settings and private calendar address. Each call changes only the caller's account,
/// in one audited save (the calendar token is masked in the trail).
/// </summary>
public sealed class NotificationSettings(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>The culture stored for English; anything else stored means Ukrainian (<see cref="Recipients.CultureOf"/>).</summary>
    public const string EnglishCulture = "en-US";

    public const string UkrainianCulture = "uk-UA";

    public async Task<NotificationChoices> ChoicesAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = Demand(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Users.Where(u => u.Id == userId)
            .Select(u => new { u.Culture, u.RemindersOff, u.DigestOff })
            .SingleAsync(ct);
        return new NotificationChoices(IsEnglish(row.Culture), row.RemindersOff, row.DigestOff);
    }

    public async Task SaveAsync(ClaimsPrincipal user, NotificationChoices choices, CancellationToken ct = default)
    {
        var userId = Demand(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.Users.SingleAsync(u => u.Id == userId, ct);
        person.Culture = choices.English ? EnglishCulture : UkrainianCulture;
        person.RemindersOff = choices.RemindersOff;
        person.DigestOff = choices.DigestOff;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Remembers the language a person chose for the app (the language switch), so e-mails follow it. Only the
    /// two languages the app speaks are stored; anything else is ignored.
    /// </summary>
    public async Task RememberCultureAsync(string userId, string culture, CancellationToken ct = default)
    {
        var stored = culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? EnglishCulture
            : culture.StartsWith("uk", StringComparison.OrdinalIgnoreCase) ? UkrainianCulture
            : null;
        if (stored is null)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (person is null || person.Culture == stored)
        {
            return;
        }

        person.Culture = stored;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The secret of the person's calendar address, made the first time it is asked for.</summary>
    public async Task<string> CalendarTokenAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = Demand(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.Users.SingleAsync(u => u.Id == userId, ct);
        if (person.CalendarToken is { } token)
        {
            return token;
        }

        person.CalendarToken = NewToken();
        await db.SaveChangesAsync(ct);
        return person.CalendarToken;
    }

    /// <summary>A new secret replaces the old one: the old address stops working at once.</summary>
    public async Task<string> RenewCalendarTokenAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = Demand(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.Users.SingleAsync(u => u.Id == userId, ct);
        person.CalendarToken = NewToken();
        await db.SaveChangesAsync(ct);
        return person.CalendarToken;
    }

    /// <summary>32 random bytes, URL-safe: 43 characters nobody guesses.</summary>
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether a text could be a token at all (so a malformed address never reaches the database).</summary>
    public static bool IsWellFormedToken(string token) =>
        token.Length is > 0 and <= AppUser.CalendarTokenMaxLength && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static bool IsEnglish(string? culture) => culture is not null && culture.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    private static string Demand(ClaimsPrincipal user) =>
        Permissions.UserId(user) ?? throw new ForbiddenException("Only a signed-in person has notification settings.");
}
