using System.Security.Claims;
using Kreminna1325.Core;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Dashboard;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Tests.Infrastructure;
using Kreminna1325.Tests.Monitoring;
using Microsoft.EntityFrameworkCore;
using static Kreminna1325.Tests.Monitoring.EvidenceSamples;

namespace Kreminna1325.Tests.Accounts;

/// <summary>
/// A submitted report of the Gender Equality Centre's (I.4, 2021 Q1) with an evidence file, entered in
/// a person's name so the audit has someone to list.
/// </summary>
public sealed class ReadAccessFixture : ReportingFixture
{
    public ClaimsPrincipal Administrator { get; } = TestUsers.InRole(Roles.Administrator, "admin-id");

    public int MeasureId { get; private set; }

    public int PeriodId { get; private set; }

    public int EvidenceId { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        PeriodId = await PeriodAsync("I", 4, 2021, 1);
        await using (var db = await DbFactory.CreateDbContextAsync())
        {
            MeasureId = await db.ReportingPeriods.Where(p => p.Id == PeriodId).Select(p => p.MeasureId).SingleAsync();

            // The other official must really be of another body, or the refusals below would prove nothing.
            Assert.False(await Access.CanReportForMeasureAsync(PoliceOfficial, MeasureId));
        }

        // An administrator's own reports are those of the bodies they are scoped to, like anyone's.
        await using (var db = await DbFactory.CreateDbContextAsync())
        {
            db.Users.Add(new AppUser { Id = "admin-id", UserName = "admin@kreminna.local", Email = "admin@kreminna.local", FullName = "Адміністратор" });
            db.UserResponsibleBodies.Add(new UserResponsibleBody
            {
                UserId = "admin-id",
                ResponsibleBodyId = await db.ResponsibleBodies.Where(b => b.Name == "Центр гендерної рівності").Select(b => b.Id).SingleAsync(),
            });
            await db.SaveChangesAsync();
        }

        Actor.Current = new Core.Audit.Actor(Permissions.UserId(CentreOfficial), "centre@kreminna.local");
        var form = (await Reports.LoadAsync(CentreOfficial, PeriodId))!.Form;
        form.Implementation = ImplementationStatus.InProgress;
        form.Narrative = "Перший тренінг проведено.";
        form.Values[0].Number = 1;
        form.Values[1].Entries = ["ЦСССДМ"];
        form.Values[2].Number = 12;
        form.Values[2].Breakdown[Core.Plans.Disaggregation.Sex]["women"] = 8;
        form.Values[2].Breakdown[Core.Plans.Disaggregation.Sex]["men"] = 4;
        var draft = await Reports.SaveDraftAsync(CentreOfficial, form);
        Assert.True(draft.Saved, draft.Message);
        var file = await Files.UploadAsync(CentreOfficial, draft.Current!.ReportId, "протокол.pdf", new MemoryStream(Pdf()));
        Assert.True(file.Saved, file.Message);
        EvidenceId = file.Current!.Id;
        var submitted = await Reports.SubmitAsync(CentreOfficial, (await Reports.LoadAsync(CentreOfficial, PeriodId))!.Form);
        Assert.True(submitted.Saved, submitted.Message);
        Actor.Current = Core.Audit.Actor.System;
    }

    public DashboardService Dashboard => new(DbFactory, new BudgetReportService(DbFactory), new CommunityClock(Clock));

    public AuditQueries Audit => new(DbFactory);

    public ClaimsPrincipal As(string role) => role switch
    {
        ReadAccessTests.Anonymous => new ClaimsPrincipal(new ClaimsIdentity()),
        ReadAccessTests.Official => CentreOfficial,
        ReadAccessTests.OtherOfficial => PoliceOfficial,
        ReadAccessTests.Staff => Staff,
        ReadAccessTests.Executive => Executive,
        ReadAccessTests.Administrator => Administrator,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}

/// <summary>
/// Every non-public read of Core against every role, called on the service itself (no page, no policy in
/// between): those allowed get the data, everyone else a <see cref="ForbiddenException"/>.
/// </summary>
public class ReadAccessTests(ReadAccessFixture f) : IClassFixture<ReadAccessFixture>
{
    public const string Anonymous = "anonymous";
    public const string Official = "official of the measure's body";
    public const string OtherOfficial = "official of another body";
    public const string Staff = "council staff";
    public const string Executive = "executive";
    public const string Administrator = "administrator";

    private static readonly string[] AllRoles = [Anonymous, Official, OtherOfficial, Staff, Executive, Administrator];

