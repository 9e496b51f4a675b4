using Kreminna1325.Core.Exchange;
using Kreminna1325.Web.Api;
using Kreminna1325.Web.Plans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Kreminna1325.Web.Exchange;

/// <summary>The plan handed to the world of Word, Excel and open data (open data by resolution No. 835; anonymous, cached like the rest of it).</summary>
public static class ExchangeApi
{
    public static void MapExchangeApi(this WebApplication app)
    {
        var openData = app.MapGroup("/api").AllowAnonymous().WithTags("Open data").CacheOutput(PublicCaching.DataPolicy);
        openData.MapGet("/plans/{id}/open-data/{dataset}.csv", GetCsvAsync)
            .WithName("GetOpenDataCsv")
            .WithSummary("Набір відкритих даних плану в CSV (UTF-8, кома, рядок заголовків): measures, indicators, funding, results.");
        openData.MapGet("/plans/{id}/open-data.zip", GetZipAsync)
            .WithName("GetOpenDataPackage")
            .WithSummary("Усі набори відкритих даних плану з паспортом і структурою (Frictionless datapackage.json) в одному zip.");

        var open = app.MapGroup("/api").AllowAnonymous().WithTags("Open data");
        open.MapPlanDocxApi();
        app.MapAnnualReportApi();
        app.MapPlanImportApi();
        open.MapPlanXlsxApi();
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> GetCsvAsync(
        string id, string dataset, OpenDataService openData, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (ApiRequests.Id(id) is not { } planId)
        {
            return OpenDataApi.MalformedId(id, l);
        }

        if (OpenDataService.Find(dataset) is not { } table)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                title: l["Exchange.NoSuchDataset.Title"], detail: l["Exchange.NoSuchDataset.Detail", dataset]);
        }

        var csv = await openData.CsvAsync(planId, table, ct);
        return csv is null
            ? OpenDataApi.PlanNotFound(planId, l)
            : TypedResults.Stream(output => csv.WriteAsync(output, ct), "text/csv; charset=utf-8", csv.FileName);
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> GetZipAsync(
        string id, OpenDataService openData, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (ApiRequests.Id(id) is not { } planId)
        {
            return OpenDataApi.MalformedId(id, l);
        }

        var zip = await openData.ZipAsync(planId, ct);
        return zip is null
            ? OpenDataApi.PlanNotFound(planId, l)
            : TypedResults.Stream(output => zip.WriteAsync(output, ct), "application/zip", zip.FileName);
    }
}
