using System.Globalization;
using Kreminna1325.Core;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Exchange;
using Kreminna1325.Core.Plans;
using Microsoft.Extensions.Localization;

namespace Kreminna1325.Web.Exchange;

/// <summary>A file the public page offers: what it is, its format, where it is and how big.</summary>
public sealed record PlanDownload(string Label, string Format, string Url, long Bytes);

/// <summary>
/// Every download of a plan that anyone may take, in the order the page lists them: the council's Word
/// document, the workbook, the open data by resolution No. 835 (the package, then each dataset) and the empty
/// template another community starts its own plan from.
/// The files are the very ones the endpoints send, written once to measure them.
/// </summary>
public sealed class PlanDownloads(
    PlanQueries plans, OpenDataService openData, DownloadSizes sizes, CommunityClock clock, IStringLocalizer<SharedResource> l)
{
    public async Task<IReadOnlyList<PlanDownload>> ListAsync(PlanView plan, BudgetReport budget, CancellationToken ct = default)
    {
        var api = string.Create(CultureInfo.InvariantCulture, $"/api/plans/{plan.Id}");
        var list = new List<PlanDownload>
        {
            new(l["Exchange.Download.Docx"], "DOCX", $"{api}/export.docx",
                await sizes.GetAsync(plan.Id, "docx", (s, _) => WriteDocx(s, plan, budget), ct)),
            new(l["Exchange.Download.Xlsx"], "XLSX", $"{api}/export.xlsx",
                await sizes.GetAsync(plan.Id, "xlsx", (s, token) => WriteXlsxAsync(s, plan, budget, token), ct)),
        };

        if (await openData.ZipAsync(plan.Id, ct) is { } zip)
        {
            list.Add(new(l["Exchange.Download.OpenData"], "ZIP", $"{api}/open-data.zip", await sizes.GetAsync(plan.Id, "zip", zip.WriteAsync, ct)));
        }

        foreach (var table in OpenDataService.Tables)
        {
            if (await openData.CsvAsync(plan.Id, table, ct) is { } csv)
            {
                list.Add(new(l["Exchange.Download.Dataset", table.Title(CultureInfo.CurrentUICulture)], "CSV", $"{api}/open-data/{table.Name}.csv",
                    await sizes.GetAsync(plan.Id, table.Name, csv.WriteAsync, ct)));
            }
        }

        list.Add(new(l["Exchange.Download.Template"], "XLSX", "/api/plans/template.xlsx",
            await sizes.GetAsync(0, "template", (s, _) => WriteTemplate(s), ct)));
        return list;
    }

    private async Task WriteXlsxAsync(Stream output, PlanView plan, BudgetReport budget, CancellationToken ct)
    {
        var bodies = PlanXlsx.BodiesOf(plan, await plans.BodiesOfPlanAsync(plan.Id, ct));
        CouncilDocuments.InUkrainian(() => PlanXlsx.Write(output, plan, budget, bodies, PlanXlsxApi.Text(l)));
    }

    private Task WriteTemplate(Stream output)
    {
        CouncilDocuments.InUkrainian(() => PlanXlsxApi.WriteTemplate(output, clock, l));
        return Task.CompletedTask;
    }

    private Task WriteDocx(Stream output, PlanView plan, BudgetReport budget)
    {
        PlanDocxApi.Write(output, plan, budget, l);
        return Task.CompletedTask;
    }
}

public static class PlanDownloadsServices
{
    public static IServiceCollection AddPlanDownloads(this IServiceCollection services) => services
        .AddSingleton<DownloadSizes>()
        .AddScoped<PlanDownloads>();
}
