using System.Text.Json.Nodes;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Kreminna1325.Core.Audit;

/// <summary>One field of a change, in words: its name, and what it was and became (null where there is no such side).</summary>
public sealed record HistoryChange(string Field, string? Old, string? New);

/// <summary>
/// One line of history as a person reads it: «Оксана Демо: рядок фінансування «місцевий бюджет, 2022», сума — було 2,0,
/// стало 2,5». A line may stand for many records of one save (<see cref="Folded"/>: the periods the system generated).
/// </summary>
public sealed record HistoryLine(
    long Id, DateTimeOffset At, string When, string Who, AuditAction Action, string EntityType,
    string Sentence, string? Context, IReadOnlyList<HistoryChange> Changes, IReadOnlyList<HistoryLine> Folded, int FoldedCount);

/// <summary>Turns audit records into sentences; the records themselves stay as they were written.</summary>
internal sealed class AuditNarration(IReadOnlyModel model, AuditReferences refs)
{
    // Bookkeeping a person does not need to read: a row's own generated id, and Identity's random stamps.
    private static readonly HashSet<string> Hidden = ["SecurityStamp", "ConcurrencyStamp"];

    public HistoryLine Line(IReadOnlyList<AuditRecord> group, int count)
    {
        var first = group[0];
        if (count > 1)
        {
            var who = Who(first);
            var folded = group.Select(r => Line([r], 1)).ToList();
            var kind = AuditLabels.Many(first.EntityType);
            return new HistoryLine(first.Id, first.At, AuditLabels.DateTime(first.At), who, first.Action, first.EntityType,
                Messages.Get($"Audit.Says.Folded.{first.Action}", who, kind, count), null, [], folded, count);
        }

        return Single(first);
    }

    private HistoryLine Single(AuditRecord r)
    {
        var who = Who(r);
        var subject = Subject(r);
        var kind = AuditLabels.Kind(r.EntityType);
        var changes = Changes(r);
        string sentence;
        // A report's step in review says what happened to it; a report is often created by being submitted at once.
        if (r.EntityType == nameof(Report) && r.Action != AuditAction.Delete
            && r.Changes.FirstOrDefault(c => c.Field == nameof(Report.Status)) is { } status && AuditReferences.Text(status.New) is { } to
            && (r.Action == AuditAction.Update || to != nameof(ReportStatus.Draft)))
        {
            sentence = Messages.Get($"Audit.Says.Report.{to}", who, subject);
        }
        else if (r.EntityType == nameof(CommunityGrant) && r.Action != AuditAction.Update && Granted(r, who) is { } granted)
        {
            sentence = granted;
        }
        else if (r.Action == AuditAction.Update && changes.Count == 1)
        {
            var only = changes[0];
            sentence = Messages.Get("Audit.Says.UpdateOne", who, kind, subject, only.Field, only.Old ?? "", only.New ?? "");
        }
        else
        {
            sentence = Messages.Get($"Audit.Says.{r.Action}", who, kind, subject);
        }

        var context = r.MeasureId is { } m && r.EntityType != nameof(Measure) && refs.Measures.TryGetValue(m, out var measure)
            ? Messages.Get("Audit.Context.Measure", measure.Label)
            : null;
        return new HistoryLine(r.Id, r.At, AuditLabels.DateTime(r.At), who, r.Action, r.EntityType, sentence, context, changes, [], 1);
    }

    /// <summary>
    /// A role given or taken back, in words: which role, where (the record's community, the oblast, or the whole
    /// instance) and to whom: «Роль «адміністратор» у громаді «Рубіжанська» надано користувачу Ганна Нова».
    /// </summary>
    private string? Granted(AuditRecord r, string who)
    {
        string? Field(string name) => AuditReferences.Text(r.Changes.FirstOrDefault(c => c.Field == name) is { } c ? c.New ?? c.Old : null);
        if (Field(nameof(CommunityGrant.Role)) is not { } role || Field(nameof(CommunityGrant.UserId)) is not { } userId)
        {
            return null;
        }

        var roleName = AuditLabels.Enum(typeof(Accounts.Roles), role);
        var person = refs.NameOf(nameof(Accounts.AppUser), JsonValue.Create(userId)) ?? Messages.Get("Audit.Value.Gone", userId);
        var key = $"Audit.Says.Grant.{r.Action}";
        if (Field(nameof(CommunityGrant.OblastCode)) is { } oblast)
        {
            return Messages.Get($"{key}.Oblast", who, roleName, refs.Oblasts.GetValueOrDefault(oblast, oblast), person);
        }

        // A community role's record is filed in the grant's community (AuditCommunity), so the record names it.
        if (Accounts.Roles.All.Contains(role) && r.CommunityId is { } community)
        {
            var name = refs.Communities.GetValueOrDefault(community) ?? Messages.Get("Audit.Value.Gone", community);
            return Messages.Get($"{key}.Community", who, roleName, name, person);
        }

        return Messages.Get(key, who, roleName, person);
    }

