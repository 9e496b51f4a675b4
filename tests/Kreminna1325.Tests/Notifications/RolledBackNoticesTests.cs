using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Notifications;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Tests.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Kreminna1325.Tests.Notifications;

/// <summary>A step that does not happen tells nobody: its messages are written in its transaction or not at all.</summary>
public class RolledBackNoticesTests(WorkflowNoticesFixture f) : IClassFixture<WorkflowNoticesFixture>
{
    [Fact]
    public async Task A_submit_refused_by_validation_writes_no_message()
    {
        var period = await f.PeriodAsync("I", 4, 2021, 1);
        var form = (await f.Reports.LoadAsync(f.Oksana.Principal, period))!.Form;
        form.Values[0].Number = 2;

        var result = await f.Reports.SubmitAsync(f.Oksana.Principal, form);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Empty(await f.NoticesAsync(period));
    }

    [Fact]
    public async Task A_submit_that_loses_to_another_save_at_its_commit_writes_no_message()
    {
        var period = await f.PeriodAsync("I", 4, 2021, 2);
        var form = (await f.Reports.LoadAsync(f.Oksana.Principal, period))!.Form;
        ReportWorkflowTests.FillTraining(form);
        var draft = await f.Reports.SaveDraftAsync(f.Oksana.Principal, form);
        Assert.True(draft.Saved, draft.Message);

        // The messages are in the context when another person's save lands: the submit's UPDATE then finds a newer
        // version, and the whole transaction, messages included, is rolled back.
        var other = new AnotherSaveFirst(f.DbFactory);
        var result = await ServiceWith(other).SubmitAsync(f.Oksana.Principal, draft.Current!);

        Assert.True(other.Landed);
        Assert.Equal(EditOutcome.Conflict, result.Outcome);
        Assert.Equal((ReportStatus.Draft, AnotherSaveFirst.Narrative), (result.Current!.Status, result.Current.Narrative));
        Assert.Empty(await f.NoticesAsync(period));
    }

    [Fact]
    public async Task A_review_of_a_stale_version_writes_no_message()
    {
        var period = await f.PeriodAsync("I", 4, 2021, 3);
        var submitted = await f.SubmittedAsync(period);
        var told = await f.NoticesAsync(period);
        Assert.Equal(2, told.Count);

        var stale = await f.Reports.ReturnAsync(f.Reviewer.Principal, submitted.ReportId, submitted.Version - 1, "Застаріла версія.");
        var other = new AnotherSaveFirst(f.DbFactory);
        var lost = await ServiceWith(other).ApproveAsync(f.Reviewer.Principal, submitted.ReportId, submitted.Version);

        Assert.Equal(EditOutcome.Conflict, stale.Outcome);
        Assert.True(other.Landed);
        Assert.Equal(EditOutcome.Conflict, lost.Outcome);
        Assert.Equal(ReportStatus.Submitted, lost.Current!.Status);
        Assert.Equal(told.Select(n => n.Id), (await f.NoticesAsync(period)).Select(n => n.Id));
    }

    [Fact]
    public async Task A_refused_review_writes_no_message()
    {
        var period = await f.PeriodAsync("I", 4, 2021, 4);
        var form = (await f.Reports.LoadAsync(f.Oksana.Principal, period))!.Form;
        ReportWorkflowTests.FillTraining(form);
        var draft = (await f.Reports.SaveDraftAsync(f.Oksana.Principal, form)).Current!;

        // A draft cannot be approved or reopened; a return needs its comment.
        var approve = await f.Reports.ApproveAsync(f.Reviewer.Principal, draft.ReportId, draft.Version);
        var reopen = await f.Reports.ReopenAsync(f.Reviewer.Principal, draft.ReportId, draft.Version, "Причина.");
        var submitted = await f.Reports.SubmitAsync(f.Oksana.Principal, draft);
        var told = await f.NoticesAsync(period);
        var blank = await f.Reports.ReturnAsync(f.Reviewer.Principal, submitted.Current!.ReportId, submitted.Current.Version, "  ");

        Assert.Equal((EditOutcome.Invalid, EditOutcome.Invalid, EditOutcome.Invalid), (approve.Outcome, reopen.Outcome, blank.Outcome));
        Assert.All(told, n => Assert.Equal(NotificationKind.ReportSubmitted, n.Kind));
        Assert.Equal(told.Select(n => n.Id), (await f.NoticesAsync(period)).Select(n => n.Id));
    }

    private ReportService ServiceWith(AnotherSaveFirst other)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseKreminnaDatabase(f.ConnectionString).AddInterceptors(new AuditInterceptor(f.Actor, TimeProvider.System), other);
        return new ReportService(new PooledDbContextFactory<AppDbContext>(options.Options), new ReportFormValidator(), f.Access, f.Clock, f.Changes, f.Notices);
    }

    /// <summary>Just before a save that carries messages goes to the database, someone else's change to the report commits.</summary>
    private sealed class AnotherSaveFirst(IDbContextFactory<AppDbContext> elsewhere) : SaveChangesInterceptor
    {
        public const string Narrative = "Інша людина зберегла першою.";

        public bool Landed { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var context = eventData.Context!;
            if (!Landed && context.ChangeTracker.Entries<Notification>().Any(e => e.State == EntityState.Added))
            {
                var reportId = context.ChangeTracker.Entries<Report>().Single().Entity.Id;
                await using var db = await elsewhere.CreateDbContextAsync(cancellationToken);
                await db.Reports.Where(r => r.Id == reportId)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Narrative, Narrative), cancellationToken);
                Landed = true;
            }

            return result;
        }
    }
}
