using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Exchange;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Rollups;
using Kreminna1325.Web.Exchange;
using Kreminna1325.Web.Monitoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Kreminna1325.Web.Rollups;

/// <summary>The roll-ups as workbooks, one row per community, for the coordinators who read them.</summary>
public static class RollupsApi
{
    public static void AddRollups(this IServiceCollection services) => services.AddScoped<RollupService>();

    public static void MapRollupsApi(this WebApplication app)
    {
        // The role lets coordinators through; which oblast each may read is the service's check (a 403 problem).
        var rollups = app.MapGroup("/api/rollups").WithTags("Roll-ups")
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireRole(Roles.OblastCoordinator, Roles.NationalCoordinator));
        rollups.MapGet("/oblast/{code}.xlsx", (string code, string? year, ClaimsPrincipal user, RollupService service, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                SendAsync(code, year, user, service, l, ct))
            .WithName("GetOblastRollupXlsx")
            .WithSummary("Зведення по області в Excel: рядок на громаду і підсумок; лише затверджені звіти.")
            .Produces(StatusCodes.Status200OK, contentType: PlanSheet.ContentType);
        rollups.MapGet("/national.xlsx", (string? year, ClaimsPrincipal user, RollupService service, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                SendAsync(null, year, user, service, l, ct))
            .WithName("GetNationalRollupXlsx")
            .WithSummary("Зведення по всіх громадах в Excel: рядок на громаду і підсумок; лише затверджені звіти.")
            .Produces(StatusCodes.Status200OK, contentType: PlanSheet.ContentType);
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> SendAsync(
        string? code, string? year, ClaimsPrincipal user, RollupService service, IStringLocalizer l, CancellationToken ct)
    {
        if (code is not null && !Katottg.IsWellFormed(code))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: l["Api.BadRequest.Title"], detail: l["Rollups.BadCode.Detail", code]);
        }

        if (!QueryValues.IsAbsentOrInt(year))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: l["Api.BadRequest.Title"], detail: l["AnnualReport.BadYear.Detail", year!]);
        }

        var found = await service.GetAllAsync(user, code, QueryValues.Int(year), ct);
        if (found is null && code is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: l["Rollups.NotFound.Title"], detail: RollupLinks.NotFound(code, l));
        }

        // Only an oblast's roll-up can be missing: the national one lists whatever communities there are, none included.
        var rollup = found ?? throw new UnreachableException("The national roll-up was missing.");

        var text = CouncilDocuments.InUkrainian(() => Text(rollup, l));
        return CouncilDocuments.Send(stream => RollupXlsx.Write(stream, rollup, text), PlanSheet.ContentType, FileName(rollup));
    }

    /// <summary>In Latin letters, digits and hyphens, as every download (<see cref="DownloadNames"/>): the oblast's code and the year.</summary>
    public static string FileName(Rollup rollup) => string.Create(CultureInfo.InvariantCulture,
        $"rollup-{(rollup.OblastCode ?? "national").ToLowerInvariant()}-{rollup.Year}.xlsx");

    /// <summary>The page's words for the workbook's headings.</summary>
    public static RollupSheetText Text(Rollup rollup, IStringLocalizer l) => new(
        SheetName: l["Rollups.Sheet"],
        Title: rollup.OblastName is { } oblast ? l["Rollups.SheetTitle.Oblast", oblast, rollup.Year] : l["Rollups.SheetTitle.National", rollup.Year],
        ApprovedOnly: l["Rollups.ApprovedOnly", PeriodLabel.Date(rollup.Today)],
        Code: l["Rollups.Code"],
        Community: l["Rollups.Community"],
        Plan: l["Rollups.Plan"],
        NoPlan: l["Rollups.NoPlan"],
        Measures: l["Rollups.Measures"],
        Status: Fixed<ImplementationStatus>(s => l[$"Implementation.{s}"]),
        DueReports: l["Dashboard.DueReports"],
        Submitted: l["Dashboard.Submitted"],
        SubmittedShare: l["Rollups.SubmittedShare"],
        Approved: l["Dashboard.Approved"],
        ApprovedShare: l["Rollups.ApprovedShare"],
        Overdue: l["Dashboard.Overdue"],
        Returned: l["Dashboard.Returned"],
        Planned: Fixed<Core.Plans.FundingSource>(s => l["Rollups.PlannedSource", l[$"Source.{s}"]]),
        Spent: Fixed<Core.Plans.FundingSource>(s => l["Rollups.SpentSource", l[$"Source.{s}"]]),
        Women: l["Category.women"],
        Men: l["Category.men"],
        WomenShare: l["Rollups.WomenShare"],
        Total: l["Rollups.Total", rollup.Communities]);

    /// <summary>An enum's words looked up now, in Ukrainian, rather than whenever the writer asks.</summary>
    private static Func<T, string> Fixed<T>(Func<T, string> word) where T : struct, Enum
    {
        var words = Enum.GetValues<T>().ToDictionary(v => v, word);
        return v => words[v];
    }
}
