using System.Net;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Tests.Accounts;
using Kreminna1325.Tests.Infrastructure;
using Kreminna1325.Tests.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Tests.Audit;

/// <summary>The pages people work in name people: the review queue, a report's history and evidence, the audit trail.</summary>
public class NamesOnPagesTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private const string Official = "Ірина Демо";

    private async Task<int> SubmittedWithEvidenceAsync()
    {
        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        // The demo reports fill some periods already: this test's own report is the one with its file.
        var mine = await db.Evidence.Where(e => e.FileName == "протокол.pdf").Select(e => (int?)e.Report.PeriodId).FirstOrDefaultAsync();
        if (mine is { } done)
        {
            return done;
        }

        var period = await db.ReportingPeriods
            .Where(p => p.Measure.Direction.Number == "I" && p.Measure.Number == 4 && p.Report == null && !p.IsOrphaned)
            .OrderBy(p => p.Start).Select(p => p.Id).FirstAsync();

        var official = await fixture.PrincipalAsync("official@kreminna.local");
        await fixture.InScopeAsync(async services =>
        {
            // Done as the official would, so the audit trail records her too.
            services.GetRequiredService<Kreminna1325.Core.Audit.ICurrentActor>().ActAs(official);
            var reports = services.GetRequiredService<ReportService>();
            var form = (await reports.LoadAsync(official, period))!.Form;
            ReportWorkflowTests.FillTraining(form);
            var draft = await reports.SaveDraftAsync(official, form);
            Assert.True(draft.Saved, draft.Message);
            using var pdf = new MemoryStream(EvidenceSamples.Pdf());
            var uploaded = await services.GetRequiredService<EvidenceFiles>().UploadAsync(official, draft.Current!.ReportId, "протокол.pdf", pdf);
            Assert.True(uploaded.Saved, uploaded.Message);
            var submitted = await reports.SubmitAsync(official, (await reports.LoadAsync(official, period))!.Form);
            Assert.True(submitted.Saved, submitted.Message);
            return submitted;
        });
        return period;
    }

    private async Task<string> PageAsync(string email, string path)
    {
        var client = await SignIn.AsAsync(fixture.Factory, email);
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_review_queue_names_who_submitted()
    {
        await SubmittedWithEvidenceAsync();
        var html = await PageAsync("staff@kreminna.local", "/review");
        Assert.Contains(Official, html);
        Assert.DoesNotContain("official@kreminna.local", html);
    }

    [Fact]
    public async Task A_reports_history_and_evidence_name_the_official()
    {
        var period = await SubmittedWithEvidenceAsync();
        var html = await PageAsync("staff@kreminna.local", $"/reports/{period}");
        Assert.Contains("протокол.pdf", html);
        Assert.Contains($", {Official})", html);
        Assert.Contains($"— {Official}:", html);
        Assert.DoesNotContain("official@kreminna.local", html);
    }

    [Fact]
    public async Task The_audit_trail_and_a_measures_history_speak_in_words_with_names()
    {
        var period = await SubmittedWithEvidenceAsync();
        var html = await PageAsync("admin@kreminna.local", "/audit");
        Assert.Matches($"{Official}: звіт «[^«»]+ 20\\d\\d» подано на перевірку", html);
        Assert.Contains("role=\"region\"", html);
        Assert.DoesNotContain("official@kreminna.local", html);

        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        var measure = await db.ReportingPeriods.Where(p => p.Id == period).Select(p => p.MeasureId).SingleAsync();
        var page = await PageAsync("executive@kreminna.local", $"/measures/{measure}");
        Assert.Contains($"{Official}: створено підтвердний файл «протокол.pdf»", page);
        Assert.DoesNotContain("IsOrphaned", page);
        Assert.DoesNotContain("MeasureId", page);
    }
}
