using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Exchange;

/// <summary>
/// The passport and structure of a plan's open data as a Frictionless data package (datapackage.json), the
/// form in which the national portal takes a set by resolution No. 835, and the zip that holds it with the CSVs.
/// </summary>
public static class OpenDataPackage
{
    public const string FileName = "datapackage.json";
    public const string Licence = "CC-BY-4.0";

    /// <summary>What the package publishes is Ukrainian whatever the caller's language: it goes to the national portal.</summary>
    public static CultureInfo Culture => Messages.Ukrainian;

    /// <summary>How often the data changes: the reports arrive at the plan's cadence.</summary>
    public static string UpdateFrequency(ReportingCadence cadence, CultureInfo culture) => Messages.In(culture, cadence switch
    {
        ReportingCadence.HalfYearly => "OpenData.UpdateFrequency.HalfYearly",
        ReportingCadence.Annual => "OpenData.UpdateFrequency.Annual",
        _ => "OpenData.UpdateFrequency.Quarterly",
    });

    public static string Description(PlanView plan, CultureInfo culture) => Messages.In(
        culture, "OpenData.Package.Description", plan.Municipality, plan.StartYear, plan.EndYear, SmallNumbers.Threshold, SmallNumbers.Hidden);

    public static string[] Keywords(CultureInfo culture) =>
    [
        "1325",
        Messages.In(culture, "OpenData.Package.Keyword.WomenPeaceSecurity"),
        Messages.In(culture, "OpenData.Package.Keyword.GenderEquality"),
        Messages.In(culture, "OpenData.Package.Keyword.LocalActionPlan"),
    ];

    public static object Describe(PlanView plan, OpenDataContact contact, IEnumerable<IOpenDataTable> tables) => new
    {
        profile = "tabular-data-package",
        name = $"unscr-1325-local-action-plan-{plan.Id}-{plan.StartYear}-{plan.EndYear}",
        title = plan.Title,
        description = Description(plan, Culture),
        language = "uk",
        publisher = plan.Municipality,
        spatial = plan.Region is null ? plan.Municipality : $"{plan.Municipality}, {plan.Region}",
        temporal = new { start = $"{plan.StartYear}-01-01", end = $"{plan.EndYear}-12-31" },
        updateFrequency = UpdateFrequency(plan.ReportingCadence, Culture),
        contact = new { title = contact.Name ?? plan.Municipality, email = contact.Email },
        contributors = new[] { new { title = plan.Municipality, role = "publisher" } },
        licenses = new[] { new { name = Licence, title = "Creative Commons Attribution 4.0 International", path = "https://creativecommons.org/licenses/by/4.0/" } },
        keywords = Keywords(Culture),
        resources = tables.Select(t => new
        {
            name = t.Name,
            path = $"{t.Name}.csv",
            profile = "tabular-data-resource",
            title = t.Title(Culture),
            description = t.Description(Culture),
            format = "csv",
            mediatype = "text/csv",
            encoding = "utf-8",
            dialect = new { delimiter = ",", header = true, doubleQuote = true },
            schema = new { fields = t.Fields.Select(f => new { name = f.Name, type = f.Type, description = f.Description(Culture) }) },
        }),
    };

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The zip, built in memory and then copied: ZipArchive writes synchronously when it closes, which the
    /// server refuses on a response. A plan's open data is a few hundred kilobytes.
    /// </summary>
    public static async Task WriteZipAsync(
        PlanView plan, OpenDataContact contact, IReadOnlyList<IOpenDataTable> tables, Func<IOpenDataTable, Stream, CancellationToken, Task> writeCsv, Stream output, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var entry = zip.CreateEntry(FileName, CompressionLevel.Optimal).Open())
            {
                await JsonSerializer.SerializeAsync(entry, Describe(plan, contact, tables), Json, ct);
            }

            foreach (var table in tables)
            {
                await using var entry = zip.CreateEntry($"{table.Name}.csv", CompressionLevel.Optimal).Open();
                await writeCsv(table, entry, ct);
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }
}
