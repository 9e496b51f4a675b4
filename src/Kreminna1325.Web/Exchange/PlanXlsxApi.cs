using System.Globalization;
using Kreminna1325.Core;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Exchange;
using Kreminna1325.Core.Plans;
using Kreminna1325.Web.Api;
using Kreminna1325.Web.Plans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Kreminna1325.Web.Exchange;

/// <summary>The plan as a workbook to sort, filter and fill in, and the empty template a community starts from; both anonymous.</summary>
public static class PlanXlsxApi
{
    /// <summary>The template's plan runs three years from this one, as the council's plans do.</summary>
    private const int TemplateYears = 3;

    public static void MapPlanXlsxApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/plans/{id}/export.xlsx", GetAsync)
            .CacheOutput(PublicCaching.DataPolicy)
            .WithName("GetPlanXlsx")
            .WithSummary("План в Excel: таблиця ради (суми — числа), бюджет, звірка надрукованих підсумків, показники, довідники.")
            .Produces(StatusCodes.Status200OK, contentType: PlanSheet.ContentType);
        api.MapGet("/plans/template.xlsx", GetTemplate)
            .WithName("GetPlanXlsxTemplate")
            .WithSummary("Порожній шаблон плану в Excel з прикладом заходу та інструкцією, для імпорту нового плану.")
            .Produces(StatusCodes.Status200OK, contentType: PlanSheet.ContentType);
    }

    private static Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetAsync(
        string id, PlanQueries plans, BudgetReportService budgets, DownloadNames names, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        CouncilDocuments.OfPlanAsync(id, plans, budgets, l, async (plan, budget) =>
        {
            var bodies = PlanXlsx.BodiesOf(plan, await plans.BodiesOfPlanAsync(plan.Id, ct));
            return CouncilDocuments.Send(stream => PlanXlsx.Write(stream, plan, budget, bodies, Text(l)), PlanSheet.ContentType, names.Plan(plan, "xlsx"));
        }, ct);

    private static FileStreamHttpResult GetTemplate(CommunityClock clock, DownloadNames names, IStringLocalizer<SharedResource> l)
    {
        return CouncilDocuments.Send(stream => WriteTemplate(stream, clock, l), PlanSheet.ContentType, names.Template("xlsx"));
    }

    /// <summary>The template's plan starts this Kyiv year.</summary>
    internal static void WriteTemplate(Stream output, CommunityClock clock, IStringLocalizer l)
    {
        var start = clock.Today.Year;
        PlanXlsxTemplate.Write(output, start, start + TemplateYears - 1, Text(l));
    }

    /// <summary>
    /// The workbook's words, from the same resource strings as the Word plan, always Ukrainian and looked up once, so the
    /// import reads with exactly the words the export wrote whatever language the person uses the site in.
    /// </summary>
    public static PlanSheetText Text(IStringLocalizer l) => CouncilDocuments.InUkrainian(() => Words(l));

    private static PlanSheetText Words(IStringLocalizer l)
    {
        var document = PlanDocxApi.Text(l);
        return new(
            document with { Source = Fixed(document.Source), Note = Fixed(document.Note), Disaggregation = Fixed(document.Disaggregation) },
            new PlanSheetHeadings(
                DirectionNumber: l["Exchange.Xlsx.Col.DirectionNumber"],
                DirectionTitle: l["Exchange.Xlsx.Col.DirectionTitle"],
                MeasureNumber: l["Exchange.Xlsx.Col.MeasureNumber"],
                Position: l["Exchange.Xlsx.Col.Position"],
                Year: l["Exchange.Xlsx.Col.Year"],
                Level: l["Exchange.Xlsx.Col.Level"],
                Printed: l["Exchange.Xlsx.Col.Printed"],
                Computed: l["Exchange.Xlsx.Col.Computed"],
                Difference: l["Exchange.Xlsx.Col.Difference"],
                Indicator: l["Exchange.Xlsx.Col.Indicator"],
                IndicatorKind: l["Exchange.Xlsx.Col.IndicatorKind"],
                Disaggregations: l["Exchange.Xlsx.Col.Disaggregations"],
                BodyName: l["Exchange.Xlsx.Col.BodyName"],
                BodyShortName: l["Exchange.Xlsx.Col.BodyShortName"],
                BodyKind: l["Exchange.Xlsx.Col.BodyKind"],
                Aliases: l["Exchange.Xlsx.Col.Aliases"],
                TermKind: l["Exchange.Xlsx.Col.TermKind"],
                TermExample: l["Exchange.Xlsx.Col.TermExample"]),
            Scope: Fixed<BudgetScope>(s => l[$"Exchange.Xlsx.Scope.{s}"]),
            IndicatorKind: Fixed<IndicatorKind>(k => l[$"IndicatorKind.{k}"]),
            BodyKind: Fixed<BodyKind>(k => l[$"BodyKind.{k}"]),
            TermKind: Fixed<TermKind>(k => l[$"TermKind.{k}"]),
            TermExample: Fixed<TermKind>(k => l[$"Exchange.Xlsx.TermExample.{k}"]),
            new PlanSheetExample(
                Title: l["Exchange.Xlsx.Example.Title"],
                DirectionNumber: l["Exchange.Xlsx.Example.DirectionNumber"],
                DirectionTitle: l["Exchange.Xlsx.Example.DirectionTitle"],
                Content: l["Exchange.Xlsx.Example.Content"],
                BodyName: l["Exchange.Xlsx.Example.BodyName"],
                BodyShortName: l["Exchange.Xlsx.Example.BodyShortName"],
                BodyAlias: l["Exchange.Xlsx.Example.BodyAlias"],
                Term: l["Exchange.Xlsx.Example.Term"],
                Indicator: l["Exchange.Xlsx.Example.Indicator"]),
            [.. Enumerable.Range(1, InstructionCount).Select(i => l[$"Exchange.Xlsx.Instructions.{i}"].Value)]);
    }

    private const int InstructionCount = 10;

    /// <summary>An enum's words looked up now, in the culture in force, rather than whenever they are asked for.</summary>
    private static Func<T, string> Fixed<T>(Func<T, string> word) where T : struct, Enum
    {
        var words = Enum.GetValues<T>().ToDictionary(v => v, word);
        return v => words[v];
    }
}
