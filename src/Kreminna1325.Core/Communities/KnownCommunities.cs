namespace Kreminna1325.Core.Communities;

/// <summary>
/// The communities this repository ships data for. Codes from the KATOTTG codifier as republished in
/// github.com/suprun/katottg.json (valid on 2025-07-02).
/// </summary>
public static class KnownCommunities
{
    public const string LuhanskOblastCode = "UA44000000000018893";
    public const string LuhanskOblastName = "Луганська область";

    /// <summary>Kreminna: the built-in plan's community, and where data from before communities existed belongs.</summary>
    public static Community Kreminna() => new()
    {
        Code = "UA44120030000094047",
        Name = "Кремінська міська територіальна громада",
        OblastCode = LuhanskOblastCode,
        OblastName = LuhanskOblastName,
        Slug = "kreminna",
    };

    /// <summary>The second demo community, in the same oblast and raion as Kreminna.</summary>
    public static Community Rubizhne() => new()
    {
        Code = "UA44120090000062828",
        Name = "Рубіжанська міська територіальна громада",
        OblastCode = LuhanskOblastCode,
        OblastName = LuhanskOblastName,
        Slug = "rubizhne",
    };
}
