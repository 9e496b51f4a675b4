using Kreminna1325.Core;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Dashboard;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Dashboard;

/// <summary>"Today" is 15 July 2022: in 2022 the first two quarters are due, the year's annual reports are not.</summary>
public class DashboardFixture() : ReportingFixture(new DateTimeOffset(2022, 7, 15, 12, 0, 0, TimeSpan.Zero))
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();

        // I.4 (direction I): Q1 approved and done, 20 women and 10 men, 3,0 of "other" money spent; Q2 submitted only.
        await EnterAsync("I", 4, 1, ImplementationStatus.Done, people: (20, 10), spentOther: 3.0m, review: "approve");
        await EnterAsync("I", 4, 2, ImplementationStatus.InProgress, people: (5, 5), spentOther: 9.0m, review: null);

        // III.5 (direction III): Q1 approved but not done, 4 women and 6 men; Q2 returned.
        await EnterAsync("III", 5, 1, ImplementationStatus.NotDone, people: (4, 6), spentOther: null, review: "approve");
        await EnterAsync("III", 5, 2, ImplementationStatus.InProgress, people: (1, 1), spentOther: null, review: "return");
    }

    private async Task EnterAsync(string direction, int number, int quarter, ImplementationStatus status, (int Women, int Men) people, decimal? spentOther, string? review)
    {
        var form = (await Reports.LoadAsync(Staff, await PeriodAsync(direction, number, 2022, quarter)))!.Form;
        form.Implementation = status;
        form.NotDoneReason = status == ImplementationStatus.NotDone ? "Тренер не зміг приїхати." : null;
        form.Narrative = "Звіт для перевірки панелі керівника.";
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
                    v.Entries = ["Гімназія № 1"];
                    break;
            }
        }

        if (form.Spending.FirstOrDefault(s => s.Source == FundingSource.Other) is { } other)
        {
            other.Amount = spentOther;
        }

        var submitted = await Reports.SubmitAsync(CentreOfficial, form);
        if (!submitted.Saved)
        {
            throw new InvalidOperationException(submitted.Message);
        }

        if (review == "approve")
        {
            await Reports.ApproveAsync(Staff, submitted.Current!.ReportId, submitted.Current.Version);
        }
        else if (review == "return")
        {
            await Reports.ReturnAsync(Staff, submitted.Current!.ReportId, submitted.Current.Version, "Уточніть.");
        }
    }
}

/// <summary>The dashboard's figures against numbers worked out by hand from the reports above and the built-in plan.</summary>
public class DashboardServiceTests(DashboardFixture f) : IClassFixture<DashboardFixture>
{
    private DashboardService Service => new(f.DbFactory, new BudgetReportService(f.DbFactory), new CommunityClock(f.Clock));

    [Fact]
    public async Task The_latest_year_is_the_default_and_today_comes_from_the_clock()
    {
        var figures = (await Service.GetAsync(f.Executive, new DashboardFilter(f.PlanId)))!;

        Assert.Equal(2022, figures.Year);
        Assert.Equal(new DateOnly(2022, 7, 15), figures.Today);
    }

    [Fact]
    public async Task Implementation_counts_measures_by_their_latest_approved_report()
    {
        var figures = (await Service.GetAsync(f.Executive, new DashboardFilter(f.PlanId, 2022)))!;

        var first = figures.Implementation.Single(r => r.Number == "I");
        Assert.Equal((9, 1, 0, 8, 0), (first.Measures, first.Done, first.InProgress, first.NotStarted, first.NotDone));
        var third = figures.Implementation.Single(r => r.Number == "III");
        Assert.Equal((5, 0, 0, 4, 1), (third.Measures, third.Done, third.InProgress, third.NotStarted, third.NotDone));
    }

    [Fact]
    public async Task Reporting_counts_only_periods_already_due()
    {
        var figures = (await Service.GetAsync(f.Executive, new DashboardFilter(f.PlanId, 2022)))!;

        // Direction I: eight quarterly or ongoing measures × Q1, Q2, plus I.6 (annually in Q1) = 17 due.
        var first = figures.Implementation.Single(r => r.Number == "I");
        // I.4's Q2 waits for review; its approved Q1 is approved only, not "submitted" too.
        Assert.Equal((17, 1, 1, 15, 0), (first.DueReports, first.Submitted, first.Approved, first.Overdue, first.Returned));
        Assert.Equal(5.9m, first.SubmittedShare);

        // Direction III: four quarterly-type measures × 2; III.4 (November–December) is not due yet.
        var third = figures.Implementation.Single(r => r.Number == "III");
        Assert.Equal((8, 0, 1, 6, 1), (third.DueReports, third.Submitted, third.Approved, third.Overdue, third.Returned));

        // 23 quarterly-type measures due each quarter, and I.6 in Q1; Q3 and Q4 are not due on 15 July.
        Assert.Equal([(1, 24, 0, 2), (2, 23, 1, 0), (3, 0, 0, 0), (4, 0, 0, 0)],
            figures.Quarters.Select(q => (q.Quarter, q.DueReports, q.Submitted, q.Approved)));
    }

