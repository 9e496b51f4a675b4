using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests;

/// <summary>The whole reporting cycle in the browser, as the demo official and the demo staff member live it.</summary>
public class ReportingCycleTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const float Timeout = 30_000;


    [Fact]
    public async Task Submit_return_with_comment_correct_resubmit_approve_and_see_it_on_the_measure_page()
    {
        int measureId, periodId;
        await using (var db = await fixture.DbFactory.CreateDbContextAsync())
        {
            measureId = await db.Measures.Where(m => m.Direction.Number == "I" && m.Number == 4).Select(m => m.Id).SingleAsync();
            periodId = await db.ReportingPeriods.Where(p => p.MeasureId == measureId && p.Year == 2022 && p.Sequence == 2).Select(p => p.Id).SingleAsync();
        }

        // The official fills in the report; the breakdown by sex must add up to the total.
        var (officialContext, official) = await fixture.SignInAsync("official@kreminna.local");
        await using var _o = officialContext;
        await fixture.OpenAsync(official, $"/reports/{periodId}");
        await official.Locator("input[data-value='0']").FillAsync("2");
        await official.GetByLabel("Перелік").FillAsync("Кремінський ЦСССДМ\nКремінська гімназія № 1");
        await official.Locator("input[data-value='2']").FillAsync("30");
        var sex = official.Locator("[data-breakdown='2-Sex']");
        await sex.Locator("input[data-category='women']").FillAsync("20");
        await sex.Locator("input[data-category='men']").FillAsync("9");
        await Assertions.Expect(sex.Locator(".breakdown-sum")).ToHaveTextAsync("Разом: 29 з 30");
        await Assertions.Expect(sex.Locator(".breakdown-sum")).ToHaveClassAsync(new Regex("mismatch"));

        // The narrative is typed and left (Tab) before the status is chosen: the select's own
        // re-renders after a choice then cannot race a text the server has not received yet.
        var narrative = official.Locator("[data-field='narrative'] textarea, textarea[data-field='narrative']").First;
        await narrative.FillAsync("Проведено два тренінги для освітян.");
        await narrative.PressAsync("Tab");
        await BrowserFixture.ChooseAsync(official, "Стан виконання", "виконано");
        await official.Locator("[data-action='submit']").ClickAsync();
        await Assertions.Expect(sex).ToContainTextAsync("Розбивка за статтю дає 29, а всього вказано 30");
        await Assertions.Expect(narrative).ToHaveValueAsync("Проведено два тренінги для освітян.");

        await sex.Locator("input[data-category='men']").FillAsync("10");
        await Assertions.Expect(sex.Locator(".breakdown-sum")).ToHaveTextAsync("Разом: 30 з 30");
        await official.Locator("[data-action='submit']").ClickAsync();
        await Assertions.Expect(official.Locator("span[data-state='Submitted'], .mud-chip[data-state='Submitted']").First).ToBeVisibleAsync(new() { Timeout = Timeout });

        // Staff return it with a comment.
        var (staffContext, staff) = await fixture.SignInAsync("staff@kreminna.local");
        await using var _s = staffContext;
        await fixture.OpenAsync(staff, "/review");
        await staff.Locator($".review-queue tr[data-period='{periodId}'] a").ClickAsync();
        await BrowserFixture.InteractiveAsync(staff);
        await staff.Locator("[data-field='review-comment'] textarea, textarea[data-field='review-comment']").First.FillAsync("Уточніть кількість учасників: у протоколі 31 особа.");
        await staff.Locator("[data-action='return']").ClickAsync();
        await Assertions.Expect(staff.Locator(".mud-chip[data-state='Returned']").First).ToBeVisibleAsync(new() { Timeout = Timeout });

        // The official sees the comment in their list and on the report, corrects and resubmits.
        await fixture.OpenAsync(official, "/my-reports");
        var row = official.Locator($".my-reports tr[data-period='{periodId}']");
        await Assertions.Expect(row).ToContainTextAsync("Уточніть кількість учасників: у протоколі 31 особа.");
        await row.Locator("a").ClickAsync();
        await BrowserFixture.InteractiveAsync(official);
        await Assertions.Expect(official.Locator("#review-comment")).ToContainTextAsync("у протоколі 31 особа");
        await official.Locator("input[data-value='2']").FillAsync("31");
        await official.Locator("[data-breakdown='2-Sex'] input[data-category='men']").FillAsync("11");
        await official.Locator("[data-action='submit']").ClickAsync();
        await Assertions.Expect(official.Locator(".mud-chip[data-state='Submitted']").First).ToBeVisibleAsync(new() { Timeout = Timeout });

        // Staff approve; the approved value shows on the measure's page.
        await fixture.OpenAsync(staff, $"/reports/{periodId}");
        await staff.Locator("[data-action='approve']").ClickAsync();
        await Assertions.Expect(staff.Locator(".mud-chip[data-state='Approved']").First).ToBeVisibleAsync(new() { Timeout = Timeout });

        await fixture.OpenAsync(official, $"/measures/{measureId}");
        var period = official.Locator($".periods-table tr[data-period='{periodId}']");
        await Assertions.Expect(period).ToHaveAttributeAsync("data-state", "Approved");
        await Assertions.Expect(period.Locator(".period-values")).ToContainTextAsync("31 (жінки 20, чоловіки 11)");

        // Approved is read-only for the official.
        await fixture.OpenAsync(official, $"/reports/{periodId}");
        await Assertions.Expect(official.Locator("[data-action='submit']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_demo_database_holds_a_living_plan()
    {
        var (context, staff) = await fixture.SignInAsync("staff@kreminna.local");
        await using var _ = context;

        await fixture.OpenAsync(staff, "/review");

        // The demo official's report for I.4, Q1 2021, waits for review, marked as demo data.
        await Assertions.Expect(staff.Locator(".review-queue tbody tr")).ToHaveCountAsync(1);
        await staff.Locator(".review-queue tbody tr a").ClickAsync();
        await Assertions.Expect(staff.GetByText("демонстраційні дані", new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = Timeout });
    }

    [Fact]
    public async Task An_official_uploads_evidence_and_a_renamed_executable_is_refused()
    {
        int periodId;
        await using (var db = await fixture.DbFactory.CreateDbContextAsync())
        {
            periodId = await db.ReportingPeriods
                .Where(p => p.Measure.Direction.Number == "III" && p.Measure.Number == 2 && p.Year == 2022 && p.Sequence == 4)
                .Select(p => p.Id).SingleAsync();
        }

        var (context, official) = await fixture.SignInAsync("official@kreminna.local");
        await using var _ = context;
        await fixture.OpenAsync(official, $"/reports/{periodId}");

        // InputFile hooks its change listener through a JS call sent after the render that adds it;
        // a file set in between is dropped without any event, so wait until Blazor has hooked it.
        // MudFileUpload adds a fresh input after each pick (so the same file can be picked again): the newest is the live one.
        const string newestInputHooked =
            "() => { const all = document.querySelectorAll(\"input[type='file']\"); return all.length > 0 && all[all.length - 1]._blazorInputFileNextFileId !== undefined; }";
        await official.WaitForFunctionAsync(newestInputHooked, null, new() { Timeout = Timeout });

        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\nstartxref\n0\n%%EOF\n");
        await official.Locator("input[type='file']").Last.SetInputFilesAsync(new FilePayload { Name = "протокол.pdf", MimeType = "application/pdf", Buffer = pdf });
        await Assertions.Expect(official.Locator(".evidence-list a")).ToHaveTextAsync("протокол.pdf", new() { Timeout = Timeout });

        var exe = new byte[4096];
        exe[0] = (byte)'M';
        exe[1] = (byte)'Z';
        await official.WaitForFunctionAsync(newestInputHooked, null, new() { Timeout = Timeout });
        await official.Locator("input[type='file']").Last.SetInputFilesAsync(new FilePayload { Name = "фото.jpg", MimeType = "image/jpeg", Buffer = exe });
        await Assertions.Expect(official.Locator("#report-error")).ToContainTextAsync("перевірено за вмістом", new() { Timeout = Timeout });
        await Assertions.Expect(official.Locator(".evidence-list li")).ToHaveCountAsync(1);
    }
}
