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

/// <summary>Every kind of bad workbook is refused with its message, at its row and column where it has one, and nothing is written.</summary>
public sealed class PlanImportRefusalTests(PlanImportFixture fixture) : IClassFixture<PlanImportFixture>
{
    [Fact]
    public async Task Words_instead_of_a_number_are_refused_at_their_row_and_column()
    {
        var book = ImportBook.Valid()
            .Row(13, "III", "Ще напрям")
            .Row(14, 1, "Захід", "Відділ ЖКГ", "Постійно", "Кількість", "Місцевий бюджет", null, "2,5 тис", null);

        var problems = await fixture.RefusedAsync(book.Bytes());

        Assert.Contains("рядок 14, стовпець H: «2,5 тис» — не число.", problems);
    }

    [Fact]
    public async Task A_formula_instead_of_a_number_is_refused()
    {
        var book = ImportBook.Valid().Row(11, 1, "Форум", "Відділ ЖКГ", "Постійно", "Кількість", "Місцевий бюджет", null, new Formula("G5+1", 11), null);

        Assert.Contains("рядок 11, стовпець H: формула замість числа: впишіть саме число.", await fixture.RefusedAsync(book.Bytes()));
    }

    [Fact]
    public async Task Merged_cells_are_refused()
    {
        Assert.Contains(await fixture.RefusedAsync(ImportBook.Valid().Merge("B4:E4").Bytes()), m => m.StartsWith("рядок 4, стовпець B: об'єднані клітинки B4:E4"));
    }

    [Fact]
    public async Task Empty_rows_inside_the_table_are_refused_but_not_after_it()
    {
        var book = ImportBook.Valid();
        book.Row(14, 2, "Захід після проміжку", "Відділ ЖКГ", "Постійно", "Кількість", "Не потребує");
        book.Row(12, (object?)null).Row(13, (object?)null);

        Assert.Contains("рядок 12: порожні рядки 12–13 усередині таблиці: видаліть їх.", await fixture.RefusedAsync(book.Bytes()));
    }

    [Fact]
    public async Task A_year_column_outside_the_plans_years_is_refused()
    {
        var book = ImportBook.Valid().Row(3, null, null, null, null, null, null, 2020, 2021, 2025);

        Assert.Contains("рядок 3, стовпець I: рік 2025 поза роками плану (2020–2022).", await fixture.RefusedAsync(book.Bytes()));
    }

    [Fact]
    public async Task A_measure_before_any_direction_is_refused()
    {
        var book = ImportBook.Valid().Row(4, 1, "Захід без напряму", "Відділ ЖКГ", "Постійно", "Кількість", "Не потребує");

        Assert.Contains(await fixture.RefusedAsync(book.Bytes()), m => m.StartsWith("рядок 4, стовпець A: захід 1 стоїть перед будь-яким напрямом"));
    }

    [Fact]
    public async Task An_unknown_term_is_refused_at_its_cell()
    {
        var book = ImportBook.Valid().Row(11, 1, "Форум", "Відділ ЖКГ", "Коли буде час", "Кількість", "Не потребує");

        Assert.Contains(await fixture.RefusedAsync(book.Bytes()), m => m.StartsWith("рядок 11, стовпець D: «Коли буде час» — не розпізнаний термін"));
    }

    [Fact]
    public async Task A_file_that_is_not_a_spreadsheet_is_refused()
    {
        var problems = await fixture.RefusedAsync("Це не таблиця, а текст."u8.ToArray());

        Assert.Contains(problems, m => m.StartsWith("Це не книга Excel (.xlsx)"));
    }

    [Fact]
    public async Task An_old_xls_workbook_is_refused_with_how_to_save_it()
    {
        byte[] xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        Assert.Contains(await fixture.RefusedAsync(xls), m => m.StartsWith("Це книга старого формату Excel 97–2003 (.xls)"));
    }

    [Fact]
    public async Task A_word_document_renamed_as_a_workbook_is_refused()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body());
        }

        Assert.Contains(await fixture.RefusedAsync(stream.ToArray()), m => m.StartsWith("Це документ Word, а не книга Excel"));
    }

    [Fact]
    public async Task A_macro_enabled_workbook_is_refused()
    {
        var problems = await fixture.RefusedAsync(ImportBook.Valid().Bytes(SpreadsheetDocumentType.MacroEnabledWorkbook));

        Assert.Contains(problems, m => m.StartsWith("Книга з макросами"));
    }

    [Fact]
    public async Task An_archive_that_expands_far_beyond_its_weight_is_refused()
    {
        var bomb = ImportBook.WithEntry(ImportBook.Valid().Bytes(), "xl/media/zeros.bin", 60L * 1024 * 1024);
        Assert.True(bomb.Length < 1024 * 1024);

        Assert.Contains(await fixture.RefusedAsync(bomb), m => m.StartsWith("Архів книги розгортається в надто великий обсяг"));
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

        Assert.Contains("аркуш «План»: понад 100000 рядків: такий файл не імпортується.", await fixture.RefusedAsync(file));
    }

    [Fact]
    public async Task A_sheet_that_says_it_has_more_than_100_000_rows_is_refused_before_its_rows_are_read()
    {
        var problems = await fixture.RefusedAsync(ImportBook.Valid().Dimension("A1:I100001").Bytes());

        Assert.Equal(["аркуш «План»: понад 100000 рядків: такий файл не імпортується."], problems);
    }


    [Fact]
    public async Task A_new_bodys_name_from_the_registry_sheet_is_held_to_the_registrys_rules_for_typed_text()
    {
        var book = ImportBook.Valid("Зі зламаною назвою")
            .Row(PlanSheet.RegistrySheetName, 1, "Назва виконавця", "Коротка назва", "Вид виконавця", "Інші написання")
            .Row(PlanSheet.RegistrySheetName, 2, "Громадська організація «Зі зламаною назвою\u202E»", "ГО", "Комунальна установа",
                "Громадська організація «Зі зламаною назвою»");

        var problems = await fixture.RefusedAsync(book.Bytes());

        Assert.Contains(problems, m => m.StartsWith("рядок 2, стовпець A:") && m.Contains("U+202E"));
    }
}
