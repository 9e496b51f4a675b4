using Kreminna1325.Core;
using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Tests.Editing;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kreminna1325.Tests.Monitoring;

/// <summary>A seeded database with an official of the Gender Equality Centre and one of the police, and a fixed "today".</summary>
public class ReportingFixture : SeededDatabase
{
    public ReportingFixture()
        : this(new DateTimeOffset(2021, 5, 20, 9, 0, 0, TimeSpan.Zero))
    {
    }

    protected ReportingFixture(DateTimeOffset today) => Clock = new FakeTimeProvider(today);

    public FakeTimeProvider Clock { get; }
    public ClaimsPrincipal CentreOfficial { get; private set; } = null!;
    public ClaimsPrincipal PoliceOfficial { get; private set; } = null!;
    public ClaimsPrincipal Staff { get; } = Principal("staff-id", "staff@kreminna.local", Roles.CouncilStaff);
    public ClaimsPrincipal Executive { get; } = Principal("exec-id", "executive@kreminna.local", Roles.Executive);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        CentreOfficial = await OfficialAsync("centre@kreminna.local", "Центр гендерної рівності");
        PoliceOfficial = await OfficialAsync("police@kreminna.local", "Кремінський відділ поліції Головного управління Національної поліції України в Луганській області");
    }

    public MeasureAccess Access => new(DbFactory);

    /// <summary>One for the fixture, as the app has one: what a service raises, a listener of the test hears.</summary>
    public ReportChanges Changes { get; } = new();

    /// <summary>Where the messages of the workflow link to: the app's public address, as configured.</summary>
    public Core.Notifications.NotificationOptions Notifications { get; } = new() { PublicBaseUrl = "https://1325.kreminna.example/" };

    public Core.Notifications.WorkflowNotices Notices => new(Options.Create(Notifications));

    public ReportService Reports => new(DbFactory, new ReportFormValidator(), Access, Clock, Changes, Notices);

    public ReportQueries Queries => new(DbFactory, Access, new CommunityClock(Clock));

    public Worklist Worklist => new(DbFactory, new CommunityClock(Clock));

    public EvidenceFiles Files => new(DbFactory, Access, Clock);

    public async Task<int> PeriodAsync(string direction, int number, int year, int sequence)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.ReportingPeriods
            .Where(p => p.Measure.Direction.Number == direction && p.Measure.Number == number && p.Year == year && p.Sequence == sequence)
            .Select(p => p.Id).SingleAsync();
    }

    public async Task<ClaimsPrincipal> OfficialAsync(string email, string body)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        var user = new AppUser { UserName = email, Email = email, FullName = email };
        db.Users.Add(user);
        var bodyId = await db.ResponsibleBodies.Where(b => b.Name == body).Select(b => b.Id).SingleAsync();
        db.UserResponsibleBodies.Add(new UserResponsibleBody { UserId = user.Id, ResponsibleBodyId = bodyId });
        await db.SaveChangesAsync();
        return Principal(user.Id, email, Roles.ResponsibleOfficial);
    }

    private static ClaimsPrincipal Principal(string id, string email, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Email, email), new Claim(ClaimTypes.Role, role), new Claim(Core.Communities.CommunityClaims.Community, "1")], "test"));
}

public class ReportWorkflowTests(ReportingFixture f) : IClassFixture<ReportingFixture>
{
    /// <summary>I.4, training: a count, a list, and a count of people asked for by sex.</summary>
    internal static void FillTraining(ReportForm form, int people = 40, int women = 26, int men = 14)
    {
        form.Implementation = ImplementationStatus.Done;
        form.Narrative = "Проведено два тренінги для соціальних працівників.";
        form.Values[0].Number = 2;
        form.Values[1].Entries = ["ЦСССДМ", "Кремінська гімназія №1"];
        form.Values[2].Number = people;
        form.Values[2].Breakdown[Disaggregation.Sex]["women"] = women;
        form.Values[2].Breakdown[Disaggregation.Sex]["men"] = men;
    }

