using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Monitoring;

/// <summary>
/// "Today" is 1 April 2021: 2020's periods are overdue and Q1 2021 (due 10 April) is due soon. The Gender Equality
/// Centre has on I.4 an approved (2020 Q1), a returned (2020 Q2), a submitted (2020 Q3) report and a draft for 2021 Q2;
/// the police, who share I.8 with the centre, have saved a draft of I.8 for 2020 Q4.
/// </summary>
public sealed class WorklistFixture() : ReportingFixture(new DateTimeOffset(2021, 4, 1, 9, 0, 0, TimeSpan.Zero))
{
    public int ReturnedPeriod { get; private set; }
    public int SharedPeriod { get; private set; }
    public ClaimsPrincipal Unscoped { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ReportAsync(CentreOfficial, "I", 4, 2020, 1, submit: true, review: (id, v) => Reports.ApproveAsync(Staff, id, v));
        ReturnedPeriod = await ReportAsync(CentreOfficial, "I", 4, 2020, 2, submit: true, review: (id, v) => Reports.ReturnAsync(Staff, id, v, "Додайте протокол."));
        await ReportAsync(CentreOfficial, "I", 4, 2020, 3, submit: true);
        await ReportAsync(CentreOfficial, "I", 4, 2021, 2, submit: false);
        SharedPeriod = await ReportAsync(PoliceOfficial, "I", 8, 2020, 4, submit: false);

        await using var db = await DbFactory.CreateDbContextAsync();
        var user = new AppUser { UserName = "new@kreminna.local", Email = "new@kreminna.local", FullName = "Без органу" };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        Unscoped = new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Role, Roles.ResponsibleOfficial), new Claim(Core.Communities.CommunityClaims.Community, "1")], "test"));
    }

    private async Task<int> ReportAsync(
        ClaimsPrincipal official, string direction, int number, int year, int sequence, bool submit,
        Func<int, uint, Task<Core.Plans.Editing.EditResult<ReportForm>>>? review = null)
    {
        var period = await PeriodAsync(direction, number, year, sequence);
        var form = (await Reports.LoadAsync(official, period))!.Form;
        if (number == 4)
        {
            ReportWorkflowTests.FillTraining(form);
        }
        else
        {
            form.Narrative = "Чернетка поліції.";
        }

        // The audit names whoever acts, as the app's circuit does.
        Actor.Current = Core.Audit.Actor.Of(official);
        var saved = submit ? await Reports.SubmitAsync(official, form) : await Reports.SaveDraftAsync(official, form);
        Assert.True(saved.Saved, saved.Message);
        if (review is not null)
        {
            Actor.Current = Core.Audit.Actor.Of(Staff);
            var reviewed = await review(saved.Current!.ReportId, saved.Current.Version);
            Assert.True(reviewed.Saved, reviewed.Message);
        }

        Actor.Current = Core.Audit.Actor.System;
        return period;
    }
}

public class WorklistTests(WorklistFixture f) : IClassFixture<WorklistFixture>
{
    private static readonly WorklistFilter All = new(PageSize: Worklist.MaxPageSize);

    private async Task<IReadOnlyList<WorklistRow>> RowsAsync(ClaimsPrincipal user, WorklistFilter filter)
    {
        var first = await f.Worklist.PageAsync(user, filter);
        Assert.True(first.Total <= Worklist.MaxPageSize, "the fixture's lists fit one page of the largest size");
        return first.Rows;
    }

