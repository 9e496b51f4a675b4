using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;

namespace Kreminna1325.Core.Communities;

/// <summary>What a KATOTTG code's zero pattern says it names.</summary>
public enum KatottgLevel
{
    /// <summary>An oblast, the Autonomous Republic of Crimea, Kyiv or Sevastopol (categories O and K).</summary>
    FirstLevel,
    Raion,
    Community,
    Settlement,
    CityDistrict,
}

/// <summary>A unit of the shipped codifier list; for a first-level unit the oblast is the unit itself.</summary>
public sealed record KatottgUnit(string Code, string Name, string OblastCode, string OblastName)
{
    /// <summary>
    /// A community's name in full as far as the codifier knows it: it lists the adjective ("Кремінська") but not whether
    /// the council is a city's, a settlement's or a village's, which only the council's own name says.
    /// </summary>
    public string CommunityTitle => $"{Name} територіальна громада";

    /// <summary>A community's oblast in full: every community of the list is in an oblast (Kyiv, Sevastopol and Crimea have none in it).</summary>
    public string OblastTitle => $"{OblastName} область";
}

/// <summary>
/// KATOTTG, the national codifier of administrative units and community territories (Мінрегіон,
/// наказ від 26.11.2020 № 290): "UA" and 17 digits — oblast (2), raion (2), community (3),
/// settlement (3), city district (2), then 5 digits unique across the codifier. Those last five are an
/// identifier, not a check digit: no checksum scheme holds on the codifier's codes, so a mistyped
/// code can only be caught by looking it up. The list shipped (katottg-hromadas.tsv, written by
/// scripts/dev/katottg.py) holds the first-level units and the 1,469 territorial communities outside
/// Crimea, whose pre-2014 councils were not formed as communities and cannot be hosted.
/// </summary>
public static partial class Katottg
{
    private static readonly Lazy<Table> List = new(Load);

    /// <summary>The codifier's edition the shipped list comes from.</summary>
    public static DateOnly ValidOn => List.Value.ValidOn;

    /// <summary>Every territorial community of the shipped list, in code order.</summary>
    public static IReadOnlyList<KatottgUnit> Communities => List.Value.Communities;

    /// <summary>The first-level units (oblasts, the ARC, Kyiv, Sevastopol), in code order.</summary>
    public static IReadOnlyList<KatottgUnit> FirstLevelUnits => List.Value.FirstLevel;

    public static bool IsWellFormed([NotNullWhen(true)] string? code) => code is not null && Format().IsMatch(code);

    /// <summary>The code as stored: without surrounding spaces and with "UA" in capitals, as people type it.</summary>
    public static string? Normalize(string? code) => code?.Trim().ToUpperInvariant();

    /// <summary>The level the code's zeros say it has, or null when it is not well formed or no level has those zeros.</summary>
    public static KatottgLevel? LevelOf(string? code)
    {
        if (!IsWellFormed(code))
        {
            return null;
        }

        // UA | oblast 2 | raion 2 | community 3 | settlement 3 | city district 2 | identifier 5.
        var digits = code.Substring(2, 12);
        bool Zero(int start, int length) => digits.AsSpan(start, length).IndexOfAnyExcept('0') < 0;

        return true switch
        {
            _ when Zero(0, 2) => null,
            _ when !Zero(10, 2) => KatottgLevel.CityDistrict,
            _ when !Zero(7, 3) => KatottgLevel.Settlement,
            _ when !Zero(4, 3) => Zero(2, 2) ? null : KatottgLevel.Community,
            _ when !Zero(2, 2) => KatottgLevel.Raion,
            _ => KatottgLevel.FirstLevel,
        };
    }

    /// <summary>The territorial community with this code, or null when the shipped list has none.</summary>
    public static KatottgUnit? Find(string? code) =>
        code is not null && List.Value.ByCode.TryGetValue(code, out var unit) && unit.Code != unit.OblastCode ? unit : null;

    /// <summary>The first-level unit (oblast, ARC, Kyiv, Sevastopol) with this code, or null.</summary>
    public static KatottgUnit? Oblast(string? code) =>
        code is not null && List.Value.ByCode.TryGetValue(code, out var unit) && unit.Code == unit.OblastCode ? unit : null;

    /// <summary>Why the code cannot be a community's, in the current language, or null when it is one.</summary>
    public static string? Problem(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return Messages.Get("Katottg.Required");
        }

        if (!IsWellFormed(code))
        {
            return Messages.Get("Katottg.Format");
        }

        if (LevelOf(code) is var level and not KatottgLevel.Community)
        {
            return level is { } known
                ? Messages.Get("Katottg.NotCommunity", code, Messages.Get($"Katottg.Level.{known}"))
                : Messages.Get("Katottg.NoLevel", code);
        }

        return Find(code) is null ? Messages.Get("Katottg.Unknown", code, ValidOn.ToString("d", CultureInfo.CurrentCulture)) : null;
    }

    /// <summary>Why the code cannot be an oblast's (a first-level unit's), in the current language, or null when it is one.</summary>
    public static string? OblastProblem(string? code)
    {
        if (!IsWellFormed(code))
        {
            return Messages.Get("Katottg.Format");
        }

        if (LevelOf(code) is { } level and not KatottgLevel.FirstLevel)
        {
            return Messages.Get("Katottg.NotOblast", code, Messages.Get($"Katottg.Level.{level}"));
        }

        return Oblast(code) is null ? Messages.Get("Katottg.UnknownOblast", code, ValidOn.ToString("d", CultureInfo.CurrentCulture)) : null;
    }

    /// <summary>The rule for a community's code as people type it (<see cref="Normalize"/> is what is stored): see <see cref="Problem"/>.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> MustBeHromadaCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((code, context) =>
        {
            if (Problem(Normalize(code)) is { } problem)
            {
                context.AddFailure(problem);
            }
        });

    // [0-9], not \d: \d also matches other scripts' digits (full-width, Arabic-Indic); \z, not $: $ lets a final line break through.
    [GeneratedRegex(@"^UA[0-9]{17}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Format();

    private sealed record Table(
        DateOnly ValidOn, IReadOnlyDictionary<string, KatottgUnit> ByCode,
        IReadOnlyList<KatottgUnit> FirstLevel, IReadOnlyList<KatottgUnit> Communities);

    private static Table Load()
    {
        using var stream = typeof(Katottg).Assembly.GetManifestResourceStream("Kreminna1325.Core.Communities.katottg-hromadas.tsv")
            ?? throw new InvalidOperationException("The KATOTTG list is not embedded in Kreminna1325.Core.");
        using var reader = new StreamReader(stream);
        var validOn = (DateOnly?)null;
        var units = new List<KatottgUnit>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#'))
            {
                validOn ??= ValidOnIn(line);
                continue;
            }

            var fields = line.Split('\t');
            units.Add(new KatottgUnit(fields[0], fields[1], fields[2], fields[3]));
        }

        return new Table(
            validOn ?? throw new InvalidOperationException("The KATOTTG list does not say its edition (valid_on)."),
            units.ToDictionary(u => u.Code, StringComparer.Ordinal),
            units.Where(u => u.Code == u.OblastCode).ToList(),
            units.Where(u => u.Code != u.OblastCode).ToList());
    }

    private static DateOnly? ValidOnIn(string line) =>
        ValidOnPattern().Match(line) is { Success: true } m
            ? DateOnly.ParseExact(m.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex(@"valid_on (\d{4}-\d{2}-\d{2})", RegexOptions.CultureInvariant)]
    private static partial Regex ValidOnPattern();
}
