namespace Kreminna1325.Core.Communities;

/// <summary>
/// A territorial community (громада) hosted by this instance. Everything it keeps (plans, the body registry,
/// reports, audit entries, role grants) carries its id, so one instance can serve an oblast or the country.
/// </summary>
public class Community
{
    public const int NameMaxLength = 200;
    public const int SlugMaxLength = 40;

    public int Id { get; set; }

    /// <summary>The community's KATOTTG code (UA + 17 digits, level H): the codifier of administrative units.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>The KATOTTG code of its oblast (or of Kyiv / Sevastopol), for the oblast roll-up.</summary>
    public required string OblastCode { get; set; }
    public required string OblastName { get; set; }

    /// <summary>The short public name in its address, <c>/c/{slug}</c>.</summary>
    public required string Slug { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A role a person holds: in one community (administrator, council staff, official, executive), over one
/// oblast (oblast coordinator) or over all (national coordinator, system administrator).
/// </summary>
public class CommunityGrant
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Role { get; set; }
    public int? CommunityId { get; set; }
    public Community? Community { get; set; }
    public string? OblastCode { get; set; }
}

/// <summary>A row kept by one community; the query filter and the audit read this.</summary>
public interface ICommunityOwned
{
    int CommunityId { get; }
}
