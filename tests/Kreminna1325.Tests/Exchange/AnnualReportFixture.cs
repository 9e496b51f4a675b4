using Kreminna1325.Core;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Dashboard;
using Kreminna1325.Core.Exchange;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Exchange;

/// <summary>
/// 2021 reported as the dashboard tests report 2022, seen on 15 July 2022: I.4 approved twice (one with a file),
/// submitted once; III.5 approved once and returned once; I.1's yes/no approved as "no" in Q1 and "yes" in Q2.
/// Narratives carry markup and a leading "=", as a hostile or careless author might type them.
/// </summary>
public class AnnualReportFixture() : ReportingFixture(new DateTimeOffset(2022, 7, 15, 12, 0, 0, TimeSpan.Zero))
{
    public const string Script = "<script>alert('x')</script> Проведено тренінг для соцпрацівників.";
    public const string Formula = "=HYPERLINK(\"http://evil.example\";\"клік\") — другий тренінг.";
    public const string SubmittedOnly = "ПОДАНИЙ, АЛЕ НЕ ЗАТВЕРДЖЕНИЙ ОПИС";
    public const string ReturnedOnly = "ПОВЕРНУТИЙ ОПИС";
    public const string EvidenceName = "фото-тренінгу.pdf";

    public AnnualReportService Service => new(DbFactory, new PlanQueries(DbFactory), Dashboard);

    public DashboardService Dashboard => new(DbFactory, new BudgetReportService(DbFactory), new CommunityClock(Clock));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var db = await DbFactory.CreateDbContextAsync())
        {
            var body = await db.Measures.Where(m => m.Direction.Number == "I" && m.Number == 1)
                .Select(m => m.ResponsibleBodies.OrderBy(r => r.Position).First().ResponsibleBody.Name).SingleAsync();
            Deputy = await OfficialAsync("deputy@kreminna.local", body);
        }

        await EnterAsync(CentreOfficial, "I", 4, 1, ImplementationStatus.Done, Script, (20, 10), 3.0m, "approve", evidence: true);
        await EnterAsync(CentreOfficial, "I", 4, 2, ImplementationStatus.InProgress, Formula, (5, 5), 2.0m, "approve");
        await EnterAsync(CentreOfficial, "I", 4, 3, ImplementationStatus.InProgress, SubmittedOnly, (7, 7), 9.0m, null);
        await EnterAsync(CentreOfficial, "III", 5, 1, ImplementationStatus.NotDone, "Тренінг для ЗМІ не відбувся.", (4, 6), null, "approve");
        await EnterAsync(CentreOfficial, "III", 5, 2, ImplementationStatus.InProgress, ReturnedOnly, (1, 1), null, "return");
        await EnterAsync(Deputy, "I", 1, 1, ImplementationStatus.InProgress, "Засідання не проведено.", (0, 0), null, "approve", present: false);
        await EnterAsync(Deputy, "I", 1, 2, ImplementationStatus.Done, "План роботи ради затверджено.", (0, 0), null, "approve", present: true);
    }

    public System.Security.Claims.ClaimsPrincipal Deputy { get; private set; } = null!;

    private async Task EnterAsync(
        System.Security.Claims.ClaimsPrincipal official, string direction, int number, int quarter, ImplementationStatus status, string narrative,
        (int Women, int Men) people, decimal? spentOther, string? review, bool evidence = false, bool present = true)
    {
        var period = await PeriodAsync(direction, number, 2021, quarter);
        var form = (await Reports.LoadAsync(Staff, period))!.Form;
        form.Implementation = status;
        form.NotDoneReason = status == ImplementationStatus.NotDone ? "Тренер не зміг приїхати." : null;
        form.Narrative = narrative;
        foreach (var v in form.Values)
        {
            switch (v.Kind)
            {
                case IndicatorKind.Count when v.Requested.Contains(Disaggregation.Sex):
                    v.Number = people.Women + people.Men;
                    v.Breakdown[Disaggregation.Sex]["women"] = people.Women;
                    v.Breakdown[Disaggregation.Sex]["men"] = people.Men;
                    break;
                case IndicatorKind.Count:
                    v.Number = 1;
                    break;
                case IndicatorKind.List:
                    v.Entries = [$"Гімназія № {quarter}"];
                    break;
                case IndicatorKind.Presence:
                    v.Present = present;
                    v.DocumentReference = present ? "Рішення № 1" : null;
                    break;
                case IndicatorKind.Percentage:
                    v.Number = 10 * quarter;
                    break;
                case IndicatorKind.Text:
                    v.Text = $"Текст {quarter}";
                    break;
            }
        }

        if (form.Spending.FirstOrDefault(s => s.Source == FundingSource.Other) is { } other)
        {
            other.Amount = spentOther;
        }

        if (evidence)
        {
            var draft = await Reports.SaveDraftAsync(official, form);
            Check(draft.Saved, draft.Message);
            var upload = await Files.UploadAsync(official, draft.Current!.ReportId, EvidenceName, new MemoryStream(EvidenceSamples.Pdf()));
            Check(upload.Saved, upload.Message);
            form = (await Reports.LoadAsync(official, period))!.Form;
        }

        var submitted = await Reports.SubmitAsync(official, form);
        Check(submitted.Saved, submitted.Message);
        if (review == "approve")
        {
            await Reports.ApproveAsync(Staff, submitted.Current!.ReportId, submitted.Current.Version);
        }
        else if (review == "return")
        {
            await Reports.ReturnAsync(Staff, submitted.Current!.ReportId, submitted.Current.Version, "Уточніть.");
        }
    }

    private static void Check(bool saved, string? message)
    {
        if (!saved)
        {
            throw new InvalidOperationException(message);
        }
    }
}
