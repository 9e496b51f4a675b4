using Kreminna1325.Core.Plans;

namespace Kreminna1325.Core.Exchange;

/// <summary>A download: its name for people and how to write it once the response starts.</summary>
public sealed record OpenDataDownload(string FileName, Func<Stream, CancellationToken, Task> WriteAsync);

/// <summary>A plan's open data: the CSV of each dataset, written straight to the response, and the whole package as a zip.</summary>
public sealed class OpenDataService(PlanQueries plans, OpenDataResults results, OpenDataContact contact, DownloadNames names)
{
    /// <summary>Every dataset the package holds, in the order it lists them.</summary>
    public static readonly IReadOnlyList<IOpenDataTable> Tables = [OpenDataSets.Measures, OpenDataSets.Indicators, OpenDataSets.Funding, OpenDataResults.Table];

    // Case does not matter, as for every address of the app (the output cache keys paths without case too).
    public static IOpenDataTable? Find(string? name) => Tables.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Null when there is no such plan; the dataset must be one of <see cref="Tables"/>.</summary>
    public async Task<OpenDataDownload?> CsvAsync(int planId, IOpenDataTable table, CancellationToken ct = default)
    {
        var plan = planId > 0 ? await plans.GetAsync(planId, ct) : null;
        if (plan is null)
        {
            return null;
        }

        // Read before the response starts, so a failing query is a 500 problem, not a cut-off file.
        var resultRows = table == OpenDataResults.Table ? await results.RowsAsync(planId, ct) : [];
        return new(names.OpenData(plan, table.Name, "csv"), (output, token) => WriteAsync(plan, resultRows, table, output, token));
    }

    /// <summary>Every dataset and the package's datapackage.json in one zip; null when there is no such plan.</summary>
    public async Task<OpenDataDownload?> ZipAsync(int planId, CancellationToken ct = default)
    {
        var plan = planId > 0 ? await plans.GetAsync(planId, ct) : null;
        if (plan is null)
        {
            return null;
        }

        var resultRows = await results.RowsAsync(planId, ct);
        return new(names.OpenData(plan, null, "zip"), (output, token) => OpenDataPackage.WriteZipAsync(
            plan, contact, Tables, (table, entry, t) => WriteAsync(plan, resultRows, table, entry, t), output, token));
    }

    private static Task WriteAsync(
        PlanView plan, IReadOnlyList<OpenDataResults.ResultRow> resultRows, IOpenDataTable table, Stream output, CancellationToken ct) => table switch
    {
        OpenDataTable<OpenDataResults.ResultRow> t => t.WriteAsync(output, resultRows, ct),
        OpenDataTable<OpenDataSets.MeasureRow> t => t.WriteAsync(output, OpenDataSets.MeasureRows(plan), ct),
        OpenDataTable<OpenDataSets.IndicatorRow> t => t.WriteAsync(output, OpenDataSets.IndicatorRows(plan), ct),
        OpenDataTable<OpenDataSets.FundingRow> t => t.WriteAsync(output, OpenDataSets.FundingRows(plan), ct),
        _ => throw new ArgumentOutOfRangeException(nameof(table), table.Name, "Not a dataset of the plan."),
    };
}
