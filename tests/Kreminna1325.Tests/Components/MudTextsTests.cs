using System.Collections;
using System.Globalization;
using System.Resources;
using Bunit;
using Kreminna1325.Tests.Infrastructure;
using Kreminna1325.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Kreminna1325.Tests.Components;

/// <summary>
/// MudBlazor's own texts — pager, conversion errors, pickers, close buttons — speak the app's language:
/// every key MudBlazor's LanguageResource has, so an upgrade that adds one fails here, not on a page.
/// </summary>
public sealed class MudTextsTests : IAsyncDisposable
{
    private readonly BunitContext context = new();

    public MudTextsTests()
    {
        BunitSetup.Prepare(context);
        BunitSetup.Ready(context);
    }

    public ValueTask DisposeAsync() => context.DisposeAsync();

    /// <summary>MudBlazor's English texts, read from its assembly: its LanguageResource class is internal.</summary>
    public static Dictionary<string, string> MudBlazorEnglish()
    {
        var assembly = typeof(MudLocalizer).Assembly;
        using var stream = assembly.GetManifestResourceStream("MudBlazor.Resources.LanguageResource.resources")
            ?? throw new InvalidOperationException("MudBlazor's LanguageResource is no longer where it was.");
        using var reader = new ResourceReader(stream);
        return reader.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    private static bool HasLetters(string text) => text.Any(char.IsLetter);

    private static bool HasCyrillic(string text) => text.Any(c => c is >= '\u0400' and <= '\u04FF');

    private static string Placeholders(string text) =>
        string.Join(",", System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order());

    [Fact]
    public void Every_MudBlazor_text_is_answered_in_Ukrainian_and_none_in_English()
    {
        var english = MudBlazorEnglish();
        Assert.True(english.Count > 100, $"only {english.Count} MudBlazor keys read");
        var texts = context.Services.GetRequiredService<MudLocalizer>();
        Assert.IsType<MudTexts>(texts);
        CultureInfo.CurrentUICulture = new CultureInfo("uk-UA");

        var problems = new List<string>();
        foreach (var (key, mudText) in english)
        {
            var text = texts[key];
            if (text.ResourceNotFound || text.Value == key)
                problems.Add($"{key}: not answered");
            else if (HasLetters(mudText) && (!HasCyrillic(text.Value) || text.Value == mudText))
                problems.Add($"{key}: '{text.Value}' is not Ukrainian");
            else if (Placeholders(text.Value) != Placeholders(mudText))
                problems.Add($"{key}: '{text.Value}' has other placeholders than '{mudText}'");
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_MudBlazor_text_is_answered_in_English_without_Ukrainian()
    {
        var texts = context.Services.GetRequiredService<MudLocalizer>();
        CultureInfo.CurrentUICulture = new CultureInfo("en-US");

        var problems = MudBlazorEnglish()
            .Select(pair => (pair.Key, English: pair.Value, Text: texts[pair.Key]))
            .Where(t => t.Text.ResourceNotFound || t.Text.Value == t.Key || HasCyrillic(t.Text.Value)
                || Placeholders(t.Text.Value) != Placeholders(t.English))
            .Select(t => $"{t.Key}: '{t.Text.Value}'")
            .ToList();

        Assert.Empty(problems);
    }

    [Fact]
    public void A_key_MudBlazor_does_not_have_is_left_to_its_own_fallback()
    {
        var text = context.Services.GetRequiredService<MudLocalizer>()["NoSuchMudBlazorKey"];

        Assert.True(text.ResourceNotFound);
        Assert.Equal("NoSuchMudBlazorKey", text.Value);
    }

    [Fact]
    public void Arguments_are_placed_into_the_Ukrainian_text()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("uk-UA");
        var text = context.Services.GetRequiredService<MudLocalizer>()["MudDataGridPager_InfoFormat", 1, 29, 29];

        Assert.Equal("1–29 з 29", text.Value);
    }

    [Fact]
    public async Task The_app_itself_hands_MudBlazor_its_Ukrainian_and_English_texts()
    {
        // No database is needed to ask the container; port 1 refuses at once.
        await using var app = new KreminnaWebFactory("Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=3", localMode: false);
        using var scope = app.Services.CreateScope();
        var mudBlazor = scope.ServiceProvider.GetRequiredService<ILocalizationInterceptor>();

        CultureInfo.CurrentUICulture = new CultureInfo("uk-UA");
        Assert.Equal("Рядків на сторінці:", mudBlazor.Handle("MudDataGridPager_RowsPerPage").Value);
        Assert.Equal("Це не число", mudBlazor.Handle("Converter_InvalidNumber").Value);
        CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        Assert.Equal("Rows per page:", mudBlazor.Handle("MudDataGridPager_RowsPerPage").Value);
    }

    public sealed record Row(int Number);

    [Fact]
    public void The_data_grid_pager_speaks_Ukrainian()
    {
        var rows = Enumerable.Range(1, 29).Select(n => new Row(n)).ToList();
        var grid = context.Render<MudDataGrid<Row>>(p => p
            .Add(g => g.Items, rows)
            .Add(g => g.RowsPerPage, 50)
            .Add(g => g.Columns, (RenderFragment)(b =>
            {
                b.OpenComponent<PropertyColumn<Row, int>>(0);
                b.AddAttribute(1, nameof(PropertyColumn<Row, int>.Property), (System.Linq.Expressions.Expression<Func<Row, int>>)(r => r.Number));
                b.CloseComponent();
            }))
            .Add(g => g.PagerContent, (RenderFragment)(b =>
            {
                b.OpenComponent<MudDataGridPager<Row>>(0);
                b.CloseComponent();
            })));

        grid.WaitForAssertion(() => Assert.Contains("Рядків на сторінці", grid.Markup));
        Assert.DoesNotContain("Rows per page", grid.Markup);
        Assert.Contains("1–29 з 29", grid.Markup);
        Assert.DoesNotContain(" of 29", grid.Markup);
        Assert.NotNull(grid.Find("button[aria-label='Наступна сторінка']"));
    }
}