    [Fact]
    public async Task Overdue_and_returned_are_ranked_by_body()
    {
        var figures = (await Service.GetAsync(f.Executive, new DashboardFilter(f.PlanId, 2022)))!;

        // The Gender Equality Centre: 11 quarterly-type measures × 2 + I.6 = 23 due; 4 reported, 1 of them returned.
        var centre = figures.Discipline.Single(d => d.Body == "Центр гендерної рівності");
        Assert.Equal((19, 1), (centre.Overdue, centre.Returned));
        Assert.Equal(centre, figures.Discipline[0]);
        Assert.True(figures.Discipline.Zip(figures.Discipline.Skip(1)).All(p => p.First.Overdue + p.First.Returned >= p.Second.Overdue + p.Second.Returned));

        // The list behind the figure is the same 19 periods.
        var behind = await f.Queries.FindAsync(f.Executive, new ReportFilter(f.PlanId, 2022, BodyId: centre.BodyId, State: ReportListState.Overdue));
        Assert.Equal(19, behind.Count);
    }

    [Fact]
    public async Task Planned_and_spent_compare_per_direction_and_source()
    {
        var figures = (await Service.GetAsync(f.Executive, new DashboardFilter(f.PlanId, 2022)))!;

        // Planned 2022 in I: local 2,0 (I.9); other 7,0 (I.3) + 5,0 (I.4). Spent: only the approved Q1 report's 3,0.
        var local = figures.Budget.Single(b => b.Number == "I" && b.Source == FundingSource.Local);
        var other = figures.Budget.Single(b => b.Number == "I" && b.Source == FundingSource.Other);
        Assert.Equal((2.0m, 0m), (local.Planned, local.Spent));
        Assert.Equal((12.0m, 3.0m, 25.0m), (other.Planned, other.Spent, other.Execution!.Value));

        // The year's planned total is the reporting service's, and all years are there with the reconciliation.
        Assert.Equal(124.0m, figures.Budget.Sum(b => b.Planned));
        Assert.Equal(figures.PlanBudget.GrandTotal(2022), figures.Budget.Sum(b => b.Planned));
        Assert.Equal([2020, 2021, 2022], figures.PlanBudget.Years);
        Assert.Equal(2, figures.PlanBudget.Mismatches.Count);
    }

    [Fact]
    public async Task Reach_counts_women_and_men_from_approved_reports_only()
    {
        var figures = (await Service.GetAsync(f.Executive, new DashboardFilter(f.PlanId, 2022)))!;

        var first = figures.Reach.Single(r => r.Number == "I");
        Assert.Equal((20, 10, 66.7m), (first.Women, first.Men, first.WomenShare!.Value));
        var third = figures.Reach.Single(r => r.Number == "III");
        Assert.Equal((4, 6, 40.0m), (third.Women, third.Men, third.WomenShare!.Value));
        Assert.Null(figures.Reach.Single(r => r.Number == "V").WomenShare);
    }

    [Fact]
    public async Task Filters_narrow_every_panel()
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var third = await db.Directions.Where(d => d.Number == "III" && d.PlanId == f.PlanId).Select(d => d.Id).SingleAsync();
        var police = await db.ResponsibleBodies.Where(b => b.ShortName == "Кремінський відділ поліції").Select(b => b.Id).SingleAsync();

        var byDirection = (await Service.GetAsync(f.Executive, new DashboardFilter(f.PlanId, 2022, DirectionId: third)))!;
        Assert.Equal(["III"], byDirection.Implementation.Select(r => r.Number));
        Assert.Equal(10.0m, byDirection.Budget.Sum(b => b.Planned)); // III.1 5,0 + III.5 2,0 other; III.4 3,0 local

        // The police: I.7, I.8 (direction I), III.1 (III), IV.4 (IV); none of them has a report.
        var byBody = (await Service.GetAsync(f.Executive, new DashboardFilter(f.PlanId, 2022, BodyId: police)))!;
        Assert.Equal(4, byBody.Implementation.Sum(r => r.Measures));
        Assert.Equal(8, byBody.Implementation.Sum(r => r.Overdue));
        Assert.Equal(0, byBody.Reach.Sum(r => r.Women + r.Men));
    }
}
