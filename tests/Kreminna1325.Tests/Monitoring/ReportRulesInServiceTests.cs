using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Tests.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using static Kreminna1325.Tests.Monitoring.EvidenceSamples;

namespace Kreminna1325.Tests.Monitoring;

/// <summary>The services follow the report's rules: evidence only while editable, transitions only from their states, one report a period.</summary>
public class ReportRulesInServiceTests(ReportingFixture f) : IClassFixture<ReportingFixture>
{
    [Fact]
    public async Task Evidence_is_added_and_removed_only_while_the_report_is_editable()
    {
        using var _ = new CultureScope("uk-UA");
        var form = (await f.Reports.LoadAsync(f.Staff, await f.PeriodAsync("I", 4, 2020, 1)))!.Form;
        ReportWorkflowTests.FillTraining(form);
        var draft = (await f.Reports.SaveDraftAsync(f.CentreOfficial, form)).Current!;
        var kept = await f.Files.UploadAsync(f.CentreOfficial, draft.ReportId, "протокол.pdf", new MemoryStream(Pdf()));
        Assert.True(kept.Saved, kept.Message);

        var submitted = (await f.Reports.SubmitAsync(f.CentreOfficial, draft)).Current!;
        await AssertLockedAsync(submitted.ReportId, kept.Current!.Id, "подано");

        var returned = await f.Reports.ReturnAsync(f.Staff, submitted.ReportId, submitted.Version, "Додайте фото.");
        var added = await f.Files.UploadAsync(f.CentreOfficial, submitted.ReportId, "фото.png", new MemoryStream(Png()));
        Assert.True(added.Saved, added.Message);
        var removed = await f.Files.DeleteAsync(f.CentreOfficial, added.Current!.Id);
        Assert.True(removed.Saved, removed.Message);

        var resubmitted = (await f.Reports.SubmitAsync(f.CentreOfficial, returned.Current!)).Current!;
        Assert.True((await f.Reports.ApproveAsync(f.Staff, resubmitted.ReportId, resubmitted.Version)).Saved);
        await AssertLockedAsync(submitted.ReportId, kept.Current.Id, "затверджено");
    }

    private async Task AssertLockedAsync(int reportId, int evidenceId, string status)
    {
        var upload = await f.Files.UploadAsync(f.CentreOfficial, reportId, "ще.pdf", new MemoryStream(Pdf()));
        var delete = await f.Files.DeleteAsync(f.CentreOfficial, evidenceId);

        Assert.Equal((EditOutcome.Invalid, $"Звіт зі статусом «{status}» не можна змінювати."), (upload.Outcome, upload.Message));
        Assert.Equal((EditOutcome.Invalid, $"Звіт зі статусом «{status}» не можна змінювати."), (delete.Outcome, delete.Message));
        await using var db = await f.DbFactory.CreateDbContextAsync();
        Assert.Equal([evidenceId], await db.Evidence.Where(e => e.ReportId == reportId).Select(e => e.Id).ToListAsync());
    }

    [Fact]
    public async Task A_query_asks_the_same_editable_rule_in_the_database()
    {
        var period = await f.PeriodAsync("I", 4, 2020, 4);
        var form = (await f.Reports.LoadAsync(f.Staff, period))!.Form;
        ReportWorkflowTests.FillTraining(form);
        var submitted = (await f.Reports.SubmitAsync(f.CentreOfficial, form)).Current!;
        Assert.True((await f.Reports.ReturnAsync(f.Staff, submitted.ReportId, submitted.Version, "Ще раз.")).Saved);

        await using var db = await f.DbFactory.CreateDbContextAsync();
        var inDatabase = await db.Reports.Where(r => Report.EditableStatuses.Contains(r.Status)).Select(r => r.Id).OrderBy(id => id).ToListAsync();
        var inMemory = (await db.Reports.ToListAsync()).Where(r => r.IsEditable).Select(r => r.Id).OrderBy(id => id).ToList();

        Assert.Contains(submitted.ReportId, inDatabase);
        Assert.Equal(inMemory, inDatabase);
    }

