using System.Globalization;
using Kreminna1325.Core;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Plans;
using Kreminna1325.Web.Api;
using Kreminna1325.Web.Plans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Kreminna1325.Web.Exchange;

/// <summary>
/// What every document the council hands out (the Word plan, the workbook, the annual report) has in common:
/// it is Ukrainian whatever language the reader uses the site in, and it is sent from a temporary file.
/// </summary>
public static class CouncilDocuments
{
    /// <summary>Runs <paramref name="work"/> with Ukrainian words and numbers, then puts the request's culture back.</summary>
    public static T InUkrainian<T>(Func<T> work)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Messages.Ukrainian;
        try
        {
            return work();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    public static void InUkrainian(Action work) => InUkrainian(() =>
    {
        work();
        return 0;
    });

    /// <summary>A document of the whole plan, made by <paramref name="send"/>; a malformed id is a 400 problem, an unknown plan a 404.</summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> OfPlanAsync(
        string id, PlanQueries plans, BudgetReportService budgets, IStringLocalizer l,
        Func<PlanView, BudgetReport, Task<FileStreamHttpResult>> send, CancellationToken ct)
    {
        if (ApiRequests.Id(id) is not { } planId)
        {
            return OpenDataApi.MalformedId(id, l);
        }

        var plan = planId > 0 ? await plans.GetAsync(planId, ct) : null;
        var budget = plan is null ? null : await budgets.GetAsync(plan.Id, ct);
        return plan is null || budget is null ? OpenDataApi.PlanNotFound(planId, l) : await send(plan, budget);
    }

    /// <summary>
    /// Writes the document to a temporary file rather than memory, so a large plan costs disk, not the server's memory,
    /// and streams it from there; the file goes away when the response is done with it.
    /// </summary>
    public static FileStreamHttpResult Send(Action<Stream> write, string contentType, string fileName)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            InUkrainian(() => write(file));
            file.Position = 0;
            return TypedResults.File(file, contentType, fileName);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
