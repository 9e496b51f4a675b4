using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kreminna1325.Tests.Infrastructure;
using Kreminna1325.Core;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Dashboard;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Rollups;

namespace Kreminna1325.Tests.Rollups;

/// <summary>The oblast and national roll-ups against figures worked out by hand from <see cref="RollupFixture"/>'s reports.</summary>
public class RollupServiceTests(RollupFixture f) : IClassFixture<RollupFixture>
{
    private async Task<Rollup> LuhanskAsync(int page = 0, int size = RollupRequest.DefaultPageSize) =>
        (await f.Service().GetAsync(f.LuhanskCoordinator, new RollupRequest(RollupFixture.Luhansk, 2022, page, size)))!;

    [Fact]
    public async Task Each_community_has_its_plan_its_measures_by_status_and_its_reporting()
    {
        var rollup = await LuhanskAsync();

        Assert.Equal(["Громада А", "Громада Б", "Громада В"], rollup.Rows.Select(r => r.Name));
        Assert.Equal("Луганська область", rollup.OblastName);
        Assert.Equal(2022, rollup.Year);
        Assert.Equal([2022, 2023], rollup.Years);
        Assert.All(rollup.Rows, r => Assert.Equal((2022, 2023), (r.Plan!.StartYear, r.Plan.EndYear)));
        Assert.Equal("План Громада А", rollup.Rows[0].Plan!.Title);

        var (a, b, c) = (rollup.Rows[0].Figures, rollup.Rows[1].Figures, rollup.Rows[2].Figures);
        // А: M1's latest approved report of 2022 says done; M2 has none.
        Assert.Equal(new MeasureStatuses(Done: 1, InProgress: 0, NotStarted: 1, NotDone: 0), a.Measures);
        Assert.Equal(new MeasureStatuses(0, 1, 1, 0), b.Measures);
        Assert.Equal(new MeasureStatuses(0, 0, 2, 0), c.Measures);

        // Due on 15 July: M1's Q1 and Q2 in each; M2's annual report is due in January.
        Assert.Equal(new ReportingTotals(Due: 2, Submitted: 1, Approved: 1, Overdue: 0, Returned: 0), a.Reporting);
        Assert.Equal((50.0m, 50.0m), (a.Reporting.SubmittedShare, a.Reporting.ApprovedShare));
        Assert.Equal(new ReportingTotals(2, 0, 1, 0, 1), b.Reporting);
        Assert.Equal((0.0m, 50.0m), (b.Reporting.SubmittedShare, b.Reporting.ApprovedShare));
        // В's draft is not submitted: both quarters overdue.
        Assert.Equal(new ReportingTotals(2, 0, 0, 2, 0), c.Reporting);
    }

    [Fact]
    public async Task Planned_against_spent_per_source_and_people_reached_count_approved_reports_only()
    {
        var rollup = await LuhanskAsync();
        var (a, b, c) = (rollup.Rows[0].Figures, rollup.Rows[1].Figures, rollup.Rows[2].Figures);

        // Planned 2022 (2023's 99,0 is another year); spent only from approved reports (А's waiting 9,0 and В's draft do not count).
        Assert.Equal([new SourceBudget(FundingSource.Local, 10.0m, 1.5m), new SourceBudget(FundingSource.Other, 4.0m, 0m)], a.Budget);
        Assert.Equal(15.0m, a.Of(FundingSource.Local).Execution);
        Assert.Equal([new SourceBudget(FundingSource.Local, 20.0m, 2.0m), new SourceBudget(FundingSource.Other, 0m, 0m)], b.Budget);
        Assert.Null(b.Of(FundingSource.Other).Execution);
        Assert.Equal([new SourceBudget(FundingSource.Local, 5.0m, 0m), new SourceBudget(FundingSource.Other, 1.0m, 0m)], c.Budget);

        Assert.Equal((6, 4, 60.0m), (a.People.Women, a.People.Men, a.People.WomenShare));
        Assert.Equal((3, 1, 75.0m), (b.People.Women, b.People.Men, b.People.WomenShare));
        Assert.Equal((0, 0), (c.People.Women, c.People.Men));
        Assert.Null(c.People.WomenShare);
    }

