using System.Globalization;
using CsvHelper;

namespace Kreminna1325.Core.Exchange;

/// <summary>A field of an open-data table as its structure file describes it (Frictionless table schema types).</summary>
public sealed record OpenDataField(string Name, string Type, string Description);

/// <summary>A field and how a row fills it: the CSV writer and the schema read the same list, so they cannot disagree.</summary>
public sealed record OpenDataColumn<TRow>(OpenDataField Field, Func<TRow, string?> Value)
{
    public static OpenDataColumn<TRow> Text(string name, string description, Func<TRow, string?> value) =>
        new(new(name, "string", description), value);

    public static OpenDataColumn<TRow> Integer(string name, string description, Func<TRow, int?> value) =>
        new(new(name, "integer", description), r => value(r)?.ToString(CultureInfo.InvariantCulture));

    // Machine-readable numbers use the point: the comma separates the fields.
    public static OpenDataColumn<TRow> Number(string name, string description, Func<TRow, decimal?> value) =>
        new(new(name, "number", description), r => value(r)?.ToString(CultureInfo.InvariantCulture));

    public static OpenDataColumn<TRow> Boolean(string name, string description, Func<TRow, bool?> value) =>
        new(new(name, "boolean", description), r => value(r) switch { true => "true", false => "false", null => null });
}

/// <summary>What the package and the schema need of a table, whatever its rows are.</summary>
public interface IOpenDataTable
{
    /// <summary>The dataset's name in addresses and file names (<c>measures</c> → <c>measures.csv</c>).</summary>
    string Name { get; }
    string Title { get; }
    string Description { get; }
    IReadOnlyList<OpenDataField> Fields { get; }
}

public sealed class OpenDataTable<TRow>(string name, string title, string description, IReadOnlyList<OpenDataColumn<TRow>> columns)
    : IOpenDataTable
{
    public string Name => name;
    public string Title => title;
    public string Description => description;
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
