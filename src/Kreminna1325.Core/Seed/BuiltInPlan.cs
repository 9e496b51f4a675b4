using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kreminna1325.Core.Seed;

/// <summary>The Kreminna plan for 2020–2022, transcribed from the council's document.</summary>
public static class BuiltInPlan
{
    private const string ResourceName = "Kreminna1325.Core.Seed.kreminna-2020-2022.json";

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static PlanDocument Read()
    {
        using var stream = typeof(BuiltInPlan).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return JsonSerializer.Deserialize<PlanDocument>(stream, JsonOptions)
            ?? throw new InvalidDataException($"{ResourceName} is empty.");
    }
}