    [Fact]
    public async Task Totals_add_up_the_oblast_and_leave_other_oblasts_out()
    {
        var t = (await LuhanskAsync()).Totals;

        Assert.Equal(new MeasureStatuses(Done: 1, InProgress: 1, NotStarted: 4, NotDone: 0), t.Measures);
        Assert.Equal(6, t.Measures.Measures);
        Assert.Equal(new ReportingTotals(Due: 6, Submitted: 1, Approved: 2, Overdue: 2, Returned: 1), t.Reporting);
        Assert.Equal((16.7m, 33.3m), (t.Reporting.SubmittedShare, t.Reporting.ApprovedShare));
        Assert.Equal([new SourceBudget(FundingSource.Local, 35.0m, 3.5m), new SourceBudget(FundingSource.Other, 5.0m, 0m)], t.Budget);
        Assert.Equal(10.0m, t.Of(FundingSource.Local).Execution);
        // 9 of 14: 64,29 → 64,3.
        Assert.Equal((9, 5, 64.3m), (t.People.Women, t.People.Men, t.People.WomenShare));
    }

    [Fact]
    public async Task The_national_roll_up_has_every_community()
    {
        var rollup = (await f.Service().GetAsync(f.National, new RollupRequest(null, 2022)))!;

        Assert.Equal(["Громада А", "Громада Б", "Громада В", "Громада Г"], rollup.Rows.Select(r => r.Name));
        Assert.Null(rollup.OblastName);
        Assert.Equal(new MeasureStatuses(1, 1, 5, 1), rollup.Totals.Measures);
        Assert.Equal(new ReportingTotals(8, 1, 3, 3, 1), rollup.Totals.Reporting);
        Assert.Equal((59, 55), (rollup.Totals.People.Women, rollup.Totals.People.Men));
        Assert.Equal(new SourceBudget(FundingSource.Local, 135.0m, 33.5m), rollup.Totals.Of(FundingSource.Local));
    }

    [Fact]
    public async Task Pages_split_the_rows_and_the_totals_stay_the_oblasts()
    {
        var first = await LuhanskAsync(page: 0, size: 2);
        var second = await LuhanskAsync(page: 1, size: 2);

        Assert.Equal(["Громада А", "Громада Б"], first.Rows.Select(r => r.Name));
        Assert.Equal(["Громада В"], second.Rows.Select(r => r.Name));
        Assert.Equal((3, 2), (first.Communities, first.Pages));
        Assert.Equal(new ReportingTotals(6, 1, 2, 2, 1), second.Totals.Reporting);
        // A page past the end shows the last one.
        Assert.Equal(1, (await LuhanskAsync(page: 7, size: 2)).Page);
    }

    [Fact]
    public async Task Each_row_says_what_that_communitys_dashboard_says()
    {
        var dashboard = new DashboardService(f.DbFactory, new BudgetReportService(f.DbFactory), new CommunityClock(f.Clock));
        var rollup = (await f.Service().GetAsync(f.National, new RollupRequest(null, 2022)))!;

        foreach (var row in rollup.Rows)
        {
            var executive = TestUsers.InRole(Roles.Executive, "executive", row.CommunityId);
            var d = (await dashboard.GetAsync(executive, new DashboardFilter(row.Plan!.Id, 2022)))!;
            Assert.Equal(d.Reporting, row.Figures.Reporting);
            Assert.Equal(
                (d.Implementation.Sum(i => i.Done), d.Implementation.Sum(i => i.InProgress), d.Implementation.Sum(i => i.NotStarted), d.Implementation.Sum(i => i.NotDone)),
                (row.Figures.Measures.Done, row.Figures.Measures.InProgress, row.Figures.Measures.NotStarted, row.Figures.Measures.NotDone));
            foreach (var source in Enum.GetValues<FundingSource>())
            {
                Assert.Equal(d.Budget.Where(b => b.Source == source).Sum(b => b.Planned), row.Figures.Of(source).Planned);
                Assert.Equal(d.Budget.Where(b => b.Source == source).Sum(b => b.Spent), row.Figures.Of(source).Spent);
            }

            Assert.Equal((d.Reach.Sum(r => r.Women), d.Reach.Sum(r => r.Men)), (row.Figures.People.Women, row.Figures.People.Men));
        }
    }

    [Fact]
    public async Task The_number_of_queries_does_not_grow_with_the_communities_and_a_signed_in_persons_filter_does_not_narrow_it()
    {
        // Contexts as the web app makes them for someone working in community А: the roll-ups must read past that filter.
        var factory = f.Counting(f.Communities["Громада А"].Community);
        var one = (await f.Service(factory).GetAsync(f.National, new RollupRequest(RollupFixture.Kharkiv, 2022)))!;
        var forOne = factory.Commands;
        factory.Reset();
        var three = (await f.Service(factory).GetAsync(f.National, new RollupRequest(RollupFixture.Luhansk, 2022)))!;

        Assert.Single(one.Rows);
        Assert.Equal(3, three.Rows.Count);
        Assert.Equal(forOne, factory.Commands);
        Assert.InRange(factory.Commands, 1, 8);
        Assert.Equal(new ReportingTotals(6, 1, 2, 2, 1), three.Totals.Reporting);
        Assert.Equal(new MeasureStatuses(0, 0, 1, 1), one.Totals.Measures);
    }

