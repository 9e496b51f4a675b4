using System.Globalization;
using System.Security.Claims;
using Kreminna1325.Core.Exchange;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Web.Accounts;
using Kreminna1325.Web.Api;
using Kreminna1325.Web.Monitoring;
using Kreminna1325.Web.Plans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Kreminna1325.Web.Exchange;

/// <summary>The year's monitoring report as a Word document, for those who read the dashboard (its figures are the dashboard's).</summary>
public static class AnnualReportApi
{
    public static void MapAnnualReportApi(this WebApplication app) =>
        app.MapGet("/api/plans/{id}/annual-report/{year}.docx", GetAsync)
            .RequireAuthorization(Policies.CanViewDashboard)
            .WithTags("Exchange")
            .WithName("GetAnnualReportDocx")
            .WithSummary("Річний звіт про моніторинг плану у Word: підсумки року, заходи з описом виконаного, показники, фінансування, файли; лише затверджені звіти.")
            .Produces(StatusCodes.Status200OK, contentType: PlanDocxApi.ContentType);

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetAsync(
        string id, string year, ClaimsPrincipal user, PlanQueries plans, AnnualReportService reports, DownloadNames names,
        IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (ApiRequests.Id(id) is not { } planId)
        {
            return OpenDataApi.MalformedId(id, l);
        }

        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var asked))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: l["Api.BadRequest.Title"], detail: l["AnnualReport.BadYear.Detail", year]);
        }

        if (await plans.FindAsync(planId, ct) is not { } plan)
        {
            return OpenDataApi.PlanNotFound(planId, l);
        }

        if (YearProblem(plan, asked, l) is { } outside)
        {
            return outside;
        }

        if (await reports.GetAsync(user, planId, asked, ct) is not { } report)
        {
            return OpenDataApi.PlanNotFound(planId, l);
        }

        return CouncilDocuments.Send(output => AnnualReportDocx.Write(output, report, Text(l)), PlanDocxApi.ContentType, names.AnnualReport(asked));
    }

    /// <summary>Where the page links for the download, and the API's address: one place.</summary>
    public static string Url(int planId, int year) => string.Create(CultureInfo.InvariantCulture, $"/api/plans/{planId}/annual-report/{year}.docx");

    /// <summary>The report's page, where the dashboard links to.</summary>
    public static string PagePath(int planId, int year) => string.Create(CultureInfo.InvariantCulture, $"/plans/{planId}/annual-report/{year}");

    private static ProblemHttpResult? YearProblem(PlanSummary plan, int year, IStringLocalizer l) =>
        AnnualReportService.IsPlanYear(plan, year)
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: l["AnnualReport.YearOutside.Title"], detail: l["AnnualReport.YearOutside.Detail", plan.StartYear, plan.EndYear, year]);

    /// <summary>An indicator's value for the year as the page and the document print it.</summary>
    public static string Value(AnnualIndicator indicator, IStringLocalizer l) => !indicator.HasValue
        ? l["AnnualReport.NoValue"]
        : indicator.Kind switch
        {
            IndicatorKind.Count => indicator.Number is { } n ? Format.Count(n) : "—",
            IndicatorKind.Percentage => indicator.Number is { } p ? Format.Percent(p) : "—",
            IndicatorKind.Presence => indicator.Present switch { true => l["Reports.Yes"], false => l["Reports.No"], null => "—" },
            IndicatorKind.List => indicator.Entries.Count > 0 ? string.Join("; ", indicator.Entries) : "—",
            _ => string.IsNullOrWhiteSpace(indicator.Value) ? "—" : indicator.Value,
        };

    public static string Period(AnnualNarrative n, IStringLocalizer l) =>
        PeriodLabel.Of(new PeriodInfo(0, 0, n.Year, n.Sequence, n.Kind, n.Start, n.End, n.End, false), l);

    /// <summary>The page's own strings and number formats, so the document reads as the page does.</summary>
    public static AnnualReportText Text(IStringLocalizer l) => new(
        Title: y => l["AnnualReport.DocTitle", y],
        Made: d => l["AnnualReport.Made", PeriodLabel.Date(d)],
        ApprovedOnly: l["AnnualReport.ApprovedOnly"],
        SummaryHeading: y => l["AnnualReport.Summary", y],
        ByStatus: l["AnnualReport.ByStatus"],
        MeasuresTotal: l["AnnualReport.MeasuresTotal"],
        CountColumn: l["AnnualReport.CountColumn"],
        Status: s => l[$"Implementation.{s}"],
        Reporting: l["AnnualReport.Reporting"],
        DueReports: l["Dashboard.DueReports"],
        Submitted: l["Dashboard.Submitted"],
        Approved: l["Dashboard.Approved"],
        Overdue: l["Dashboard.Overdue"],
        Returned: l["Dashboard.Returned"],
        BudgetHeading: l["AnnualReport.Budget"],
        SourceColumn: l["AnnualReport.Source"],
        Planned: l["Dashboard.Planned"],
        Spent: l["Dashboard.Spent"],
        Execution: l["Dashboard.Execution"],
        Source: s => l[$"Source.{s}"],
        AllSources: l["Source.All"],
        Reach: l["AnnualReport.Reach"],
        ReachNote: l["Dashboard.ReachNote"],
        Women: l["Category.women"],
        Men: l["Category.men"],
        WomenShare: l["Dashboard.WomenShare"],
        Vulnerable: l["Dashboard.Vulnerable"],
        VulnerableNote: l["Dashboard.VulnerableNote"],
        Dimension: d => l[$"Disaggregation.{d}"],
        Category: c => l[$"Category.{c}"],
        MeasuresHeading: l["AnnualReport.Measures"],
        StatusLabel: l["AnnualReport.Status"],
        DoneHeading: l["AnnualReport.Done"],
        NoNarrative: l["AnnualReport.NoNarrative"],
        NotDoneReason: r => l["AnnualReport.NotDoneReason", r],
        Period: n => Period(n, l),
        IndicatorsHeading: l["AnnualReport.Indicators"],
        IndicatorColumn: l["AnnualReport.Indicator"],
        ValueColumn: l["AnnualReport.Value"],
        ValuesNote: l["AnnualReport.ValuesNote"],
        Overlapping: l["AnnualReport.Overlapping"],
        Value: i => Value(i, l),
        MoneyHeading: l["AnnualReport.Money"],
        NoMoney: l["AnnualReport.NoMoney"],
        EvidenceHeading: l["AnnualReport.Evidence"],
        NoEvidence: l["AnnualReport.NoEvidence"],
        AnnexHeading: y => l["AnnualReport.Annex", y],
        AnnexIntro: y => l["AnnualReport.AnnexIntro", y],
        AnnexNone: y => l["AnnualReport.AnnexNone", y],
        Amount: Format.Amount,
        Count: Format.Count,
        Percent: Format.Percent);
}