    private string Who(AuditRecord r) => refs.People.Of(r.UserName, r.UserId);

    private List<HistoryChange> Changes(AuditRecord r)
    {
        var entity = EntityType(r.EntityType);
        var result = new List<HistoryChange>();
        foreach (var change in r.Changes)
        {
            if (Hidden.Contains(change.Field) || (change.Field == "Id" && r.Action != AuditAction.Update)
                || (change.Field == "MeasureId" && r.EntityType != nameof(Measure) && r.MeasureId is not null && r.Action != AuditAction.Update))
            {
                continue;
            }

            var label = AuditLabels.Field(r.EntityType, change.Field);
            var type = AuditLabels.FieldType(entity, change.Field);
            string? Show(JsonNode? value) => Display(r.EntityType, change.Field, value, type);
            result.Add(r.Action switch
            {
                AuditAction.Insert => new HistoryChange(label, null, Show(change.New)),
                AuditAction.Delete => new HistoryChange(label, Show(change.Old), null),
                _ => new HistoryChange(label, Show(change.Old), Show(change.New)),
            });
        }

        return result;
    }

    private string Display(string entityType, string field, JsonNode? value, Type? type)
    {
        if (value is not null && AuditReferences.Reference(field) is { } kind)
        {
            return refs.NameOf(kind, value) ?? Messages.Get("Audit.Value.Gone", value.ToJsonString().Trim('"'));
        }

        if (value is not null && AuditReferences.IsPerson(entityType, field) && AuditReferences.Text(value) is { } email)
        {
            return refs.People.Of(email);
        }

        if (entityType == nameof(ValueBreakdown) && field == nameof(ValueBreakdown.Category) && AuditReferences.Text(value) is { } category)
        {
            return AuditLabels.Category(category);
        }

        return AuditLabels.Value(value, type, money: field == nameof(FundingLine.Amount));
    }

