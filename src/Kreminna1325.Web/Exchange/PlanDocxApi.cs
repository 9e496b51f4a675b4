using System.Globalization;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Exchange;
using Kreminna1325.Core.Plans;
using Kreminna1325.Web.Api;
using Kreminna1325.Web.Budget;
using Kreminna1325.Web.Plans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Kreminna1325.Web.Exchange;

/// <summary>The plan as the council's Word annex: anonymous like the public page, cached like the rest of the open data.</summary>
public static class PlanDocxApi
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void MapPlanDocxApi(this IEndpointRouteBuilder api) =>
        api.MapGet("/plans/{id}/export.docx", GetAsync)
            .CacheOutput(PublicCaching.DataPolicy)
            .WithName("GetPlanDocx")
            .WithSummary("План у Word: додаток до рішення ради, 9 колонок, з обчисленими підсумками і примітками про розбіжності.")
            .Produces(StatusCodes.Status200OK, contentType: ContentType);

    private static Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetAsync(
        string id, PlanQueries plans, BudgetReportService budgets, DownloadNames names, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        CouncilDocuments.OfPlanAsync(id, plans, budgets, l, (plan, budget) => Task.FromResult(
            CouncilDocuments.Send(output => PlanDocx.Write(output, plan, budget, Text(l)), ContentType, names.Plan(plan, "docx"))), ct);

    /// <summary>The document, in Ukrainian whatever the request's language.</summary>
    internal static void Write(Stream output, PlanView plan, BudgetReport budget, IStringLocalizer l) =>
        CouncilDocuments.InUkrainian(() => PlanDocx.Write(output, plan, budget, Text(l)));

    /// <summary>The public page's own strings and number format, so the document reads as the page does.</summary>
    internal static PlanDocxText Text(IStringLocalizer l) => new(
        Number: l["Plan.Col.Number"],
        Content: l["Plan.Col.Content"],
        Responsible: l["Plan.Col.Responsible"],
        Term: l["Plan.Col.Term"],
        Indicators: l["Plan.Col.Indicators"],
        Sources: l["Plan.Col.Sources"],
        FundingHeading: l["Exchange.Docx.FundingHeading"],
        DirectionTotal: l["Plan.DirectionTotal"],
        GrandTotal: l["Plan.GrandTotal"],
        AllSources: l["Source.All"],
        ByAgreement: l["Plan.ByAgreement"],
        DisaggregatedBy: l["Plan.DisaggregatedBy"],
        TotalsNote: l["Plan.TotalsNote"],
        Source: s => l[$"Source.{s}"],
        Note: n => l[$"FundingNote.{n}"],
        Disaggregation: d => l[$"Disaggregation.{d}"],
        MismatchIntro: count => l["Plan.MismatchIntro", count],
        Mismatch: m => BudgetText.Mismatch(l, m),
        Amount: Format.Amount);
}