    [Fact]
    public async Task Draft_submit_return_with_comment_resubmit_approve_reopen()
    {
        using var _ = new CultureScope("uk-UA");
        var period = await f.PeriodAsync("I", 4, 2021, 1);
        var form = (await f.Reports.LoadAsync(f.Staff, period))!.Form;
        Assert.Equal(3, form.Values.Count);
        Assert.Equal([Disaggregation.Sex], form.Values[2].Requested);

        FillTraining(form);
        var draft = await f.Reports.SaveDraftAsync(f.CentreOfficial, form);
        Assert.True(draft.Saved, draft.Message);
        Assert.Equal(ReportStatus.Draft, draft.Current!.Status);

        var submitted = await f.Reports.SubmitAsync(f.CentreOfficial, draft.Current);
        Assert.True(submitted.Saved, submitted.Message);
        Assert.Equal(ReportStatus.Submitted, submitted.Current!.Status);
        var reportId = submitted.Current.ReportId;

        // Submitted reports wait in the review queue; the official cannot change them meanwhile.
        Assert.Contains(await f.Queries.ReviewQueueAsync(f.Staff), r => r.ReportId == reportId);
        var locked = await f.Reports.SaveDraftAsync(f.CentreOfficial, submitted.Current);
        Assert.Equal(EditOutcome.Invalid, locked.Outcome);

        var returned = await f.Reports.ReturnAsync(f.Staff, reportId, submitted.Current.Version, "Додайте розбивку за віком у описі.");
        Assert.True(returned.Saved, returned.Message);
        var seen = (await f.Reports.LoadAsync(f.Staff, period))!;
        Assert.Equal(ReportStatus.Returned, seen.Form.Status);
        Assert.Equal("Додайте розбивку за віком у описі.", seen.ReviewComment);
        Assert.Contains((await f.Worklist.PageAsync(f.CentreOfficial, new WorklistFilter(State: WorkState.Returned))).Rows,
            r => r.Report.ReportId == reportId && r.Report.State == ReportState.Returned);

        seen.Form.Narrative += " Серед учасників 12 осіб віком 18–34.";
        var resubmitted = await f.Reports.SubmitAsync(f.CentreOfficial, seen.Form);
        Assert.True(resubmitted.Saved, resubmitted.Message);

        var approved = await f.Reports.ApproveAsync(f.Staff, reportId, resubmitted.Current!.Version);
        Assert.True(approved.Saved, approved.Message);
        Assert.Equal(ReportStatus.Approved, approved.Current!.Status);

        // Approved is read-only until staff reopen it, with a reason.
        Assert.Equal(EditOutcome.Invalid, (await f.Reports.SaveDraftAsync(f.CentreOfficial, approved.Current)).Outcome);
        Assert.Equal(EditOutcome.Invalid, (await f.Reports.ReopenAsync(f.Staff, reportId, approved.Current.Version, " ")).Outcome);
        var reopened = await f.Reports.ReopenAsync(f.Staff, reportId, approved.Current.Version, "Помилка в кількості учасників.");
        Assert.True(reopened.Saved, reopened.Message);

        var history = (await f.Reports.LoadAsync(f.Staff, period))!.History;
        Assert.Equal(
            [
                (ReportStatus.Draft, ReportStatus.Submitted), (ReportStatus.Submitted, ReportStatus.Returned),
                (ReportStatus.Returned, ReportStatus.Submitted), (ReportStatus.Submitted, ReportStatus.Approved),
                (ReportStatus.Approved, ReportStatus.Returned),
            ],
            history.Select(h => (h.From, h.To)));
        Assert.Equal("staff@kreminna.local", history[1].UserName);
        Assert.Equal("centre@kreminna.local", history[2].UserName);

        // Every transition and value change is in the audit trail too.
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var measureId = (await f.Reports.LoadAsync(f.Staff, period))!.Form.MeasureId;
        Assert.True(await db.AuditEntries.CountAsync(a => a.MeasureId == measureId && a.EntityType == nameof(Report) && a.Action == Kreminna1325.Core.Audit.AuditAction.Update) >= 5);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.MeasureId == measureId && a.EntityType == nameof(ValueBreakdown)));
    }

    [Fact]
    public async Task Only_the_bodys_officials_report_and_only_staff_review()
    {
        var period = await f.PeriodAsync("I", 4, 2021, 2);
        var form = (await f.Reports.LoadAsync(f.Staff, period))!.Form;
        FillTraining(form);

        // The police are not responsible for I.4; neither executives nor staff report.
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Reports.SaveDraftAsync(f.PoliceOfficial, form));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Reports.SubmitAsync(f.Executive, form));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Reports.SubmitAsync(f.Staff, form));

        var submitted = await f.Reports.SubmitAsync(f.CentreOfficial, form);
        Assert.True(submitted.Saved, submitted.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Reports.ApproveAsync(f.CentreOfficial, submitted.Current!.ReportId, submitted.Current.Version));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Reports.ReturnAsync(f.Executive, submitted.Current!.ReportId, submitted.Current.Version, "ні"));

        // A return needs a comment; approving a draft is not a transition there is.
        Assert.Equal(EditOutcome.Invalid, (await f.Reports.ReturnAsync(f.Staff, submitted.Current!.ReportId, submitted.Current.Version, "")).Outcome);
        var other = await f.PeriodAsync("I", 4, 2021, 3);
        var draft = (await f.Reports.LoadAsync(f.Staff, other))!.Form;
        FillTraining(draft);
        var saved = await f.Reports.SaveDraftAsync(f.CentreOfficial, draft);
        Assert.Equal(EditOutcome.Invalid, (await f.Reports.ApproveAsync(f.Staff, saved.Current!.ReportId, saved.Current.Version)).Outcome);
    }

    [Fact]
    public async Task A_breakdown_must_add_up_to_the_total()
    {
        using var _ = new CultureScope("uk-UA");
        var period = await f.PeriodAsync("III", 5, 2021, 1);
        var form = (await f.Reports.LoadAsync(f.Staff, period))!.Form;
        var people = form.Values.Single(v => v.Requested.Contains(Disaggregation.Sex));
        people.Number = 10;
        people.Breakdown[Disaggregation.Sex]["women"] = 6;
        people.Breakdown[Disaggregation.Sex]["men"] = 3;

        var result = await f.Reports.SaveDraftAsync(f.CentreOfficial, form);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        var key = $"Values[{form.Values.IndexOf(people)}].Breakdown.Sex";
        Assert.Equal(["Розбивка за статтю дає 9, а всього вказано 10: суми мають збігатися."], result.Errors[key]);

        people.Breakdown[Disaggregation.Sex]["men"] = 4;
        Assert.Equal(10, people.SumOf(Disaggregation.Sex));
        Assert.True((await f.Reports.SaveDraftAsync(f.CentreOfficial, form)).Saved);
    }

    [Fact]
    public async Task A_submit_is_whole_or_nothing()
    {
        using var _ = new CultureScope("uk-UA");
        var period = await f.PeriodAsync("III", 3, 2021, 1);
        var form = (await f.Reports.LoadAsync(f.Staff, period))!.Form;
        form.Values[0].Number = 3;

        // No narrative, no status, no breakdown: refused, and nothing at all is written.
        var result = await f.Reports.SubmitAsync(f.CentreOfficial, form);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Contains("Опишіть, що зроблено за період.", result.Errors["Narrative"]);
        Assert.Contains("Оберіть стан виконання.", result.Errors["Implementation"]);
        await using var db = await f.DbFactory.CreateDbContextAsync();
        Assert.False(await db.Reports.AnyAsync(r => r.PeriodId == period));
    }

    [Fact]
    public async Task Two_people_saving_the_same_report_get_a_conflict_not_a_silent_overwrite()
    {
        var period = await f.PeriodAsync("IV", 3, 2021, 1);
        var first = (await f.Reports.LoadAsync(f.Staff, period))!.Form;
        first.Narrative = "Перша версія";
        var saved = await f.Reports.SaveDraftAsync(f.CentreOfficial, first);
        Assert.True(saved.Saved, saved.Message);

        var mine = (await f.Reports.LoadAsync(f.Staff, period))!.Form;
        var theirs = (await f.Reports.LoadAsync(f.Staff, period))!.Form;
        theirs.Narrative = "Їхня версія";
        Assert.True((await f.Reports.SaveDraftAsync(f.CentreOfficial, theirs)).Saved);
        mine.Narrative = "Моя версія";

        var result = await f.Reports.SaveDraftAsync(f.CentreOfficial, mine);

        Assert.Equal(EditOutcome.Conflict, result.Outcome);
        Assert.Equal("Їхня версія", result.Current!.Narrative);
    }

    [Fact]
    public async Task Values_of_periods_that_no_longer_exist_are_kept_as_orphaned()
    {
        var period = await f.PeriodAsync("III", 2, 2022, 2);
        var form = (await f.Reports.LoadAsync(f.Staff, period))!.Form;
        form.Values[0].Number = 4;
        var saved = await f.Reports.SaveDraftAsync(f.CentreOfficial, form);
        Assert.True(saved.Saved, saved.Message);

        // Staff change the term from "ongoing, on a schedule" (quarterly) to annual.
        var editor = new MeasureEditor(f.DbFactory, new MeasureFormValidator());
        var measure = (await editor.LoadAsync(form.MeasureId))!;
        measure.Term = new TermForm { Text = "Щорічно", Kind = TermKind.Annual };
        Assert.True((await editor.SaveAsync(f.Staff, measure)).Saved);

        var periods = await f.Queries.OfMeasureAsync(f.Staff, form.MeasureId, includeOrphaned: true);
        Assert.Equal(4, periods.Count);
        var orphan = Assert.Single(periods, p => p.Period.IsOrphaned);
        Assert.Equal(period, orphan.Period.Id);
        Assert.Equal(4m, (await f.Reports.LoadAsync(f.Staff, period))!.Form.Values[0].Number);
        Assert.Equal(3, (await f.Queries.OfMeasureAsync(f.Staff, form.MeasureId, includeOrphaned: false)).Count);

        // Back to quarterly: the same period is a normal one again, value and all.
        measure = (await editor.LoadAsync(form.MeasureId))!;
        measure.Term = new TermForm { Text = "Постійно (за окремим графіком)", Kind = TermKind.OngoingScheduled };
        Assert.True((await editor.SaveAsync(f.Staff, measure)).Saved);
        var again = await f.Queries.OfMeasureAsync(f.Staff, form.MeasureId, includeOrphaned: true);
        Assert.Equal(12, again.Count);
        Assert.DoesNotContain(again, p => p.Period.IsOrphaned);
        Assert.Contains(again, p => p.Period.Id == period && p.ReportId == saved.Current!.ReportId);
    }
}
