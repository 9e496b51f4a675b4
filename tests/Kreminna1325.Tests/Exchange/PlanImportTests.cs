using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Kreminna1325.Core.Exchange;
using Kreminna1325.Tests.Accounts;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Exchange;

/// <summary>The import as staff use it over HTTP: a dry run, a confirmation, the template, the API's statuses.</summary>
public sealed class PlanImportTests(PlanImportFixture fixture) : IClassFixture<PlanImportFixture>
{
    [Fact]
    public async Task A_dry_run_previews_the_plan_and_writes_nothing()
    {
        var before = await fixture.StoredAsync();

        using var response = await PlanImportFixture.PostAsync(fixture.Staff, ImportBook.Valid("Лише в перегляді").Bytes());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, preview.GetProperty("directions").GetInt32());
        Assert.Equal(3, preview.GetProperty("measures").GetInt32());
        Assert.Equal(4, preview.GetProperty("indicators").GetInt32());
        Assert.Empty(preview.GetProperty("problems").EnumerateArray());
        // "1 234,5", "1234.5" and "2 000,0" with a non-breaking space are all amounts.
        var totals = preview.GetProperty("totals").EnumerateArray()
            .ToDictionary(t => (t.GetProperty("source").GetString(), t.GetProperty("year").GetInt32()), t => t.GetProperty("amount").GetDecimal());
        Assert.Equal(1239.5m, totals[("local", 2021)]);
        Assert.Equal(1234.5m, totals[("local", 2022)]);
        Assert.Equal(2000m, totals[("other", 2020)]);
        // Case, dashes and spaces do not make a new body; the one nobody knows yet is new.
        var bodies = preview.GetProperty("bodies").EnumerateArray().ToList();
        Assert.Single(bodies, b => b.GetProperty("existingId").ValueKind == JsonValueKind.Null);
        Assert.All(bodies.Where(b => b.GetProperty("written").GetString()!.Contains("фінансовий", StringComparison.OrdinalIgnoreCase)),
            b => Assert.Equal("Планово-фінансовий відділ", b.GetProperty("name").GetString()));
        Assert.Equal(before, await fixture.StoredAsync());
    }

    [Fact]
    public async Task A_confirmed_import_creates_the_plan_audited_with_its_reporting_periods()
    {
        var before = await fixture.StoredAsync();

        using var response = await PlanImportFixture.PostAsync(fixture.Staff, ImportBook.Valid().Bytes(), confirm: true);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        Assert.Equal($"/api/plans/{id}", response.Headers.Location?.OriginalString);
        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        Assert.Equal(3, await db.Measures.CountAsync(m => m.Direction.PlanId == id));
        Assert.Equal(before.Bodies + 1, await db.ResponsibleBodies.CountAsync());
        Assert.True(await db.ReportingPeriods.CountAsync(p => p.Measure.Direction.PlanId == id) > 0);
        var staffId = await db.Users.Where(u => u.Email == "staff@kreminna.local").Select(u => u.Id).SingleAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "Plan" && a.EntityKey == id.ToString() && a.UserId == staffId));
        var forum = await db.Measures.Include(m => m.Indicators).SingleAsync(m => m.Direction.PlanId == id && m.Direction.Number == "II");
        Assert.Equal(Core.Plans.TermKind.AnnualInMonths, forum.Term.Kind);
        var counted = await db.Indicators.SingleAsync(i => i.Measure.Direction.PlanId == id && i.Text.StartsWith("Кількість учасників з"));
        Assert.Equal([Core.Plans.Disaggregation.Sex], counted.Disaggregations);
    }

    [Fact]
    public async Task Over_5_MB_answers_413_and_writes_nothing()
    {
        var before = await fixture.StoredAsync();
        var file = new byte[PlanImporter.MaxFileBytes + 1];

        using var response = await PlanImportFixture.PostAsync(fixture.Staff, file, confirm: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await fixture.StoredAsync());
    }

    [Fact]
    public async Task Another_content_type_answers_415()
    {
        using var response = await PlanImportFixture.PostAsync(fixture.Staff, ImportBook.Valid().Bytes(), confirm: true, contentType: "multipart/form-data");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Only_staff_and_administrators_import()
    {
        var before = await fixture.StoredAsync();

        using var anonymous = await PlanImportFixture.PostAsync(SignIn.NewClient(fixture.Factory), ImportBook.Valid().Bytes(), confirm: true);
        using var executive = await PlanImportFixture.PostAsync(fixture.Executive, ImportBook.Valid().Bytes(), confirm: true);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, executive.StatusCode);
        Assert.Equal(before, await fixture.StoredAsync());
    }

    [Fact]
    public async Task The_plans_own_details_are_checked_too()
    {
        using var response = await PlanImportFixture.PostAsync(fixture.Staff, ImportBook.Valid().Bytes(), title: " ", start: 2022, end: 2020);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var messages = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => p.GetProperty("message").GetString()).ToList();
        Assert.Contains("Назва плану обов'язкова.", messages);
    }

    [Fact]
    public async Task The_template_as_downloaded_previews_its_example_with_the_new_body_described_by_its_registry_sheet()
    {
        var template = await fixture.Staff.GetByteArrayAsync("/api/plans/template.xlsx");
        int[] years;
        using (var document = SpreadsheetDocument.Open(new MemoryStream(template), false))
        {
            years = [.. new PlanWorkbookCells(document).Rows(PlanSheet.PlanSheetName).Single(r => r.Number == PlanSheet.YearRow)
                .Cells.Values.Where(c => c.Number is not null).Select(c => (int)c.Number!.Value)];
        }

        using var response = await PlanImportFixture.PostAsync(fixture.Staff, template, start: years.Min(), end: years.Max());

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var preview = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, preview.GetProperty("measures").GetInt32());
        var body = Assert.Single(preview.GetProperty("bodies").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("existingId").ValueKind);
        Assert.Equal("Відділ соцзахисту", body.GetProperty("shortName").GetString());
        Assert.Equal("councilDepartment", body.GetProperty("kind").GetString());
        var kind = Assert.Single(preview.GetProperty("indicatorKinds").EnumerateArray());
        Assert.Equal(1, kind.GetProperty("disaggregated").GetInt32());
    }

    [Fact]
    public async Task A_person_reading_in_english_is_told_the_problems_in_english()
    {
        var book = ImportBook.Valid().Row(11, 1, "Форум", "Відділ ЖКГ", "Постійно", "Кількість", "Місцевий бюджет", null, "2,5 тис", null);
        var content = new ByteArrayContent(book.Bytes());
        content.Headers.ContentType = new MediaTypeHeaderValue(PlanSheet.ContentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/plans/import?title=English&municipality=Test&startYear=2020&endYear=2022") { Content = content };
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");

        using var response = await fixture.Staff.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var messages = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => p.GetProperty("message").GetString()).ToList();
        Assert.Contains("row 11, column H: «2,5 тис» is not a number.", messages);
    }
}