    public static TheoryData<string, string?> Refused() => new()
    {
        { Roles.ResponsibleOfficial, RollupFixture.Luhansk },
        { Roles.CouncilStaff, RollupFixture.Luhansk },
        { Roles.Executive, RollupFixture.Luhansk },
        { Roles.Administrator, RollupFixture.Luhansk },
        { Roles.Administrator, null },
        { Roles.SystemAdministrator, null },
        { "kharkiv", RollupFixture.Luhansk },
        { "luhansk", null },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Only_coordinators_of_the_oblast_and_national_coordinators_read_it(string who, string? oblast)
    {
        var user = who switch
        {
            "kharkiv" => f.KharkivCoordinator,
            "luhansk" => f.LuhanskCoordinator,
            _ => RollupFixture.Principal(who),
        };

        await Assert.ThrowsAsync<ForbiddenException>(() => f.Service().GetAsync(user, new RollupRequest(oblast)));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Service().GetAllAsync(user, oblast, null));
    }

    [Fact]
    public async Task A_national_coordinator_reads_any_oblast_and_an_oblast_without_communities_is_none()
    {
        Assert.Equal(["Громада Г"], (await f.Service().GetAsync(f.National, new RollupRequest(RollupFixture.Kharkiv)))!.Rows.Select(r => r.Name));
        Assert.Equal(["Громада Г"], (await f.Service().GetAsync(f.KharkivCoordinator, new RollupRequest(RollupFixture.Kharkiv)))!.Rows.Select(r => r.Name));
        Assert.Null(await f.Service().GetAsync(f.National, new RollupRequest("UA05000000000010236")));
    }

    [Fact]
    public async Task The_year_defaults_to_this_year_within_the_plans_years()
    {
        var rollup = (await f.Service().GetAsync(f.LuhanskCoordinator, new RollupRequest(RollupFixture.Luhansk)))!;
        Assert.Equal(2022, rollup.Year);

        // 2023: nothing is due yet and nothing was reported; the plan's 99,0 a year is planned.
        var next = (await f.Service().GetAsync(f.LuhanskCoordinator, new RollupRequest(RollupFixture.Luhansk, 2030)))!;
        Assert.Equal(2023, next.Year);
        Assert.Equal(new ReportingTotals(0, 0, 0, 0, 0), next.Totals.Reporting);
        Assert.Equal(297.0m, next.Totals.Of(FundingSource.Local).Planned);
        Assert.Equal(new MeasureStatuses(0, 0, 6, 0), next.Totals.Measures);
    }

    [Fact]
    public async Task The_workbook_has_a_row_per_community_and_the_totals()
    {
        var rollup = (await f.Service().GetAllAsync(f.LuhanskCoordinator, RollupFixture.Luhansk, 2022))!;
        using var stream = new MemoryStream();
        RollupXlsx.Write(stream, rollup, Text);

        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single();
        Assert.Equal("Зведення", sheet.Name!.Value);
        var rows = ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();

        Assert.Equal(3 + 3 + 1, rows.Count);
        Assert.Equal(["Громада А", "Громада Б", "Громада В", "Усього"], rows.Skip(3).Select(r => r[1]));
        Assert.Equal("UA44120010000000001", rows[3][0]);
        Assert.Equal("Код", rows[2][0]);
        // Measures, done … due, submitted, share: А's 2 measures, 1 done, 2 due, 1 submitted, 50 %.
        Assert.Equal([2m, 1m, 0m, 1m, 0m, 2m, 1m, 50m], rows[3].Skip(3).Take(8).Select(Number));
        // The totals' women and men, and their share.
        Assert.Equal([9m, 5m, 64.3m], rows[6].TakeLast(3).Select(Number));
    }

    private static decimal Number(string cell) => decimal.Parse(cell, System.Globalization.CultureInfo.InvariantCulture);

    private static RollupSheetText Text => new(
        "Зведення", "Зведення 2022", "Лише затверджені звіти", "Код", "Громада", "План", "Немає плану", "Заходів", s => s.ToString(),
        "Мали бути подані", "Подано", "Подано, %", "Затверджено", "Затверджено, %", "Прострочено", "Повернуто",
        s => $"Заплановано {s}", s => $"Витрачено {s}", "Жінок", "Чоловіків", "Частка жінок, %", "Усього");
}
