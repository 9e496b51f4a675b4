using System.Text.Json.Nodes;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Audit;

/// <summary>
/// The human names behind the ids a page of audit records mentions — measures, bodies, indicators, periods,
/// reports, people — read in one query per kind, so a record says «I.4» and «Центр гендерної рівності», not 17 and 3.
/// </summary>
internal sealed class AuditReferences
{
    public Dictionary<int, (string Label, string Content)> Measures { get; private set; } = [];
    public Dictionary<int, string> Bodies { get; private set; } = [];
    public Dictionary<int, string> Indicators { get; private set; } = [];
    public Dictionary<int, string> Directions { get; private set; } = [];
    public Dictionary<int, string> Plans { get; private set; } = [];
    public Dictionary<int, (int MeasureId, string Label)> Periods { get; private set; } = [];
    public Dictionary<int, int> ReportPeriods { get; private set; } = [];
    public Dictionary<int, int> ValueIndicators { get; private set; } = [];
    public Dictionary<int, (FundingSource Source, int Year)> FundingLines { get; private set; } = [];
    public Dictionary<int, (int? DirectionId, FundingSource Source, int Year)> PrintedTotals { get; private set; } = [];
    public Dictionary<int, string> Evidence { get; private set; } = [];

    /// <summary>The communities and oblasts role grants name: a grant's community is its record's own.</summary>
    public Dictionary<int, string> Communities { get; private set; } = [];
    public Dictionary<string, string> Oblasts { get; private set; } = [];
    public PersonNames People { get; private set; } = null!;

