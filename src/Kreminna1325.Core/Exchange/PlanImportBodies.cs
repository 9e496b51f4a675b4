using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Exchange;

/// <summary>
/// The workbook's bodies against the registry: a name or alias the registry knows (see <see cref="BodyNames"/>) is that
/// body; any other is a new body, described by sheet "Довідники" when it lists it (short name, kind, aliases).
/// </summary>
internal sealed class PlanImportBodies
{
    private readonly Dictionary<string, ResponsibleBody> known = [];
    private readonly Dictionary<string, ImportBody> listed;
    private readonly Dictionary<string, ResponsibleBody> resolved = [];
    private readonly HashSet<ResponsibleBody> existing;

    /// <summary>The names as the workbook first wrote them, by key, so a new body keeps its spelling.</summary>
    private readonly Dictionary<string, string> written;

    public PlanImportBodies(IReadOnlyList<ResponsibleBody> registry, Dictionary<string, ImportBody> listed, Dictionary<string, string> written)
    {
        this.listed = listed;
        this.written = written;
        existing = [.. registry];

        // A canonical name wins over another body's alias spelt the same way.
        foreach (var body in registry)
        {
            known[BodyNames.Key(body.Name)] = body;
        }

        foreach (var body in registry)
        {
            foreach (var alias in body.Aliases)
            {
                known.TryAdd(BodyNames.Key(alias), body);
            }
        }
    }

    public bool IsNew(ResponsibleBody body) => !existing.Contains(body);

    /// <summary>The body a written name stands for: the same instance for every spelling of one body.</summary>
    public ResponsibleBody Resolve(string key)
    {
        if (resolved.TryGetValue(key, out var body))
        {
            return body;
        }

        if (!known.TryGetValue(key, out body))
        {
            if (listed.TryGetValue(key, out var described))
            {
                var canonical = BodyNames.Key(described.Name);
                body = known.GetValueOrDefault(canonical)
                    ?? described.Aliases.Select(a => known.GetValueOrDefault(BodyNames.Key(a))).FirstOrDefault(b => b is not null)
                    ?? (resolved.TryGetValue(canonical, out var made) ? made : New(described.Name, described.ShortName, described.Kind, described.Aliases));
                resolved[canonical] = body;
            }
            else
            {
                body = New(written.GetValueOrDefault(key, key), null, BodyKind.MunicipalInstitution, []);
            }
        }

        resolved[key] = body;
        return body;
    }

    public Dictionary<string, ResponsibleBody> Entities() => written.Keys.ToDictionary(k => k, Resolve);

    private static ResponsibleBody New(string name, string? shortName, BodyKind kind, List<string> aliases)
    {
        var shortText = string.IsNullOrWhiteSpace(shortName) ? name : shortName.Trim();
        return new ResponsibleBody
        {
            Name = name.Trim(),
            ShortName = shortText.Length > ResponsibleBody.ShortNameMaxLength ? shortText[..ResponsibleBody.ShortNameMaxLength].TrimEnd() : shortText,
            Kind = kind,
            Aliases = [.. aliases.Where(a => a.Length is > 0 and <= ResponsibleBody.NameMaxLength && a != name).Distinct()],
        };
    }
}
