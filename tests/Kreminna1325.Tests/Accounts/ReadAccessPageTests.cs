using System.Net;
using System.Security.Cryptography;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Accounts;

/// <summary>
/// The pages over the services' read checks: a signed-in official passes the report page's and the
/// download's own attribute, and the service refuses another body's report all the same.
/// </summary>
public class ReadAccessPageTests(RoleMatrixFixture fixture) : IClassFixture<RoleMatrixFixture>
{
    /// <summary>A report with a file on I.1, a measure the demo official's body is not responsible for.</summary>
    private async Task<(int MeasureId, int PeriodId, int EvidenceId)> OtherBodysReportAsync()
    {
        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        var measureId = await db.Measures.Where(m => m.Direction.Number == "I" && m.Number == 1 && m.Direction.PlanId == fixture.PlanId).Select(m => m.Id).SingleAsync();
        var period = await db.ReportingPeriods.Where(p => p.MeasureId == measureId).OrderBy(p => p.Start).FirstAsync();
        var existing = await db.Evidence.Where(e => e.MeasureId == measureId).Select(e => (int?)e.Id).FirstOrDefaultAsync();
        if (existing is { } id)
        {
            return (measureId, period.Id, id);
        }

        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();
        var report = new Report { PeriodId = period.Id, MeasureId = measureId, Narrative = "Звіт іншого виконавця" };
        report.Evidence.Add(new Evidence
        {
            MeasureId = measureId, FileName = "протокол.pdf", ContentType = "application/pdf", Size = pdf.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)), Content = pdf, UploadedAt = DateTimeOffset.UtcNow, UploadedBy = "test",
        });
        db.Reports.Add(report);
        await db.SaveChangesAsync();
        return (measureId, period.Id, report.Evidence[0].Id);
    }

    [Theory]
    [InlineData(Roles.ResponsibleOfficial, false)]
    [InlineData(Roles.CouncilStaff, true)]
    [InlineData(Roles.Executive, true)]
    [InlineData(Roles.Administrator, true)]
    public async Task Another_bodys_report_and_its_file_are_refused_to_an_official(string role, bool allowed)
    {
        var (measureId, periodId, evidenceId) = await OtherBodysReportAsync();
        var client = await fixture.ClientAsync(role);

        using var page = await client.GetAsync($"/reports/{periodId}");
        using var file = await client.GetAsync($"/evidence/{evidenceId}");
        using var measure = await client.GetAsync($"/measures/{measureId}");

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Contains($"/evidence/{evidenceId}", await measure.Content.ReadAsStringAsync());
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/account/access-denied", page.Headers.Location!.AbsolutePath);
            Assert.Equal(HttpStatusCode.Redirect, file.StatusCode);
            Assert.Equal("/account/access-denied", file.Headers.Location!.AbsolutePath);

            // The measure itself is the public plan: the page opens, without the reports.
            Assert.Equal(HttpStatusCode.OK, measure.StatusCode);
            var html = await measure.Content.ReadAsStringAsync();
            Assert.DoesNotContain($"/evidence/{evidenceId}", html);
            Assert.DoesNotContain("periods-heading", html);
        }
    }
}
