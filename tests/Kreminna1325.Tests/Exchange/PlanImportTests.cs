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

public sealed class PlanImportFixture : WebFixture
{
    public HttpClient Staff { get; private set; } = null!;
    public HttpClient Executive { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Staff = await SignIn.AsAsync(Factory, "staff@kreminna.local");
        Executive = await SignIn.AsAsync(Factory, "executive@kreminna.local");
    }

    /// <summary>What a refused or unconfirmed import must leave as it was.</summary>
    public async Task<(int Plans, int Measures, int Bodies, int Audit)> StoredAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return (await db.Plans.CountAsync(), await db.Measures.CountAsync(), await db.ResponsibleBodies.CountAsync(), await db.AuditEntries.CountAsync());
    }
}

/// <summary>The import as staff use it over HTTP: a dry run, a confirmation, and every kind of bad file refused with nothing written.</summary>
public sealed class PlanImportTests(PlanImportFixture fixture) : IClassFixture<PlanImportFixture>
{
    private static int titles;

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] file, bool confirm = false, string? title = null,
        int start = 2020, int end = 2022, string contentType = PlanSheet.ContentType)
    {
        title ??= $"Імпортований план {Interlocked.Increment(ref titles)}";
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"/api/plans/import?title={Uri.EscapeDataString(title)}&municipality={Uri.EscapeDataString("Тестова громада")}&startYear={start}&endYear={end}&confirm={(confirm ? "true" : "false")}")
        {
            Content = content,
        };
        return await client.SendAsync(request);
    }

    private async Task<List<string>> RefusedAsync(byte[] file)
    {
        var before = await fixture.StoredAsync();
        foreach (var confirm in new[] { false, true })
        {
            using var response = await PostAsync(fixture.Staff, file, confirm);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            if (confirm)
            {
                Assert.Equal(before, await fixture.StoredAsync());
                return [.. problem.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()!)];
            }
        }

        throw new InvalidOperationException();
    }

    [Fact]
    public async Task A_dry_run_previews_the_plan_and_writes_nothing()
    {
        var before = await fixture.StoredAsync();

        using var response = await PostAsync(fixture.Staff, ImportBook.Valid("Лише в перегляді").Bytes());

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

        using var response = await PostAsync(fixture.Staff, ImportBook.Valid().Bytes(), confirm: true);

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
    public async Task Words_instead_of_a_number_are_refused_at_their_row_and_column()
    {
        var book = ImportBook.Valid()
            .Row(13, "III", "Ще напрям")
            .Row(14, 1, "Захід", "Відділ ЖКГ", "Постійно", "Кількість", "Місцевий бюджет", null, "2,5 тис", null);

        var problems = await RefusedAsync(book.Bytes());

        Assert.Contains("рядок 14, стовпець H: «2,5 тис» — не число.", problems);
    }

    [Fact]
    public async Task A_formula_instead_of_a_number_is_refused()
    {
        var book = ImportBook.Valid().Row(11, 1, "Форум", "Відділ ЖКГ", "Постійно", "Кількість", "Місцевий бюджет", null, new Formula("G5+1", 11), null);

        Assert.Contains("рядок 11, стовпець H: формула замість числа: впишіть саме число.", await RefusedAsync(book.Bytes()));
    }

    [Fact]
    public async Task Merged_cells_are_refused()
    {
        Assert.Contains(await RefusedAsync(ImportBook.Valid().Merge("B4:E4").Bytes()), m => m.StartsWith("рядок 4, стовпець B: об'єднані клітинки B4:E4"));
    }

    [Fact]
    public async Task Empty_rows_inside_the_table_are_refused_but_not_after_it()
    {
        var book = ImportBook.Valid();
        book.Row(14, 2, "Захід після проміжку", "Відділ ЖКГ", "Постійно", "Кількість", "Не потребує");
        book.Row(12, (object?)null).Row(13, (object?)null);

        Assert.Contains("рядок 12: порожні рядки 12–13 усередині таблиці: видаліть їх.", await RefusedAsync(book.Bytes()));
    }

    [Fact]
    public async Task A_year_column_outside_the_plans_years_is_refused()
    {
        var book = ImportBook.Valid().Row(3, null, null, null, null, null, null, 2020, 2021, 2025);

        Assert.Contains("рядок 3, стовпець I: рік 2025 поза роками плану (2020–2022).", await RefusedAsync(book.Bytes()));
    }

    [Fact]
    public async Task A_measure_before_any_direction_is_refused()
    {
        var book = ImportBook.Valid().Row(4, 1, "Захід без напряму", "Відділ ЖКГ", "Постійно", "Кількість", "Не потребує");

        Assert.Contains(await RefusedAsync(book.Bytes()), m => m.StartsWith("рядок 4, стовпець A: захід 1 стоїть перед будь-яким напрямом"));
    }

    [Fact]
    public async Task An_unknown_term_is_refused_at_its_cell()
    {
        var book = ImportBook.Valid().Row(11, 1, "Форум", "Відділ ЖКГ", "Коли буде час", "Кількість", "Не потребує");

        Assert.Contains(await RefusedAsync(book.Bytes()), m => m.StartsWith("рядок 11, стовпець D: «Коли буде час» — не розпізнаний термін"));
    }

    [Fact]
    public async Task A_file_that_is_not_a_spreadsheet_is_refused()
    {
        var problems = await RefusedAsync("Це не таблиця, а текст."u8.ToArray());

        Assert.Contains(problems, m => m.StartsWith("Це не книга Excel (.xlsx)"));
    }

    [Fact]
    public async Task An_old_xls_workbook_is_refused_with_how_to_save_it()
    {
        byte[] xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        Assert.Contains(await RefusedAsync(xls), m => m.StartsWith("Це книга старого формату Excel 97–2003 (.xls)"));
    }

    [Fact]
    public async Task A_word_document_renamed_as_a_workbook_is_refused()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body());
        }

        Assert.Contains(await RefusedAsync(stream.ToArray()), m => m.StartsWith("Це документ Word, а не книга Excel"));
    }

    [Fact]
    public async Task A_macro_enabled_workbook_is_refused()
    {
        var problems = await RefusedAsync(ImportBook.Valid().Bytes(SpreadsheetDocumentType.MacroEnabledWorkbook));

        Assert.Contains(problems, m => m.StartsWith("Книга з макросами"));
    }

    [Fact]
    public async Task An_archive_that_expands_far_beyond_its_weight_is_refused()
    {
        var bomb = ImportBook.WithEntry(ImportBook.Valid().Bytes(), "xl/media/zeros.bin", 60L * 1024 * 1024);
        Assert.True(bomb.Length < 1024 * 1024);

        Assert.Contains(await RefusedAsync(bomb), m => m.StartsWith("Архів книги розгортається в надто великий обсяг"));
    }

    [Fact]
    public async Task More_than_100_000_rows_are_refused()
    {
        var book = ImportBook.Valid();
        for (var row = 13; row <= 100_013; row++)
        {
            book.Row(row, null, null, null, null, null, null, 1);
        }

        var file = book.Bytes();
        Assert.True(file.Length < PlanImporter.MaxFileBytes);

        Assert.Contains("аркуш «План»: понад 100000 рядків: такий файл не імпортується.", await RefusedAsync(file));
    }

    [Fact]
    public async Task A_sheet_that_says_it_has_more_than_100_000_rows_is_refused_before_its_rows_are_read()
    {
        var problems = await RefusedAsync(ImportBook.Valid().Dimension("A1:I100001").Bytes());

        Assert.Equal(["аркуш «План»: понад 100000 рядків: такий файл не імпортується."], problems);
    }

    [Fact]
    public async Task Over_5_MB_answers_413_and_writes_nothing()
    {
        var before = await fixture.StoredAsync();
        var file = new byte[PlanImporter.MaxFileBytes + 1];

        using var response = await PostAsync(fixture.Staff, file, confirm: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await fixture.StoredAsync());
    }

    [Fact]
    public async Task Another_content_type_answers_415()
    {
        using var response = await PostAsync(fixture.Staff, ImportBook.Valid().Bytes(), confirm: true, contentType: "multipart/form-data");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Only_staff_and_administrators_import()
    {
        var before = await fixture.StoredAsync();

        using var anonymous = await PostAsync(SignIn.NewClient(fixture.Factory), ImportBook.Valid().Bytes(), confirm: true);
        using var executive = await PostAsync(fixture.Executive, ImportBook.Valid().Bytes(), confirm: true);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, executive.StatusCode);
        Assert.Equal(before, await fixture.StoredAsync());
    }

    [Fact]
    public async Task The_plans_own_details_are_checked_too()
    {
        using var response = await PostAsync(fixture.Staff, ImportBook.Valid().Bytes(), title: " ", start: 2022, end: 2020);

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

        using var response = await PostAsync(fixture.Staff, template, start: years.Min(), end: years.Max());

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

    [Fact]
    public async Task A_new_bodys_name_from_the_registry_sheet_is_held_to_the_registrys_rules_for_typed_text()
    {
        var book = ImportBook.Valid("Зі зламаною назвою")
            .Row(PlanSheet.RegistrySheetName, 1, "Назва виконавця", "Коротка назва", "Вид виконавця", "Інші написання")
            .Row(PlanSheet.RegistrySheetName, 2, "Громадська організація «Зі зламаною назвою\u202E»", "ГО", "Комунальна установа",
                "Громадська організація «Зі зламаною назвою»");

        var problems = await RefusedAsync(book.Bytes());

        Assert.Contains(problems, m => m.StartsWith("рядок 2, стовпець A:") && m.Contains("U+202E"));
    }
}