    public static async Task<AuditReferences> LoadAsync(AppDbContext db, IReadOnlyList<AuditRecord> records, CancellationToken ct)
    {
        var ids = new Dictionary<string, HashSet<int>>();
        var userIds = new HashSet<string>();
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Add(string kind, int? id)
        {
            if (id is { } value)
            {
                (ids.TryGetValue(kind, out var set) ? set : ids[kind] = []).Add(value);
            }
        }

        foreach (var r in records)
        {
            emails.Add(r.UserName);
            if (r.UserId is not null)
            {
                userIds.Add(r.UserId);
            }

            Add(nameof(Measure), r.MeasureId);
            var parts = r.EntityKey.Split('/');
            var first = int.TryParse(parts[0], out var k) ? k : (int?)null;
            var second = parts.Length > 1 && int.TryParse(parts[1], out var k2) ? k2 : (int?)null;
            switch (AuditLabels.KeyOf(r.EntityType))
            {
                case "MeasureResponsibleBody": Add(nameof(ResponsibleBody), second); break;
                case "UserResponsibleBody": userIds.Add(parts[0]); Add(nameof(ResponsibleBody), second); break;
                case "IdentityUserRole": userIds.Add(parts[0]); break;
                case nameof(AppUser): userIds.Add(r.EntityKey); break;
                case nameof(ValueBreakdown): Add(nameof(IndicatorValue), first); break;
                case nameof(ReportSpending): Add(nameof(Report), first); break;
                default: Add(AuditLabels.KeyOf(r.EntityType), first); break;
            }

            foreach (var change in r.Changes)
            {
                foreach (var value in new[] { change.Old, change.New })
                {
                    if (Reference(change.Field) is { } kind)
                    {
                        if (kind == nameof(AppUser))
                        {
                            if (Text(value) is { } user)
                            {
                                userIds.Add(user);
                            }
                        }
                        else
                        {
                            Add(kind, Number(value));
                        }
                    }
                    else if (IsPerson(r.EntityType, change.Field) && Text(value) is { } email)
                    {
                        emails.Add(email);
                    }
                }
            }
        }

        // Kept in the map, so what the first reads add (a value's indicator, a report's period) is read too.
        HashSet<int> Of(string kind) => ids.TryGetValue(kind, out var set) ? set : ids[kind] = [];

        var result = new AuditReferences();

        // Values and reports first: they lead on to indicators, periods and measures.
        var values = Of(nameof(IndicatorValue));
        result.ValueIndicators = await db.IndicatorValues.AsNoTracking().Where(v => values.Contains(v.Id))
            .ToDictionaryAsync(v => v.Id, v => v.IndicatorId, ct);
        Of(nameof(Indicator)).UnionWith(result.ValueIndicators.Values);
        var reports = Of(nameof(Report));
        result.ReportPeriods = await db.Reports.AsNoTracking().Where(r => reports.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.PeriodId, ct);
        var periods = Of(nameof(ReportingPeriod));
        periods.UnionWith(result.ReportPeriods.Values);
        result.Periods = (await db.ReportingPeriods.AsNoTracking().Where(p => periods.Contains(p.Id)).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => (p.MeasureId, AuditLabels.Period(p.Kind, p.Sequence, p.Year, p.Start, p.End)));
        var lines = Of(nameof(FundingLine));
        result.FundingLines = await db.FundingLines.AsNoTracking().Where(f => lines.Contains(f.Id))
            .ToDictionaryAsync(f => f.Id, f => (f.Source, f.Year), ct);
        var totals = Of(nameof(PrintedTotal));
        result.PrintedTotals = await db.PrintedTotals.AsNoTracking().Where(t => totals.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => (t.DirectionId, t.Source, t.Year), ct);
        Of(nameof(Direction)).UnionWith(result.PrintedTotals.Values.Where(t => t.DirectionId is not null).Select(t => t.DirectionId!.Value));

        var measures = Of(nameof(Measure));
        measures.UnionWith(result.Periods.Values.Select(p => p.MeasureId));
        result.Measures = (await db.Measures.AsNoTracking().Where(m => measures.Contains(m.Id))
                .Select(m => new { m.Id, Direction = m.Direction.Number, m.Number, m.Content }).ToListAsync(ct))
            .ToDictionary(m => m.Id, m => ($"{m.Direction}.{m.Number}", m.Content));
        var bodies = Of(nameof(ResponsibleBody));
        result.Bodies = await db.ResponsibleBodies.AsNoTracking().Where(b => bodies.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var indicators = Of(nameof(Indicator));
        result.Indicators = await db.Indicators.AsNoTracking().Where(i => indicators.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Text, ct);
        var directions = Of(nameof(Direction));
        result.Directions = await db.Directions.AsNoTracking().Where(d => directions.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.Number + ". " + d.Title, ct);
        var plans = Of(nameof(Plan));
        result.Plans = await db.Plans.AsNoTracking().Where(p => plans.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        var files = Of(nameof(Monitoring.Evidence));
        result.Evidence = await db.Evidence.AsNoTracking().Where(e => files.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.FileName, ct);
        result.People = await PersonNames.LoadAsync(db, emails, userIds, ct);
        await result.LoadGrantScopesAsync(db, records, ct);
        return result;
    }

    private async Task LoadGrantScopesAsync(AppDbContext db, IReadOnlyList<AuditRecord> records, CancellationToken ct)
    {
        var grants = records.Where(r => r.EntityType == nameof(CommunityGrant)).ToList();
        var communities = grants.Where(r => r.CommunityId is not null).Select(r => r.CommunityId!.Value).ToHashSet();
        var oblasts = grants.SelectMany(r => r.Changes).Where(c => c.Field == nameof(CommunityGrant.OblastCode))
            .Select(c => Text(c.New ?? c.Old)).OfType<string>().ToHashSet();
        if (communities.Count > 0)
        {
            Communities = await db.Communities.AsNoTracking().Where(c => communities.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        }

        if (oblasts.Count > 0)
        {
            // The oblast as its communities name it; one no community of this instance is in yet, as the codifier does.
            var named = await db.Communities.AsNoTracking().Where(c => oblasts.Contains(c.OblastCode))
                .GroupBy(c => c.OblastCode).Select(g => new { Code = g.Key, Name = g.Min(c => c.OblastName)! }).ToListAsync(ct);
            Oblasts = named.ToDictionary(o => o.Code, o => o.Name);
            foreach (var code in oblasts.Where(o => !Oblasts.ContainsKey(o)))
            {
                if (Katottg.Oblast(code) is { } unit)
                {
                    Oblasts[code] = unit.Name;
                }
            }
        }
    }

    /// <summary>Which kind of row a field's value is the id of; null for a field that is not a reference.</summary>
    public static string? Reference(string field) => field switch
    {
        "MeasureId" => nameof(Measure),
        "ResponsibleBodyId" => nameof(ResponsibleBody),
        "IndicatorId" => nameof(Indicator),
        "DirectionId" => nameof(Direction),
        "PlanId" => nameof(Plan),
        "ReportId" => nameof(Report),
        "PeriodId" => nameof(ReportingPeriod),
        "IndicatorValueId" => nameof(IndicatorValue),
        "UserId" => nameof(AppUser),
        "RoleId" => "Role",
        _ => null,
    };

    /// <summary>Fields that hold the e-mail of who did something: shown as the person's name.</summary>
    public static bool IsPerson(string entityType, string field) => (entityType, field) switch
    {
        (nameof(Report), "SubmittedBy" or "ReviewedBy") => true,
        (nameof(Monitoring.Evidence), "UploadedBy") => true,
        (nameof(ReportEvent), "UserName") => true,
        _ => false,
    };

    /// <summary>The name behind a reference's value, or null when the row is gone (the id is then shown as a number).</summary>
    public string? NameOf(string kind, JsonNode? value) => kind switch
    {
        nameof(AppUser) => Text(value) is { } id ? People.Of(null, id) is var name && name != Messages.Get("Person.Anonymous") ? name : null : null,
        "Role" => Text(value) is { } role ? AuditLabels.Enum(typeof(Roles), role) : null,
        _ => Number(value) is not { } n ? null : kind switch
        {
            nameof(Measure) => Measures.TryGetValue(n, out var m) ? MeasureName(m) : null,
            nameof(ResponsibleBody) => Bodies.GetValueOrDefault(n),
            nameof(Indicator) => Indicators.TryGetValue(n, out var i) ? AuditLabels.Short(i) : null,
            nameof(Direction) => Directions.TryGetValue(n, out var d) ? AuditLabels.Short(d) : null,
            nameof(Plan) => Plans.GetValueOrDefault(n),
            nameof(ReportingPeriod) => Periods.TryGetValue(n, out var p) ? p.Label : null,
            nameof(Report) => ReportPeriods.TryGetValue(n, out var rp) && Periods.TryGetValue(rp, out var pp) ? pp.Label : null,
            nameof(IndicatorValue) => ValueIndicators.TryGetValue(n, out var vi) && Indicators.TryGetValue(vi, out var it) ? AuditLabels.Short(it) : null,
            _ => null,
        },
    };

    public static string MeasureName((string Label, string Content) m) => $"{m.Label} {AuditLabels.Short(m.Content, 60)}";

    public static int? Number(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<int>(out var n) => n,
        JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, out var n) => n,
        _ => null,
    };

    public static string? Text(JsonNode? value) => value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
