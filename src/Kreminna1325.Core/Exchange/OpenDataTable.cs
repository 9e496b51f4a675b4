using System.Globalization;
using CsvHelper;

namespace Kreminna1325.Core.Exchange;

/// <summary>
/// A field of an open-data table as its structure file describes it (Frictionless table schema types). Its
/// description is Core's message <paramref name="DescriptionKey"/>: a field name means the same in every table
/// (<c>OpenData.field.measure_id</c>) unless a table says more of it (<c>OpenData.results.field.indicator_id</c>).
/// </summary>
public sealed record OpenDataField(string Name, string Type, string DescriptionKey)
{
    /// <summary>As the passport carries it: plain text.</summary>
    public string Description(CultureInfo culture) => MarkedDescription(culture).Replace("`", "", StringComparison.Ordinal);

    /// <summary>
    /// With its codes (<c>local</c>, <c>true</c>, a dataset's name) between backticks, as the message writes them,
    /// so that a page shows them as code and not as words of its language.
    /// </summary>
    public string MarkedDescription(CultureInfo culture) => Messages.In(culture, DescriptionKey);
}

/// <summary>A field and how a row fills it: the CSV writer and the schema read the same list, so they cannot disagree.</summary>
public sealed record OpenDataColumn<TRow>(OpenDataField Field, Func<TRow, string?> Value)
{
    public static OpenDataColumn<TRow> Text(string name, Func<TRow, string?> value, string? descriptionKey = null) =>
        new(Described(name, "string", descriptionKey), value);

    public static OpenDataColumn<TRow> Integer(string name, Func<TRow, int?> value, string? descriptionKey = null) =>
        new(Described(name, "integer", descriptionKey), r => value(r)?.ToString(CultureInfo.InvariantCulture));

    // Machine-readable numbers use the point: the comma separates the fields.
    public static OpenDataColumn<TRow> Number(string name, Func<TRow, decimal?> value, string? descriptionKey = null) =>
        new(Described(name, "number", descriptionKey), r => value(r)?.ToString(CultureInfo.InvariantCulture));

    public static OpenDataColumn<TRow> Boolean(string name, Func<TRow, bool?> value, string? descriptionKey = null) =>
        new(Described(name, "boolean", descriptionKey), r => value(r) switch { true => "true", false => "false", null => null });

    private static OpenDataField Described(string name, string type, string? descriptionKey) =>
        new(name, type, descriptionKey ?? $"OpenData.field.{name}");
}

/// <summary>What the package, the schema and the pages need of a table, whatever its rows are.</summary>
public interface IOpenDataTable
{
    /// <summary>The dataset's name in addresses and file names (<c>measures</c> → <c>measures.csv</c>).</summary>
    string Name { get; }

    /// <summary>The title in a language: Ukrainian for the published package, the visitor's on a page.</summary>
    string Title(CultureInfo culture);

    string Description(CultureInfo culture);

    IReadOnlyList<OpenDataField> Fields { get; }
}

/// <summary>A dataset: its title and description are Core's messages <c>OpenData.{name}.Title</c> and <c>.Description</c>.</summary>
public sealed class OpenDataTable<TRow>(string name, IReadOnlyList<OpenDataColumn<TRow>> columns) : IOpenDataTable
{
    public string Name => name;
    public string Title(CultureInfo culture) => Messages.In(culture, $"OpenData.{name}.Title");
    public string Description(CultureInfo culture) => Messages.In(culture, $"OpenData.{name}.Description");
    public IReadOnlyList<OpenDataField> Fields { get; } = [.. columns.Select(c => c.Field)];

    /// <summary>UTF-8 (no byte order mark), comma-separated, one header row, quoted where a value needs it (RFC 4180).</summary>
    public async Task WriteAsync(Stream output, IEnumerable<TRow> rows, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        csv.WriteHeader([.. Fields.Select(f => f.Name)]);
        foreach (var row in rows)
        {
            await csv.WriteRecordAsync([.. columns.Select(c => c.Value(row))], ct);
        }

        await csv.FlushAsync(ct);
    }

    // CsvHelper's defaults are resolution 835's: RFC 4180, comma, CRLF, UTF-8 without a byte order mark.
    // No formula-injection escaping: it would put a quote before text such as "- item" and a program
    // reading the open data would get values that are not the plan's.
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.None };
}
