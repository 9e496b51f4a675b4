using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using FluentValidation;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Tests.Infrastructure;
using Kreminna1325.Web.Plans.Editing;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Kreminna1325.Tests.Components;

/// <summary>
/// Numbers typed into the measure editor, saved into a real database: what can be read is saved as
/// read, and what cannot stays in its field with the reason while nothing at all is written.
/// </summary>
public sealed class EditorNumberEntryTests : IClassFixture<SeededDatabase>, IAsyncLifetime
{
    private static readonly string[] Cells = ["local-2020", "local-2021", "local-2022", "other-2020", "other-2021", "other-2022"];

    private readonly SeededDatabase database;
    private readonly BunitContext context = new();
    private int saves;

    public EditorNumberEntryTests(SeededDatabase database)
    {
        this.database = database;
        BunitSetup.Prepare(context);
        context.Services.AddSingleton<IValidator<MeasureForm>, MeasureFormValidator>();
        BunitSetup.Ready(context);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => context.DisposeAsync().AsTask();

    private MeasureEditor Editor => new(database.DbFactory, new MeasureFormValidator());

    private async Task<IRenderedComponent<MeasureEditorForm>> OpenAsync(string direction, int number)
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();
        var id = await db.Measures.Where(m => m.Direction.Number == direction && m.Number == number).Select(m => m.Id).SingleAsync();
        var form = (await Editor.LoadAsync(id))!;
        return context.Render<MeasureEditorForm>(p => p
            .Add(c => c.Form, form)
            .Add(c => c.Bodies, [])
            .Add(c => c.Save, f => { saves++; return Editor.SaveAsync(TestUsers.Staff, f); }));
    }

    private sealed record Stored(decimal[] Amounts, int? Quarter, int? First, int? Last, int Audit)
    {
        public override string ToString() => $"{string.Join(" ", Amounts)} q{Quarter} m{First}-{Last} audit={Audit}";
    }