    [Fact]
    public async Task What_needs_action_comes_first_returned_overdue_due_soon_then_the_rest_each_by_due_date()
    {
        var rows = await RowsAsync(f.CentreOfficial, All);

        Assert.Equal(f.ReturnedPeriod, rows[0].Report.Period.Id);
        Assert.Equal(WorkState.Returned, rows[0].State);
        Assert.Equal([WorkState.Returned, WorkState.Overdue, WorkState.DueSoon, WorkState.ToDo, WorkState.Submitted, WorkState.Approved],
            rows.Select(r => r.State).Distinct());
        Assert.True(rows.Zip(rows.Skip(1)).All(p => p.First.State < p.Second.State
            || (p.First.State == p.Second.State && p.First.Report.Period.Due <= p.Second.Report.Period.Due)), "grouped, then by due date");

        // Due soon is the one rule of PeriodStates: due from today up to 14 days on, nothing submitted.
        var today = new DateOnly(2021, 4, 1);
        Assert.All(rows.Where(r => r.State == WorkState.DueSoon), r =>
            Assert.InRange(r.Report.Period.Due, today, today.AddDays(PeriodStates.DueSoonDays)));
        Assert.All(rows.Where(r => r.State == WorkState.Overdue), r => Assert.True(r.Report.Period.Due < today));
        Assert.Contains(rows, r => r.State == WorkState.ToDo && r.Report.State == ReportState.Draft && r.Report.Period.Year == 2021);
        // Periods not yet ended, far from due and not started are not on the list yet.
        Assert.DoesNotContain(rows, r => r.Report.State == ReportState.NotStarted && r.Report.Period.Due > today.AddDays(PeriodStates.DueSoonDays));
    }

    [Fact]
    public async Task Each_chip_count_equals_the_rows_its_state_filter_opens()
    {
        var counts = await f.Worklist.CountsAsync(f.CentreOfficial, new WorklistFilter());
        var all = await RowsAsync(f.CentreOfficial, All);

        Assert.Equal(all.Count, counts.Total);
        foreach (var state in Enum.GetValues<WorkState>())
        {
            var page = await f.Worklist.PageAsync(f.CentreOfficial, All with { State = state });
            Assert.True(counts[state] > 0, $"the fixture has {state}");
            Assert.Equal(counts[state], page.Total);
            Assert.All(page.Rows, r => Assert.Equal(state, r.State));
        }

        Assert.Equal(counts[WorkState.Returned] + counts[WorkState.Overdue] + counts[WorkState.DueSoon], counts.NeedingAction);
        Assert.Equal(1, counts[WorkState.Returned]);
    }

    [Fact]
    public async Task Counts_follow_the_other_filters_so_a_chip_still_opens_its_count()
    {
        var filter = new WorklistFilter(Year: 2020, Quarter: 2);
        var counts = await f.Worklist.CountsAsync(f.CentreOfficial, filter);

        foreach (var state in Enum.GetValues<WorkState>())
        {
            Assert.Equal(counts[state], (await f.Worklist.PageAsync(f.CentreOfficial, filter with { State = state })).Total);
        }

        Assert.Equal(counts.Total, (await f.Worklist.PageAsync(f.CentreOfficial, filter)).Total);
    }

    [Fact]
    public async Task Year_quarter_direction_and_body_filters_narrow_the_list()
    {
        var all = await RowsAsync(f.CentreOfficial, All);

        var of2021 = await RowsAsync(f.CentreOfficial, All with { Year = 2021 });
        Assert.NotEmpty(of2021);
        Assert.Equal(all.Count(r => r.Report.Period.Year == 2021), of2021.Count);
        Assert.All(of2021, r => Assert.Equal(2021, r.Report.Period.Year));

        var third = await RowsAsync(f.CentreOfficial, All with { Quarter = 3 });
        Assert.NotEmpty(third);
        Assert.All(third, r => Assert.Equal(3, (r.Report.Period.End.Month - 1) / 3 + 1));
        Assert.Equal(all.Count(r => (r.Report.Period.End.Month - 1) / 3 + 1 == 3), third.Count);

        await using var db = await f.DbFactory.CreateDbContextAsync();
        var third2 = await db.Directions.Where(d => d.Number == "III").Select(d => d.Id).SingleAsync();
        var direction = await RowsAsync(f.CentreOfficial, All with { DirectionId = third2 });
        Assert.NotEmpty(direction);
        Assert.All(direction, r => Assert.StartsWith("III.", r.Report.Measure));
        Assert.Equal(all.Count(r => r.Report.Measure.StartsWith("III.", StringComparison.Ordinal)), direction.Count);

        // The centre official's one body gives the whole list; a body they are not scoped to gives nothing.
        var centre = await db.ResponsibleBodies.Where(b => b.Name == "Центр гендерної рівності").Select(b => b.Id).SingleAsync();
        var police = await db.UserResponsibleBodies.Where(u => u.UserId == Permissions.UserId(f.PoliceOfficial)).Select(u => u.ResponsibleBodyId).SingleAsync();
        Assert.Equal(all.Count, (await f.Worklist.PageAsync(f.CentreOfficial, All with { BodyId = centre })).Total);
        Assert.Equal(0, (await f.Worklist.PageAsync(f.CentreOfficial, All with { BodyId = police })).Total);
        Assert.Equal(0, (await f.Worklist.CountsAsync(f.CentreOfficial, new WorklistFilter(BodyId: police))).Total);
    }