    /// <summary>What the row is, by name: its own recorded values first (a deleted row has nothing else), then the database.</summary>
    private string Subject(AuditRecord r)
    {
        var fields = r.Changes.ToDictionary(c => c.Field, c => c.New ?? c.Old);
        JsonNode? F(string name) => fields.GetValueOrDefault(name);
        string? S(string name) => AuditReferences.Text(F(name));
        var parts = r.EntityKey.Split('/');
        var key = AuditReferences.Number(JsonValue.Create(parts[0]));
        var entity = EntityType(r.EntityType);
        string Enum(string field, object value) => AuditLabels.Value(JsonValue.Create(value.ToString()), AuditLabels.FieldType(entity, field));

        var name = AuditLabels.KeyOf(r.EntityType) switch
        {
            nameof(Plan) => S(nameof(Plan.Title)) ?? refs.NameOf(nameof(Plan), F("Id") ?? key),
            nameof(Direction) => S(nameof(Direction.Title)) is { } title ? $"{S(nameof(Direction.Number))}. {AuditLabels.Short(title)}" : refs.NameOf(nameof(Direction), key),
            nameof(Measure) => key is { } id && refs.Measures.TryGetValue(id, out var m) ? AuditReferences.MeasureName(m)
                : S(nameof(Measure.Content)) is { } content ? AuditLabels.Short(content, 60) : null,
            nameof(ResponsibleBody) => S(nameof(ResponsibleBody.Name)) ?? refs.NameOf(nameof(ResponsibleBody), key),
            "MeasureResponsibleBody" or "UserResponsibleBody" when parts.Length > 1 => Pair(parts[0], refs.NameOf(nameof(ResponsibleBody), JsonValue.Create(parts[1])), r.EntityType),
            nameof(Indicator) => S(nameof(Indicator.Text)) is { } text ? AuditLabels.Short(text) : refs.NameOf(nameof(Indicator), key),
            nameof(FundingLine) => F(nameof(FundingLine.Source)) is { } src && F(nameof(FundingLine.Year)) is { } year
                ? $"{AuditLabels.Value(src, typeof(FundingSource))}, {year}"
                : key is { } fl && refs.FundingLines.TryGetValue(fl, out var line) ? $"{AuditLabels.Enum(line.Source)}, {line.Year}" : null,
            nameof(PrintedTotal) => key is { } pt && refs.PrintedTotals.TryGetValue(pt, out var total)
                ? $"{(total.DirectionId is { } d ? refs.Directions.GetValueOrDefault(d) : Messages.Get("Audit.Value.WholePlan"))}, {AuditLabels.Enum(total.Source)}, {total.Year}"
                : F(nameof(PrintedTotal.Source)) is { } ps ? $"{AuditLabels.Value(ps, typeof(FundingSource))}, {F(nameof(PrintedTotal.Year))}" : null,
            nameof(Accounts.AppUser) => refs.People.Of(null, r.EntityKey) is var who && who != Messages.Get("Person.Anonymous") ? who : S("FullName") ?? S("Email"),
            "IdentityUserRole" when parts.Length > 1 => Pair(parts[0], AuditLabels.Enum(typeof(Accounts.Roles), parts[1]), r.EntityType),
            "IdentityRole" => S("Name") is { } role ? AuditLabels.Enum(typeof(Accounts.Roles), role) : null,
            nameof(ReportingPeriod) => F(nameof(ReportingPeriod.Kind)) is { } kind && F(nameof(ReportingPeriod.Year))?.GetValue<int>() is { } y
                ? AuditLabels.Period(System.Enum.Parse<PeriodKind>(kind.GetValue<string>()), F(nameof(ReportingPeriod.Sequence))?.GetValue<int>() ?? 1, y,
                    DateOnly.TryParse(S(nameof(ReportingPeriod.Start)), out var start) ? start : default,
                    DateOnly.TryParse(S(nameof(ReportingPeriod.End)), out var end) ? end : default)
                : refs.NameOf(nameof(ReportingPeriod), key),
            nameof(Report) => refs.NameOf(nameof(Report), key) ?? (F("PeriodId") is { } period ? refs.NameOf(nameof(ReportingPeriod), period) : null),
            nameof(IndicatorValue) => refs.NameOf(nameof(IndicatorValue), key) ?? (F("IndicatorId") is { } ind ? refs.NameOf(nameof(Indicator), ind) : null),
            nameof(ValueBreakdown) when parts.Length > 2 =>
                $"{refs.NameOf(nameof(IndicatorValue), key)}: {Enum(nameof(ValueBreakdown.Dimension), parts[1])}, {AuditLabels.Category(parts[2])}",
            nameof(ReportSpending) when parts.Length > 1 =>
                $"{refs.NameOf(nameof(Report), key)}: {AuditLabels.Enum(typeof(FundingSource), parts[1])}",
            nameof(Evidence) => S(nameof(Evidence.FileName)) ?? (key is { } e ? refs.Evidence.GetValueOrDefault(e) : null),
            nameof(ReportEvent) => F(nameof(ReportEvent.To)) is { } step
                ? $"{AuditLabels.Value(F(nameof(ReportEvent.From)), typeof(ReportStatus))} → {AuditLabels.Value(step, typeof(ReportStatus))}" : null,
            _ => null,
        };
        return name ?? Messages.Get("Audit.Value.Gone", r.EntityKey);
    }

    private string Pair(string userOrMeasure, string? second, string entityType) =>
        AuditLabels.KeyOf(entityType) == "MeasureResponsibleBody"
            ? second ?? userOrMeasure
            : $"{refs.People.Of(null, userOrMeasure)}: {second}";

    private IReadOnlyEntityType? EntityType(string name) =>
        model.GetEntityTypes().FirstOrDefault(e => e.ClrType.Name == name && !e.IsOwned());
}
