using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Kreminna1325.Core.Audit;

/// <summary>
/// What the trail's words mean to a person: each audited entity's and field's name, and each value written the
/// way people read it (enum values in words, numbers the Ukrainian way, dates in Kyiv time, lists as items).
/// The labels are Core's messages (Resources/Messages.tsv): <c>Audit.Entity.*</c>, <c>Audit.Kind.*</c>,
/// <c>Audit.Many.*</c>, <c>Audit.Field.{Entity}.{Field}</c> (or <c>Audit.Field.{Field}</c> for a field every
/// entity names alike) and <c>Audit.Enum.{Type}.{Value}</c>.
/// </summary>
public static class AuditLabels
{
    /// <summary>The entity's name as a heading or filter item: "Захід".</summary>
    public static string Entity(string entityType) => Messages.Get($"Audit.Entity.{KeyOf(entityType)}");

    /// <summary>The entity's name inside a sentence: "захід", "рядок фінансування".</summary>
    public static string Kind(string entityType) => Messages.Get($"Audit.Kind.{KeyOf(entityType)}");

    /// <summary>Several of them, after a count: "звітних періодів".</summary>
    public static string Many(string entityType) => Messages.Get($"Audit.Many.{KeyOf(entityType)}");

    /// <summary>The field's name: the entity's own label, else the one shared by every entity.</summary>
    public static string Field(string entityType, string field) => FieldKey(entityType, field, CultureInfo.CurrentUICulture) is { } key
        ? Messages.Get(key)
        : field;

    /// <summary>The message key that labels the field in that language, or null when none does (a test keeps that from happening).</summary>
    public static string? FieldKey(string entityType, string field, CultureInfo culture)
    {
        var own = $"Audit.Field.{KeyOf(entityType)}.{field}";
        if (Messages.In(culture, own) != own)
        {
            return own;
        }

        var shared = $"Audit.Field.{field}";
        return Messages.In(culture, shared) != shared ? shared : null;
    }

    /// <summary>An enum value in words: Local → «місцевий бюджет».</summary>
    public static string Enum(Type type, string value)
    {
        var key = $"Audit.Enum.{type.Name}.{value}";
        var text = Messages.Get(key);
        return text == key ? value : text;
    }

    /// <summary>A breakdown's category in words: "women" → «жінки».</summary>
    public static string Category(string category)
    {
        var key = $"Audit.Category.{category}";
        var text = Messages.Get(key);
        return text == key ? category : text;
    }

    public static string Enum<TEnum>(TEnum value) where TEnum : struct, System.Enum => Enum(typeof(TEnum), value.ToString());

    /// <summary>Identity's generic types are named "IdentityUserRole`1"; the keys leave the arity out.</summary>
    public static string KeyOf(string entityType) => entityType.Split('`')[0];

    /// <summary>The CLR type of a recorded field ("Term.Kind" is the complex property's own), or null if the model has no such field.</summary>
    public static Type? FieldType(IReadOnlyEntityType? entity, string field)
    {
        if (entity is null)
        {
            return null;
        }

        var dot = field.IndexOf('.');
        if (dot > 0)
        {
            var complex = entity.FindComplexProperty(field[..dot]);
            return complex?.ComplexType.FindProperty(field[(dot + 1)..])?.ClrType;
        }

        return entity.FindProperty(field)?.ClrType;
    }

    /// <summary>A recorded value as a person reads it; <paramref name="type"/> is the field's CLR type when known, <paramref name="money"/> says it is thousand UAH.</summary>
    public static string Value(JsonNode? value, Type? type, bool money = false)
    {
        var culture = CultureInfo.CurrentCulture;
        var clr = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        switch (value)
        {
            case null:
                return Messages.Get("Audit.Value.None");
            case JsonArray items:
                var element = clr is { IsGenericType: true } ? clr.GetGenericArguments()[0] : null;
                return items.Count == 0
                    ? Messages.Get("Audit.Value.None")
                    : string.Join("; ", items.Select(i => Value(i, element, money)));
            case JsonValue v when v.TryGetValue<bool>(out var flag):
                return Messages.Get(flag ? "Audit.Value.Yes" : "Audit.Value.No");
            case JsonValue v when v.TryGetValue<decimal>(out var number):
                // Money keeps its decimal as the plan prints it ("2,0"); a reported number shows what was typed ("40", "12,5");
                // years, positions and ids are never grouped ("2022", not "2 022").
                return clr != typeof(decimal) ? number.ToString(culture)
                    : money ? number.ToString("#,##0.0#", culture)
                    : number.ToString("#,##0.##", culture);
            case JsonValue v when v.TryGetValue<string>(out var text):
                if (clr is { IsEnum: true })
                {
                    return Enum(clr, text);
                }

                if (clr == typeof(DateOnly) && DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var day))
                {
                    return day.ToString("dd.MM.yyyy", culture);
                }

                if (clr == typeof(DateTimeOffset) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                {
                    return DateTime(at);
                }

                if (clr == typeof(byte[]) && text.EndsWith(" bytes", StringComparison.Ordinal))
                {
                    return Messages.Get("Audit.Value.Bytes", text[..^" bytes".Length]);
                }

                return text == "***" ? Messages.Get("Audit.Value.Hidden") : text;
            default:
                return value.ToJsonString();
        }
    }

    /// <summary>An instant as people in the community read it: Kyiv time.</summary>
    public static string DateTime(DateTimeOffset instant) =>
        CommunityClock.ToKyiv(instant).ToString("dd.MM.yyyy HH:mm", CultureInfo.CurrentCulture);

    /// <summary>A reporting period as people name it: "I квартал 2021", "2021 рік".</summary>
    public static string Period(Monitoring.PeriodKind kind, int sequence, int year, DateOnly start, DateOnly end)
    {
        string[] roman = ["I", "II", "III", "IV"];
        var n = sequence is >= 1 and <= 4 ? roman[sequence - 1] : sequence.ToString(CultureInfo.CurrentCulture);
        return kind switch
        {
            Monitoring.PeriodKind.Quarter => Messages.Get("Audit.Period.Quarter", n, sequence, year),
            Monitoring.PeriodKind.HalfYear => Messages.Get("Audit.Period.Half", n, sequence, year),
            Monitoring.PeriodKind.Year => Messages.Get("Audit.Period.Year", year),
            _ => Messages.Get("Audit.Period.Months",
                start.ToString("MMMM", CultureInfo.CurrentCulture), end.ToString("MMMM", CultureInfo.CurrentCulture), year),
        };
    }

    /// <summary>Long text cut for a one-line subject; the full text stays in the details.</summary>
    public static string Short(string text, int length = 90) =>
        text.Length <= length ? text : text[..length].TrimEnd() + "…";
}