    [Fact]
    public async Task Search_finds_by_measure_number_content_and_indicator_text_in_any_case()
    {
        var byNumber = await RowsAsync(f.CentreOfficial, All with { Search = " iii.5 " });
        Assert.NotEmpty(byNumber);
        Assert.All(byNumber, r => Assert.Equal("III.5", r.Report.Measure));
        var exact = await RowsAsync(f.CentreOfficial, All with { Search = "I.4" });
        Assert.NotEmpty(exact);
        Assert.All(exact, r => Assert.Equal("I.4", r.Report.Measure));

        await using var db = await f.DbFactory.CreateDbContextAsync();
        var indicator = await db.Indicators.Where(i => i.Measure.Direction.Number == "III" && i.Measure.Number == 3).Select(i => i.Text).FirstAsync();
        var words = indicator.Length > 30 ? indicator[5..30] : indicator;
        var byIndicator = await RowsAsync(f.CentreOfficial, All with { Search = words.ToUpperInvariant() });
        Assert.Contains(byIndicator, r => r.Report.Measure == "III.3");
        var measures = byIndicator.Select(r => r.Report.Period.MeasureId).Distinct().ToList();
        var matching = await db.Measures.Where(m => measures.Contains(m.Id))
            .CountAsync(m => m.Content.ToLower().Contains(words.ToLower()) || m.Indicators.Any(i => i.Text.ToLower().Contains(words.ToLower())));
        Assert.Equal(measures.Count, matching);

        var content = await db.Measures.Where(m => m.Direction.Number == "I" && m.Number == 4).Select(m => m.Content).SingleAsync();
        var byContent = await RowsAsync(f.CentreOfficial, All with { Search = content[10..40].ToUpperInvariant() });
        Assert.Contains(byContent, r => r.Report.Measure == "I.4");

        Assert.Equal(0, (await f.Worklist.PageAsync(f.CentreOfficial, All with { Search = "100%_нічого такого" })).Total);
    }

    [Fact]
    public async Task Pages_come_from_the_database_in_order_and_add_up_to_the_whole_list()
    {
        var all = await RowsAsync(f.CentreOfficial, All);
        var pages = new List<WorklistRow>();
        for (var page = 0; ; page++)
        {
            var result = await f.Worklist.PageAsync(f.CentreOfficial, new WorklistFilter(Page: page, PageSize: 10));
            Assert.Equal(all.Count, result.Total);
            Assert.True(result.Rows.Count <= 10);
            if (result.Rows.Count == 0)
            {
                break;
            }

            pages.AddRange(result.Rows);
        }

        Assert.Equal(all.Select(r => r.Report.Period.Id), pages.Select(r => r.Report.Period.Id));
        Assert.True(all.Count > 10, "more than one page");
        // A page size out of bounds is brought within them.
        var clamped = await f.Worklist.PageAsync(f.CentreOfficial, new WorklistFilter(PageSize: 10_000));
        Assert.Equal(Math.Min(all.Count, Worklist.MaxPageSize), clamped.Rows.Count);
    }

