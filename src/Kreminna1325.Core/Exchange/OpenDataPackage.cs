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

    /// <summary>How often the data changes: the reports arrive at the plan's cadence.</summary>
    public static string UpdateFrequency(ReportingCadence cadence) => cadence switch
    {
        ReportingCadence.HalfYearly => "раз на півроку",
        ReportingCadence.Annual => "щороку",
        _ => "щокварталу",
    };

    public static object Describe(PlanView plan, OpenDataContact contact, IEnumerable<IOpenDataTable> tables) => new
    {
        profile = "tabular-data-package",
        name = $"unscr-1325-local-action-plan-{plan.Id}-{plan.StartYear}-{plan.EndYear}",
        title = plan.Title,
        description = $"Місцевий план дій з виконання резолюції Ради Безпеки ООН 1325 «Жінки, мир, безпека» ({plan.Municipality}, "
            + $"{plan.StartYear}–{plan.EndYear}): заходи, показники, планове фінансування і затверджені результати моніторингу. "
            + $"Клітинки розподілу чутливих показників менше {SmallNumbers.Threshold} осіб опубліковано як «{SmallNumbers.Hidden}».",
        language = "uk",
        publisher = plan.Municipality,
        spatial = plan.Region is null ? plan.Municipality : $"{plan.Municipality}, {plan.Region}",
        temporal = new { start = $"{plan.StartYear}-01-01", end = $"{plan.EndYear}-12-31" },
        updateFrequency = UpdateFrequency(plan.ReportingCadence),
        contact = new { title = contact.Name ?? plan.Municipality, email = contact.Email },
        contributors = new[] { new { title = plan.Municipality, role = "publisher" } },
        licenses = new[] { new { name = Licence, title = "Creative Commons Attribution 4.0 International", path = "https://creativecommons.org/licenses/by/4.0/" } },
        keywords = new[] { "1325", "жінки, мир, безпека", "гендерна рівність", "місцевий план дій" },
        resources = tables.Select(t => new
        {
            name = t.Name,
            path = $"{t.Name}.csv",
            profile = "tabular-data-resource",
            title = t.Title,
            description = t.Description,
            format = "csv",
            mediatype = "text/csv",
            encoding = "utf-8",
            dialect = new { delimiter = ",", header = true, doubleQuote = true },
            schema = new { fields = t.Fields.Select(f => new { name = f.Name, type = f.Type, description = f.Description }) },
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
