using System.Security.Claims;

namespace Kreminna1325.Core.Audit;

/// <summary>One change to one row: who, when, what, and each field's old and new value. Never updated or deleted.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>Null for the system (start-up seeding, commands) and for anonymous actions such as a failed sign-in.</summary>
    public string? UserId { get; set; }

    /// <summary>The person's e-mail at the time, so the record reads even if the account changes later.</summary>
    public required string UserName { get; set; }
    public required string EntityType { get; set; }
    public required string EntityKey { get; set; }
    public AuditAction Action { get; set; }

    /// <summary>The measure the row belongs to, for the measure's history panel.</summary>
    public int? MeasureId { get; set; }

    /// <summary>The community the row belongs to; null for the instance's own (sign-ins, communities, accounts).</summary>
    public int? CommunityId { get; set; }

    /// <summary>JSON array of {field, old, new}.</summary>
    public required string Changes { get; set; }
}

public enum AuditAction
{
    Insert,
    Update,
    Delete,
}

/// <summary>Who is acting. <see cref="System"/> for start-up and commands.</summary>
public sealed record Actor(string? UserId, string Name)
{
    public static readonly Actor System = new(null, "system");
    public static readonly Actor Anonymous = new(null, "anonymous");

    /// <summary>A signed-in person by id and e-mail; anyone else is anonymous.</summary>
    public static Actor Of(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? new Actor(user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name ?? "?")
            : Anonymous;
}

/// <summary>Tells the audit who is acting in the current request or circuit.</summary>
public interface ICurrentActor
{
    ValueTask<Actor> GetAsync(CancellationToken ct = default);

    /// <summary>For work done in a scope of its own on someone's behalf (a circuit's fresh unit of work).</summary>
    void ActAs(ClaimsPrincipal user);
}

/// <summary>Rows that belong to a measure say which, so its history can be shown in one place.</summary>
public interface IBelongsToMeasure
{
    int MeasureId { get; }
}