    [Fact]
    public async Task An_official_of_another_body_sees_nothing_of_the_first_bodys_own_measures()
    {
        var police = await RowsAsync(f.PoliceOfficial, All);

        Assert.NotEmpty(police);
        Assert.DoesNotContain(police, r => r.Report.Period.Id == f.ReturnedPeriod);
        Assert.Equal(0, (await f.Worklist.CountsAsync(f.PoliceOfficial, new WorklistFilter()))[WorkState.Returned]);
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var policeBody = await db.UserResponsibleBodies.Where(u => u.UserId == Permissions.UserId(f.PoliceOfficial)).Select(u => u.ResponsibleBodyId).SingleAsync();
        var measures = police.Select(r => r.Report.Period.MeasureId).Distinct().ToList();
        Assert.All(measures, m => Assert.True(db.MeasureResponsibleBodies.Any(b => b.MeasureId == m && b.ResponsibleBodyId == policeBody), $"measure {m} is the police's"));
    }

    [Fact]
    public async Task Someone_scoped_to_no_body_has_no_reports_of_their_own()
    {
        Assert.Equal(0, (await f.Worklist.PageAsync(f.Unscoped, All)).Total);
        Assert.Equal(0, (await f.Worklist.CountsAsync(f.Unscoped, new WorklistFilter())).NeedingAction);
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Worklist.PageAsync(f.Staff, All));
    }

    [Fact]
    public async Task A_shared_measure_says_which_bodys_official_acted_and_reviewers_do_not_count()
    {
        var rows = await RowsAsync(f.CentreOfficial, All);
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var policeShort = await db.UserResponsibleBodies.Where(u => u.UserId == Permissions.UserId(f.PoliceOfficial))
            .Select(u => u.ResponsibleBody.ShortName).SingleAsync();
        var centreShort = await db.ResponsibleBodies.Where(b => b.Name == "Центр гендерної рівності").Select(b => b.ShortName).SingleAsync();

        var shared = Assert.Single(rows, r => r.Report.Period.Id == f.SharedPeriod);
        Assert.True(shared.SharedMeasure);
        Assert.Equal(new ReportActor("police@kreminna.local", policeShort), shared.LastActor);

        // Staff returned it last, but the official who wrote it is who acted for the body.
        var returned = Assert.Single(rows, r => r.Report.Period.Id == f.ReturnedPeriod);
        Assert.Equal(new ReportActor("centre@kreminna.local", centreShort), returned.LastActor);
        Assert.All(rows.Where(r => r.Report.ReportId is null), r => Assert.Null(r.LastActor));
    }

    [Fact]
    public async Task A_committed_report_write_is_announced_for_the_navigation_to_count_again()
    {
        var heard = new List<ReportChange>();
        using (f.Changes.Subscribe(heard.Add))
        {
            var period = await f.PeriodAsync("III", 3, 2020, 1);
            var form = (await f.Reports.LoadAsync(f.CentreOfficial, period))!.Form;
            form.Narrative = "Зустріч проведено.";
            Assert.True((await f.Reports.SaveDraftAsync(f.CentreOfficial, form)).Saved);
            await using var db = await f.DbFactory.CreateDbContextAsync();
            var measure = await db.ReportingPeriods.Where(p => p.Id == period).Select(p => p.MeasureId).SingleAsync();
            Assert.Equal([new ReportChange(measure)], heard);
        }

        // Unsubscribed: nothing more is heard.
        var other = await f.PeriodAsync("III", 3, 2020, 2);
        var second = (await f.Reports.LoadAsync(f.CentreOfficial, other))!.Form;
        second.Narrative = "Ще одна.";
        Assert.True((await f.Reports.SaveDraftAsync(f.CentreOfficial, second)).Saved);
        Assert.Single(heard);
    }
}
