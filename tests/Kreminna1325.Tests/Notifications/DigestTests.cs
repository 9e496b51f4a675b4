using System.Globalization;
using Kreminna1325.Core;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Dashboard;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Notifications;
using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Monitoring;
using Microsoft.Extensions.Time.Testing;

namespace Kreminna1325.Tests.Notifications;

/// <summary>
/// I.4's reports over July 2022, around the week of Monday 4 to Sunday 10 July: 2021 Q4 approved the Friday before,
/// 2022 Q2 approved (3,0 of "other" money spent) and 2022 Q1 returned in the week, 2021 Q2 approved just after it.
/// </summary>
public class DigestFixture() : ScheduleFixture(new DateTimeOffset(2022, 7, 1, 9, 0, 0, TimeSpan.Zero))
{
    public const string QuietId = "exec-quiet";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var db = await DbFactory.CreateDbContextAsync())
        {
            db.Users.Add(new AppUser { Id = QuietId, UserName = "quiet@kreminna.local", Email = "quiet@kreminna.local", FullName = "Тихий Керівник" });
            db.CommunityGrants.Add(new CommunityGrant { UserId = QuietId, Role = Roles.Executive, CommunityId = CommunityId });
            await db.SaveChangesAsync();
        }

        await EnterAsync(2021, 4, ReportStatus.Approved);
        Clock.SetUtcNow(Kyiv(2022, 7, 5, 11));
        await EnterAsync(2022, 2, ReportStatus.Approved, spent: 3.0m);
        Clock.SetUtcNow(Kyiv(2022, 7, 6, 11));
        await EnterAsync(2022, 1, ReportStatus.Returned);
        Clock.SetUtcNow(Kyiv(2022, 7, 11, 0, 30));
        await EnterAsync(2021, 2, ReportStatus.Approved);
    }

    private async Task EnterAsync(int year, int quarter, ReportStatus upTo, decimal? spent = null)
    {
        var form = (await Reports.LoadAsync(Staff, await PeriodAsync("I", 4, year, quarter)))!.Form;
        ReportWorkflowTests.FillTraining(form);
        form.Spending.Single(s => s.Source == FundingSource.Other).Amount = spent;
        var submitted = await Reports.SubmitAsync(CentreOfficial, form);
        Assert.True(submitted.Saved, submitted.Message);
        var reviewed = upTo == ReportStatus.Approved
            ? await Reports.ApproveAsync(Staff, submitted.Current!.ReportId, submitted.Current.Version)
            : await Reports.ReturnAsync(Staff, submitted.Current!.ReportId, submitted.Current.Version, "Уточніть.");
        Assert.True(reviewed.Saved, reviewed.Message);
    }
}