    /// <summary>Each read and who may make it; what it returns is counted, so "allowed" also means "got the data".</summary>
    private static readonly Dictionary<string, (string[] Allowed, Func<ReadAccessFixture, ClaimsPrincipal, Task<int>> Read)> Reads = new()
    {
        ["ReportService.LoadAsync"] = (
            [Official, Staff, Executive, Administrator],
            async (f, u) => (await f.Reports.LoadAsync(u, f.PeriodId))!.Evidence.Count),
        ["EvidenceFiles.GetAsync"] = (
            [Official, Staff, Executive, Administrator],
            async (f, u) => (await f.Files.GetAsync(u, f.EvidenceId))!.Content.Length),
        ["ReportQueries.OfMeasureAsync"] = (
            [Official, Staff, Executive, Administrator],
            async (f, u) => (await f.Queries.OfMeasureAsync(u, f.MeasureId, includeOrphaned: false)).Count(r => r.State == ReportState.Submitted)),
        ["ReportQueries.ContentOfMeasureAsync"] = (
            [Official, Staff, Executive, Administrator],
            async (f, u) => (await f.Queries.ContentOfMeasureAsync(u, f.MeasureId))[f.PeriodId].Evidence.Count),
        ["Worklist.PageAsync"] = (
            [Official, OtherOfficial, Administrator],
            async (f, u) => (await f.Worklist.PageAsync(u, new WorklistFilter())).Total),
        ["Worklist.CountsAsync"] = (
            [Official, OtherOfficial, Administrator],
            async (f, u) => (await f.Worklist.CountsAsync(u, new WorklistFilter())).Total),
        ["ReportQueries.ReviewQueueAsync"] = (
            [Staff, Administrator],
            async (f, u) => (await f.Queries.ReviewQueueAsync(u)).Count(r => r.Period.Id == f.PeriodId)),
        ["ReportQueries.FindAsync"] = (
            [Staff, Executive, Administrator],
            async (f, u) => (await f.Queries.FindAsync(u, new ReportFilter(f.PlanId, 2021, State: ReportListState.Submitted))).Count),
        ["DashboardService.GetAsync"] = (
            [Staff, Executive, Administrator],
            async (f, u) => (await f.Dashboard.GetAsync(u, new DashboardFilter(f.PlanId, 2021)))!.Implementation.Sum(r => r.Submitted)),
        // The measures are public, their status in a year (from approved reports) is not: nobody gets 0 rows for a refusal.
        ["MeasureSearch.FindAsync by status"] = (
            [Staff, Executive, Administrator],
            async (f, u) => (await new Core.Plans.MeasureSearch(f.DbFactory).FindAsync(u,
                new Core.Plans.MeasureQuery(f.PlanId, Year: 2021, Status: ImplementationStatus.NotStarted, PageSize: Core.Plans.MeasureSearch.MaxPageSize))).Total),
        ["AuditQueries.ListAsync"] = (
            [Executive, Administrator],
            async (f, u) => (await f.Audit.ListAsync(u, new AuditFilter(), 0, 10)).Items.Count),
        ["AuditQueries.EntityTypesAsync"] = (
            [Executive, Administrator],
            async (f, u) => (await f.Audit.EntityTypesAsync(u)).Count),
        ["AuditQueries.PeopleAsync"] = (
            [Executive, Administrator],
            async (f, u) => (await f.Audit.PeopleAsync(u)).Count),
    };

    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var read in Reads.Keys)
        {
            foreach (var role in AllRoles)
            {
                data.Add(read, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_read_is_checked_in_the_service_for_each_role(string read, string role)
    {
        var (allowed, run) = Reads[read];
        var user = f.As(role);

        if (allowed.Contains(role))
        {
            Assert.True(await run(f, user) > 0, $"{read} gave {role} nothing to read");
        }
        else
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => run(f, user));
        }
    }

    [Theory]
    [InlineData(Anonymous, false)]
    [InlineData(Official, true)]
    [InlineData(OtherOfficial, false)]
    [InlineData(Staff, true)]
    [InlineData(Executive, true)]
    [InlineData(Administrator, true)]
    public async Task Reading_a_measures_reports_is_one_rule_for_pages_and_services(string role, bool allowed) =>
        Assert.Equal(allowed, await f.Access.CanReadReportsAsync(f.As(role), f.MeasureId));

    [Fact]
    public async Task An_official_of_another_body_still_has_their_own_list_without_this_report()
    {
        var police = (await f.Worklist.PageAsync(f.PoliceOfficial, new WorklistFilter(PageSize: Worklist.MaxPageSize))).Rows;

        Assert.NotEmpty(police);
        Assert.DoesNotContain(police, r => r.Report.Period.MeasureId == f.MeasureId);
    }

    [Fact]
    public async Task A_missing_report_or_file_is_missing_not_refused()
    {
        Assert.Null(await f.Reports.LoadAsync(f.Staff, int.MaxValue));
        Assert.Null(await f.Files.GetAsync(f.Staff, int.MaxValue));
    }
}
