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

    /// <summary>The workbook is Ukrainian whatever language the visitor reads the site in, like the council's document.</summary>
    private static readonly CultureInfo WorkbookCulture = CultureInfo.GetCultureInfo("uk-UA");

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

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetAsync(
        string id, PlanQueries plans, BudgetReportService budgets, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (ApiRequests.Id(id) is not { } planId)
        {
            return OpenDataApi.MalformedId(id, l);
        }

        var plan = planId > 0 ? await plans.GetAsync(planId, ct) : null;
        var budget = plan is null ? null : await budgets.GetAsync(plan.Id, ct);
        if (plan is null || budget is null)
        {
            return OpenDataApi.PlanNotFound(planId, l);
        }

        var bodies = PlanXlsx.BodiesOf(plan, await plans.ListBodiesAsync(ct));
        return File(stream => PlanXlsx.Write(stream, plan, budget, bodies, Text(l)), FileName(plan.StartYear, plan.EndYear));
    }

    private static FileStreamHttpResult GetTemplate(CommunityClock clock, IStringLocalizer<SharedResource> l)
    {
        var start = clock.Today.Year;
        return File(stream => PlanXlsxTemplate.Write(stream, start, start + TemplateYears - 1, Text(l)), "kreminna-plan-template.xlsx");
    }

    /// <summary>
    /// Written to a temporary file rather than memory, so a large plan costs disk, not the server's memory, and streamed
    /// out from there; the file goes away when the response is done with it.
    /// </summary>
    private static FileStreamHttpResult File(Action<Stream> write, string fileName)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            Ukrainian(() =>
            {
                write(file);
                return file.Length;
            });
            file.Position = 0;
            return TypedResults.File(file, PlanSheet.ContentType, fileName);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public static string FileName(int startYear, int endYear) => string.Create(CultureInfo.InvariantCulture, $"kreminna-plan-{startYear}-{endYear}.xlsx");

    /// <summary>
    /// The workbook's words, from the same resource strings as the Word plan, always Ukrainian and looked up once, so the
    /// import reads with exactly the words the export wrote whatever language the person uses the site in.
    /// </summary>
    public static PlanSheetText Text(IStringLocalizer l) => Ukrainian(() => Words(l));

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

    /// <summary>Runs <paramref name="work"/> in Ukrainian: the workbook's words and numbers are the council's whatever the visitor reads.</summary>
    public static T Ukrainian<T>(Func<T> work)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = WorkbookCulture;
        try
        {
            return work();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