    private async Task<Stored> StoredAsync(int measureId)
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();
        var lines = await db.FundingLines.Where(f => f.MeasureId == measureId).ToListAsync();
        var amounts = Cells.Select(c => lines.SingleOrDefault(l => $"{l.Source}-{l.Year}".ToLowerInvariant() == c)?.Amount ?? -1).ToArray();
        var term = await db.Measures.Where(m => m.Id == measureId).Select(m => m.Term).SingleAsync();
        var audit = await db.AuditEntries.CountAsync(a => a.MeasureId == measureId);
        return new Stored(amounts, term.Quarter, term.FirstMonth, term.LastMonth, audit);
    }

    private static Task SaveAsync(IRenderedComponent<MeasureEditorForm> editor) =>
        editor.Find("button[data-action='save-measure']").ClickAsync(new());

    private static IElement FieldOf(IRenderedComponent<MeasureEditorForm> editor, string selector) =>
        editor.Find(selector).Closest(".mud-input-control")!;

    [Theory]
    [InlineData("2.5", "2.5", "2,5")]
    [InlineData("2,5", "2.5", "2,5")]
    [InlineData("1 250,5", "1250.5", "1\u00A0250,5")]
    [InlineData("1\u00A0250,5", "1250.5", "1\u00A0250,5")]
    [InlineData("1\u202F250.5", "1250.5", "1\u00A0250,5")]
    [InlineData("0,05", "0.05", "0,05")]
    [InlineData("7", "7", "7,0")]
    public async Task Every_amount_is_saved_as_typed_with_either_separator_and_thousands_spaces(string typed, string expected, string shown)
    {
        var value = decimal.Parse(expected, CultureInfo.InvariantCulture);
        var editor = await OpenAsync("IV", 7);
        var id = editor.Instance.Form.Id;

        foreach (var cell in Cells)
        {
            editor.Find($"input[data-amount='{cell}']").Input(typed);
        }

        await SaveAsync(editor);

        Assert.Equal("Збережено.", editor.Find("span[role='status']").TextContent);
        Assert.Equal(Enumerable.Repeat(value, Cells.Length), (await StoredAsync(id)).Amounts);
        foreach (var cell in Cells)
        {
            Assert.Equal(typed, editor.Find($"input[data-amount='{cell}']").GetAttribute("value"));
        }

        // Opened again, the editor shows the stored number the Ukrainian way.
        var again = await OpenAsync("IV", 7);
        Assert.Equal(shown, again.Find("input[data-amount='local-2021']").GetAttribute("value"));
    }

    [Fact]
    public async Task The_term_months_and_quarter_are_read_as_whole_numbers()
    {
        var months = await OpenAsync("III", 4);
        Assert.Equal(TermKind.AnnualInMonths, months.Instance.Form.Term.Kind);
        months.Find("input[data-field='first-month']").Input(" 9 ");
        months.Find("input[data-field='last-month']").Input("12,0");
        await SaveAsync(months);
        Assert.Equal("Збережено.", months.Find("span[role='status']").TextContent);
        var stored = await StoredAsync(months.Instance.Form.Id);
        Assert.Equal((9, 12), (stored.First, stored.Last));

        var quarter = await OpenAsync("I", 6);
        Assert.Equal(TermKind.AnnualInQuarter, quarter.Instance.Form.Term.Kind);
        quarter.Find("input[data-field='quarter']").Input("2");
        await SaveAsync(quarter);
        Assert.Equal(2, (await StoredAsync(quarter.Instance.Form.Id)).Quarter);
    }

    [Theory]
    [InlineData("IV", 7, "input[data-amount='local-2021']", "2,5,1", "Не вдалося прочитати число")]
    [InlineData("IV", 7, "input[data-amount='other-2022']", "abc", "Не вдалося прочитати число")]
    [InlineData("IV", 7, "input[data-amount='local-2020']", "1.250,5", "Не вдалося прочитати число")]
    [InlineData("IV", 7, "input[data-amount='local-2020']", "12 5", "Не вдалося прочитати число")]
    [InlineData("IV", 7, "input[data-amount='local-2021']", "2,555", "Не більше двох знаків після коми.")]
    [InlineData("IV", 7, "input[data-amount='local-2021']", "-3", "Сума не може бути від'ємною.")]
    [InlineData("IV", 7, "input[data-amount='other-2021']", "1 000 000 000", "Сума має бути менша")]
    [InlineData("IV", 7, "input[data-amount='other-2021']", "123456789012345678901234567890", "Число завелике для цього поля.")]
    [InlineData("III", 4, "input[data-field='first-month']", "2.5", "Тут потрібне ціле число.")]
    [InlineData("III", 4, "input[data-field='last-month']", "13", "вкажіть перший і останній місяць")]
    [InlineData("I", 6, "input[data-field='quarter']", "1,5", "Тут потрібне ціле число.")]
    public async Task An_unreadable_or_invalid_number_blocks_saving_keeps_the_text_and_writes_nothing(
        string direction, int number, string selector, string typed, string message)
    {
        var editor = await OpenAsync(direction, number);
        var id = editor.Instance.Form.Id;
        var before = await StoredAsync(id);

        editor.Find(selector).Input(typed);
        await SaveAsync(editor);

        Assert.Equal(0, saves);
        Assert.Equal("Виправте позначені поля.", editor.Find("#form-error").TextContent);
        Assert.Contains(message, FieldOf(editor, selector).TextContent);
        Assert.Contains("mud-input-error", FieldOf(editor, selector).InnerHtml);
        Assert.Equal(typed, editor.Find(selector).GetAttribute("value"));
        Assert.Equal(before.ToString(), (await StoredAsync(id)).ToString());
        Assert.DoesNotContain(editor.FindAll("span[role='status']"), s => s.TextContent.Length > 0);

        // Leaving the field keeps the text too, and the reason stays beside it.
        editor.Find(selector).Blur();
        Assert.Equal(typed, editor.Find(selector).GetAttribute("value"));
        Assert.Contains(message, FieldOf(editor, selector).TextContent);
    }

    [Fact]
    public async Task A_corrected_number_saves_and_the_reason_goes()
    {
        var editor = await OpenAsync("IV", 7);
        var amount = "input[data-amount='local-2022']";
        editor.Find(amount).Input("8,5,0");
        await SaveAsync(editor);
        Assert.Contains("Не вдалося прочитати число", FieldOf(editor, amount).TextContent);

        editor.Find(amount).Input("8,5");

        Assert.DoesNotContain("Не вдалося прочитати число", FieldOf(editor, amount).TextContent);
        await SaveAsync(editor);
        Assert.Equal(1, saves);
        Assert.Equal(8.5m, (await StoredAsync(editor.Instance.Form.Id)).Amounts[2]);
    }
}