/// <summary>The Monday digest says what the dashboard says on the same day, and lists the week's approvals.</summary>
public class DigestTests(DigestFixture f) : IClassFixture<DigestFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => f.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly DateTimeOffset Monday = ScheduleFixture.Kyiv(2022, 7, 11, 9);

    private Task<DashboardFigures?> DashboardAsync(DateTimeOffset at) =>
        new DashboardService(f.DbFactory, new BudgetReportService(f.DbFactory), new CommunityClock(new FakeTimeProvider(at)))
            .GetAsync(f.Executive, new DashboardFilter(f.PlanId));

    [Fact]
    public async Task The_digest_figures_are_the_dashboards_for_the_same_day()
    {
        var result = await f.RunAtAsync(new FakeTimeProvider(Monday), Monday);
        Assert.Equal(2, result.Digests);

        var dashboard = (await DashboardAsync(Monday))!;
        Assert.Equal(2022, dashboard.Year);
        Assert.Equal(new DateOnly(2022, 7, 11), dashboard.Today);
        Assert.Equal(3.0m, dashboard.Spent);
        Assert.Contains(dashboard.Discipline, d => d.Returned > 0);

        var message = Assert.Single(await f.MessagesOfAsync(f.ExecutiveId));
        Assert.Equal(NotificationKind.Digest, message.Kind);
        // The bell and the e-mail open the dashboard of the digest's community and plan.
        Assert.Equal(f.InCommunity("/dashboard?year=2022", f.PlanId), message.Link);
        Assert.StartsWith($"/preferences?community={f.CommunityId}&plan={f.PlanId}&returnUrl=%2Fdashboard%3Fyear%3D2022", message.Link);
        Assert.Equal("Щотижневий огляд виконання плану 1325 — 11.07.2022", message.Subject);
        var text = message.TextBody;
        string Url(string path) => f.Options.Absolute(f.InCommunity(path, f.PlanId));
        var links = new DashboardLinks(2022, null, null);
        using (CultureScope.Of(Messages.Ukrainian))
        {
            var r = dashboard.Reporting;
            Assert.Contains($"- Мали бути подані: {r.Due}: {Url(links.Reports(ReportListState.Due))}\n", text);
            Assert.Contains($"- Прострочені: {r.Overdue}: {Url(links.Reports(ReportListState.Overdue))}\n", text);
            Assert.Contains($"- Повернуті на доопрацювання: {r.Returned}: {Url(links.Reports(ReportListState.Returned))}\n", text);
            Assert.Contains($"- Затверджені: {r.Approved}: {Url(links.Reports(ReportListState.Approved))}\n", text);
            foreach (var d in dashboard.Discipline)
            {
                Assert.Contains($"- {d.Body}: прострочено — {d.Overdue}, повернуто — {d.Returned}: ", text);
            }

            Assert.Contains(
                $"Заплановано {NumberText.Amount(dashboard.Planned)} тис. грн, використано за затвердженими звітами 3,0 тис. грн — виконання {NumberText.Percent(dashboard.Execution)}.",
                text);
        }

        Assert.Contains(System.Net.WebUtility.HtmlEncode(Url("/dashboard?year=2022")), message.HtmlBody);
        Assert.StartsWith("Кремінська міська територіальна громада\n", text);

        // The digest's own reading of the figures is the dashboard's, panel by panel.
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var digest = Assert.Single(await Digest(Monday).DigestsAsync(db, [f.CommunityId], new DateOnly(2022, 7, 11), new DateOnly(2022, 7, 11), default));
        Assert.Equal((f.CommunityId, "Кремінська міська територіальна громада"), (digest.CommunityId, digest.Community));
        var section = Assert.Single(digest.Sections);
        Assert.Equal(dashboard.Reporting, section.Figures.Reporting);
        Assert.Equal(dashboard.Discipline, section.Figures.Discipline);
        Assert.Equal(dashboard.Budget, section.Figures.Budget);
        Assert.Equal((dashboard.Planned, dashboard.Spent, dashboard.Execution), (section.Figures.Planned, section.Figures.Spent, section.Figures.Execution));
    }

    [Fact]
    public async Task Approved_last_week_means_Monday_to_Sunday_before_the_run_in_Kyiv_time()
    {
        await f.RunAtAsync(new FakeTimeProvider(Monday), Monday);

        var text = Assert.Single(await f.MessagesOfAsync(f.ExecutiveId)).TextBody;
        Assert.Contains("Затверджено за тиждень 04.07.2022–10.07.2022: 1", text);
        Assert.True(f.Lists(text, await f.PeriodAsync("I", 4, 2022, 2)));
        Assert.DoesNotContain(Uri.EscapeDataString(NotificationPaths.Report(await f.PeriodAsync("I", 4, 2021, 4))) + "\n", text);
        Assert.DoesNotContain(Uri.EscapeDataString(NotificationPaths.Report(await f.PeriodAsync("I", 4, 2021, 2))) + "\n", text);
    }

    [Fact]
    public async Task Digest_switched_off_sends_nothing_and_English_readers_get_English()
    {
        await f.SetUserAsync(DigestFixture.QuietId, digestOff: true);
        await f.SetUserAsync(f.ExecutiveId, culture: "en-US");

        await f.RunAtAsync(new FakeTimeProvider(Monday), Monday);

        Assert.Empty(await f.MessagesOfAsync(DigestFixture.QuietId));
        var message = Assert.Single(await f.MessagesOfAsync(f.ExecutiveId));
        Assert.Equal("Weekly 1325 plan digest — 11.07.2022", message.Subject);
        Assert.Contains("spent according to approved reports 3.0 thousand UAH", message.TextBody);

        // Tuesday: the week's digest has gone.
        Assert.Null((await f.RunAtAsync(new FakeTimeProvider(Monday.AddDays(1)), Monday.AddDays(1))).Digests);
    }

    [Fact]
    public async Task After_the_plan_has_ended_the_digest_reads_its_last_year_as_the_dashboard_does()
    {
        var later = ScheduleFixture.Kyiv(2026, 11, 23, 9);
        var dashboard = (await DashboardAsync(later))!;
        await using var db = await f.DbFactory.CreateDbContextAsync();

        var section = Assert.Single(Assert.Single(await Digest(later).DigestsAsync(db, [f.CommunityId], new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 23), default)).Sections);

        Assert.Equal((2022, f.PlanId), (section.Figures.Year, section.Plan.Id));
        Assert.Equal(dashboard.Reporting, section.Figures.Reporting);
        Assert.Equal(dashboard.Discipline, section.Figures.Discipline);
        Assert.Empty(section.Approved);
    }

    private WeeklyDigest Digest(DateTimeOffset at) => new(
        new DashboardService(f.DbFactory, new BudgetReportService(f.DbFactory), new CommunityClock(new FakeTimeProvider(at))));
}
