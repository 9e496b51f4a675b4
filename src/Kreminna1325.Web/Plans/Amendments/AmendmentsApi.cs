using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Amendments;
using Kreminna1325.Web.Api;
using Kreminna1325.Web.Monitoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Kreminna1325.Web.Plans.Amendments;

/// <summary>The council's decisions that amended a plan, and their scanned copies: public like the plan itself.</summary>
public static class AmendmentsApi
{
    public static void MapAmendmentsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").AllowAnonymous().WithTags("Open data").CacheOutput(PublicCaching.DataPolicy);
        api.MapGet("/plans/{id}/amendments", ListAsync)
            .WithName("ListPlanAmendments")
            .WithSummary("Зміни до плану за рішеннями ради: номер, дата, назва, скан-копія (у порядку внесення).");
        api.MapGet("/plans/{id}/amendments/{amendmentId}/scan", ScanAsync)
            .WithName("GetAmendmentScan")
            .WithSummary("Скан-копія рішення (PDF, JPG чи PNG).");
    }

    /// <summary>Reads <c>?version=</c>: 400 for what names no version, else the version.</summary>
    internal static PlanVersion? Version(string? text) => PlanVersion.Parse(text);

    internal static ProblemHttpResult MalformedVersion(string? text, IStringLocalizer l) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: l["Api.BadVersion.Title"], detail: l["Api.BadVersion.Detail", text ?? ""]);

    internal static ProblemHttpResult AmendmentNotFound(IStringLocalizer l) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: l["Api.AmendmentNotFound.Title"], detail: l["Api.AmendmentNotFound.Detail"]);

    private static async Task<Results<Ok<IReadOnlyList<AmendmentView>>, ProblemHttpResult>> ListAsync(
        string id, PlanQueries plans, PlanVersions versions, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (ApiRequests.Id(id) is not { } planId)
        {
            return OpenDataApi.MalformedId(id, l);
        }

        if (planId <= 0 || !await plans.ExistsAsync(planId, ct))
        {
            return OpenDataApi.PlanNotFound(planId, l);
        }

        return TypedResults.Ok(await versions.ListAsync(planId, ct));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ScanAsync(
        string id, string amendmentId, AmendmentRecorder recorder, IStringLocalizer<SharedResource> l, HttpContext http, CancellationToken ct)
    {
        if (ApiRequests.Id(id) is not { } planId)
        {
            return OpenDataApi.MalformedId(id, l);
        }

        if (ApiRequests.Id(amendmentId) is not { } amendment)
        {
            return OpenDataApi.MalformedId(amendmentId, l);
        }

        if (planId <= 0 || amendment <= 0 || await recorder.GetScanAsync(planId, amendment, ct) is not { } file)
        {
            return AmendmentNotFound(l);
        }

        // A download, never rendered in the app's origin (the same rule as evidence files).
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(file.Content, file.ContentType, EvidenceDownload.DownloadName(file.FileName),
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""));
    }
}
