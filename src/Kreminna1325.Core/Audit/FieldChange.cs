using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Kreminna1325.Core.Audit;

/// <summary>A field's value before and after, as JSON.</summary>
public sealed record FieldChange(string Field, JsonNode? Old, JsonNode? New)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static IReadOnlyList<FieldChange> Parse(string changes) =>
        JsonSerializer.Deserialize<List<FieldChange>>(changes, Json) ?? [];

    public static string Serialize(IReadOnlyList<FieldChange> changes) => JsonSerializer.Serialize(changes, Json);

    /// <summary>The value as a person reads it: text without quotes, "—" for nothing.</summary>
    public static string Display(JsonNode? value) => value switch
    {
        null => "—",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(Json),
    };
}