    [Fact]
    public async Task The_service_asks_the_report_and_a_refused_transition_writes_nothing()
    {
        using var _ = new CultureScope("uk-UA");
        var period = await f.PeriodAsync("I", 4, 2020, 2);
        var form = (await f.Reports.LoadAsync(f.Staff, period))!.Form;
        ReportWorkflowTests.FillTraining(form);
        var submitted = (await f.Reports.SubmitAsync(f.CentreOfficial, form)).Current!;

        var reopen = await f.Reports.ReopenAsync(f.Staff, submitted.ReportId, submitted.Version, "Помилка.");
        var approved = (await f.Reports.ApproveAsync(f.Staff, submitted.ReportId, submitted.Version)).Current!;
        var returnApproved = await f.Reports.ReturnAsync(f.Staff, approved.ReportId, approved.Version, "Ще раз.");
        var approveAgain = await f.Reports.ApproveAsync(f.Staff, approved.ReportId, approved.Version);

        Assert.Equal((EditOutcome.Invalid, "Звіт зі статусом «подано» не можна відкрити повторно."), (reopen.Outcome, reopen.Message));
        Assert.Equal((EditOutcome.Invalid, "Звіт зі статусом «затверджено» не можна повернути."), (returnApproved.Outcome, returnApproved.Message));
        Assert.Equal((EditOutcome.Invalid, "Звіт зі статусом «затверджено» не можна затвердити."), (approveAgain.Outcome, approveAgain.Message));
        var view = (await f.Reports.LoadAsync(f.Staff, period))!;
        Assert.Equal((ReportStatus.Approved, approved.Version), (view.Form.Status, view.Form.Version));
        Assert.Equal([(ReportStatus.Draft, ReportStatus.Submitted), (ReportStatus.Submitted, ReportStatus.Approved)], view.History.Select(h => (h.From, h.To)));
    }

    [Fact]
    public async Task Two_officials_creating_one_periods_report_at_once_get_a_conflict_to_merge_not_a_failed_save()
    {
        var period = await f.PeriodAsync("I", 4, 2020, 3);
        var other = await f.OfficialAsync("centre2@kreminna.local", "Центр гендерної рівності");

        // Both have read "no report yet" before either inserts: the second insert meets the first at the unique index.
        var bothRead = new BothBeforeSaving();
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseKreminnaDatabase(f.ConnectionString).AddInterceptors(new AuditInterceptor(f.Actor, TimeProvider.System), bothRead);
        var reports = new ReportService(new PooledDbContextFactory<AppDbContext>(options.Options), new ReportFormValidator(), f.Access, f.Clock, f.Changes, f.Notices);
        var origin = (await reports.LoadAsync(f.Staff, period))!.Form;
        var (first, second) = (ReportMerge.Snapshot(origin), ReportMerge.Snapshot(origin));
        ReportWorkflowTests.FillTraining(first, people: 40, women: 26, men: 14);
        first.Narrative = "Перша посадовиця";
        ReportWorkflowTests.FillTraining(second, people: 30, women: 20, men: 10);
        second.Narrative = "Друга посадовиця";

        var results = await Task.WhenAll(
            Task.Run(() => reports.SaveDraftAsync(f.CentreOfficial, first)),
            Task.Run(() => reports.SaveDraftAsync(other, second)));

        var saved = Assert.Single(results, r => r.Saved);
        var conflict = Assert.Single(results, r => !r.Saved);
        Assert.Equal(EditOutcome.Conflict, conflict.Outcome);
        var (winner, loser) = saved == results[0] ? (first, second) : (second, first);
        Assert.Equal((saved.Current!.ReportId, saved.Current.Version, winner.Narrative), (conflict.Current!.ReportId, conflict.Current.Version, conflict.Current.Narrative));

        // Nothing of the losing save is stored: one report, the winner's values only.
        await using (var db = await f.DbFactory.CreateDbContextAsync())
        {
            var stored = await db.Reports.Include(r => r.Values).ThenInclude(v => v.Breakdown).SingleAsync(r => r.PeriodId == period);
            Assert.Equal(winner.Narrative, stored.Narrative);
            Assert.Equal(winner.Values[2].Number, stored.Values.Single(v => v.IndicatorId == winner.Values[2].IndicatorId).Number);
            Assert.Equal(3, stored.Values.Count);
            var audited = await db.AuditEntries.Where(a => a.EntityType == nameof(Report)).Select(a => a.Changes).ToListAsync();
            Assert.Contains(audited, c => c.Contains(winner.Narrative!));
            Assert.DoesNotContain(audited, c => c.Contains(loser.Narrative!));
        }

        // The page's merge runs on what the conflict brought back, and the merged save goes through.
        var merge = ReportMerge.Merge(origin, loser, conflict.Current);
        Assert.Contains(new ReportField(ReportFieldKind.Narrative), merge.Conflicts);
        var again = await f.Reports.SaveDraftAsync(loser == first ? f.CentreOfficial : other, merge.Merged);
        Assert.True(again.Saved, again.Message);
    }

    /// <summary>Holds each save until two have arrived, so both run at once after both read the period's (missing) report.</summary>
    private sealed class BothBeforeSaving : SaveChangesInterceptor
    {
        private readonly TaskCompletionSource both = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int arrived;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref arrived) == 2)
            {
                both.SetResult();
            }

            await both.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            return result;
        }
    }
}
