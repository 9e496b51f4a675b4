using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Kreminna1325.Core;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Exchange;
using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Api;
using Kreminna1325.Web;
using Kreminna1325.Web.Exchange;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using static Kreminna1325.Tests.Exchange.XlsxBook;

namespace Kreminna1325.Tests.Exchange;

/// <summary>The empty workbook a community downloads to fill in, and the words export and import share.</summary>
public class PlanXlsxTemplateTests(OpenDataApiFixture fixture) : IClassFixture<OpenDataApiFixture>
{
    private readonly HttpClient client = fixture.Factory.CreateClient();

    private PlanSheetText Words() => PlanXlsxApi.Text(fixture.Factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>());

    private static XlsxBook Open(MemoryStream stream)
    {
        stream.Position = 0;
        return new XlsxBook(stream);
    }

    private async Task<(HttpResponseMessage Response, XlsxBook Book)> DownloadAsync(HttpClient http)
    {
        var response = await http.GetAsync("/api/plans/template.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = new MemoryStream();
        await response.Content.CopyToAsync(bytes);
        return (response, Open(bytes));
    }

    [Fact]
    public async Task Is_a_valid_workbook_named_for_people_with_the_instructions_first()
    {
        var (response, book) = await DownloadAsync(client);
        using var _ = response;
        using var __ = book;

        var errors = new OpenXmlValidator().Validate(book.Document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal(PlanSheet.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("kreminna-plan-template.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(["Інструкція", "План", "Бюджет", "Звірка", "Показники", "Довідники"], book.SheetNames);
        var instructions = book.Cells("Інструкція");
        Assert.Equal("Як заповнити план у цій книзі", Text(instructions, 1, 1));
        Assert.True(instructions.Count >= 8);
        Assert.Contains(instructions.Values, c => Text(c)!.Contains("ВСЬОГО ЗА НАПРЯМОМ:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Holds_one_example_a_direction_a_measure_from_two_sources_and_its_totals()
    {
        var (response, book) = await DownloadAsync(client);
        using var _ = response;
        using var __ = book;
        var plan = book.Cells("План");
        var year = new CommunityClock(TimeProvider.System).Today.Year;

        Assert.Equal([$"{year}", $"{year + 1}", $"{year + 2}"], Enumerable.Range(7, 3).Select(c => Text(plan, 3, c)));
        Assert.Equal(("I", "Запобігання насильству за ознакою статі"), (Text(plan, 4, 1), Text(plan, 4, 2)));
        Assert.Equal(1m, Number(plan, 5, 1));
        Assert.Equal("Щорічно", Text(plan, 5, 4));
        Assert.Equal(
            [("Місцевий бюджет", 10m, 10m, 10m), ("Інші кошти", 5m, null, null)],
            new[] { 5, 6 }.Select(r => (Text(plan, r, 6), Number(plan, r, 7), Number(plan, r, 8), Number(plan, r, 9))));
        Assert.Null(Text(plan, 6, 1));
        Assert.Equal(["ВСЬОГО ЗА НАПРЯМОМ:", "ВСЬОГО ЗА НАПРЯМОМ:", "ВСЬОГО ЗА НАПРЯМОМ:", "ВСЬОГО ЗА ПІДСУМКОМ:", "ВСЬОГО ЗА ПІДСУМКОМ:", "ВСЬОГО ЗА ПІДСУМКОМ:"],
            Enumerable.Range(7, 6).Select(r => Text(plan, r, 2)));
        // The example printed no totals: its zero totals stay empty, as a document that printed none would.
        Assert.Equal<decimal?[]>([5m, null, null], [Number(plan, 8, 7), Number(plan, 8, 8), Number(plan, 8, 9)]);
        Assert.Equal((15m, 10m, 10m), (Number(plan, 12, 7)!.Value, Number(plan, 12, 8)!.Value, Number(plan, 12, 9)!.Value));
        Assert.Equal(12, plan.Keys.Max(k => k.Row));

        var budget = book.Cells("Бюджет");
        Assert.Equal((5m, 15m), (Number(budget, 3, 4)!.Value, Number(budget, 7, 4)!.Value));
        Assert.Equal(1, book.Cells("Звірка").Keys.Max(k => k.Row));
        var indicators = book.Cells("Показники");
        Assert.Equal(("I", 1m, 1m, "кількість", "за статтю\nза віком"),
            (Text(indicators, 2, 1), Number(indicators, 2, 2), Number(indicators, 2, 3), Text(indicators, 2, 5), Text(indicators, 2, 6)));
        Assert.Equal("Відділ соціального захисту населення міської ради", Text(book.Cells("Довідники"), 2, 1));
    }

    [Fact]
    public async Task Is_ukrainian_for_a_visitor_who_reads_the_site_in_english()
    {
        using var english = fixture.Factory.CreateClient();
        english.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        Assert.Contains("Planned funding", await english.GetStringAsync("/"));

        var (response, book) = await DownloadAsync(english);
        using var _ = response;
        using var __ = book;

        Assert.Equal("Зміст заходу", Text(book.Cells("План"), 2, 2));
        Assert.Equal("Місцевий бюджет", Text(book.Cells("План"), 5, 6));
    }

    [Fact]
    public void The_words_are_the_workbooks_own_and_read_back_whatever_the_culture()
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            var text = Words();

            Assert.Equal("Місцевий бюджет", text.Document.Source(FundingSource.Local));
            Assert.Equal(FundingSource.Other, text.SourceNamed(" інші КОШТИ "));
            Assert.Equal(FundingNote.NotRequired, text.NoteNamed("Не потребує"));
            Assert.Equal(Disaggregation.Age, text.DisaggregationNamed("за віком"));
            Assert.Equal(IndicatorKind.Percentage, text.IndicatorKindNamed("відсоток"));
            Assert.Equal(BodyKind.StateBody, text.BodyKindNamed("Державний орган"));
            Assert.Equal(TermKind.AnnualInQuarter, text.TermKindNamed("щорічно в кварталі"));
            Assert.Equal(BudgetScope.Plan, text.ScopeNamed("план"));
            Assert.Null(text.SourceNamed("Local budget"));
            Assert.Null(text.SourceNamed(""));
            Assert.Equal(("ВСЬОГО ЗА НАПРЯМОМ:", "ВСЬОГО ЗА ПІДСУМКОМ:", "Разом", "за згодою"),
                (text.Document.DirectionTotal, text.Document.GrandTotal, text.Document.AllSources, text.Document.ByAgreement));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    [Fact]
    public void Typed_formulas_markup_and_control_characters_stay_plain_text()
    {
        const string formula = "=HYPERLINK(\"http://example.invalid\",\"Натисніть\")";
        const string script = "<script>alert(1)</script> & \"лапки\"";
        var measure = new MeasureView(1, 1, script + "\u0001\u000b", new TermView("+SUM(1,2)", TermKind.Ongoing),
            [new ResponsibleBodyRef(1, "@cmd|' /C calc'!A0", "cmd", true)],
            [new IndicatorView(1, "-2+3", IndicatorKind.Count, [])],
            new FundingView(null, [new FundingLineView(FundingSource.Local, 2020, 1234.5m)]));
        var plan = new PlanView(1, "Громада", null, formula, 2020, 2020, ReportingCadence.Quarterly,
            [new DirectionView(1, "=1+1", " Напрям ", [measure])]);
        List<BudgetAmount> totals = [new(FundingSource.Local, 2020, 1234.5m), new(FundingSource.Other, 2020, 0m)];
        var budget = new BudgetReport(1, [2020], [new DirectionBudget(1, "=1+1", " Напрям ", totals, [new YearAmount(2020, 1234.5m)], [])],
            totals, [new YearAmount(2020, 1234.5m)], [], []);

        using var stream = new MemoryStream();
        PlanXlsx.Write(stream, plan, budget, [new ResponsibleBodyView(1, "=cmd", "=cmd", ["=A1"], BodyKind.Official)], Words());
        using var book = Open(stream);

        var errors = new OpenXmlValidator().Validate(book.Document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.All(book.SheetNames, name => Assert.Empty(book.Part(name).Worksheet!.Descendants<CellFormula>()));
        var cells = book.Cells("План");
        Assert.Equal(CellValues.InlineString, cells[(1, 1)].DataType!.Value);
        Assert.Equal(formula, Text(cells, 1, 1));
        Assert.Equal(("=1+1", " Напрям "), (Text(cells, 4, 1), Text(cells, 4, 2)));
        Assert.Equal(script, Text(cells, 5, 2));
        Assert.Equal(("@cmd|' /C calc'!A0 (за згодою)", "+SUM(1,2)", "-2+3"), (Text(cells, 5, 3), Text(cells, 5, 4), Text(cells, 5, 5)));
        Assert.All(new[] { (1, 1), (4, 1), (5, 2), (5, 3), (5, 4), (5, 5) }, p => Assert.Equal(CellValues.InlineString, cells[p].DataType!.Value));
        Assert.Equal(1234.5m, Number(cells, 5, 7));
    }

    [Fact]
    public void A_text_longer_than_a_cell_holds_is_cut_whole_and_lone_surrogates_are_dropped()
    {
        // The cut falls between the two halves of the emoji: the workbook keeps neither half rather than an invalid one.
        var content = new string('а', 32766) + "\U0001F600" + " хвіст";
        var measure = new MeasureView(1, 1, content, new TermView("Щорічно", TermKind.Annual),
            [new ResponsibleBodyRef(1, "Відділ\uD800 освіти", "освіта", false)], [],
            new FundingView(null, [new FundingLineView(FundingSource.Local, 2020, 1m)]));
        var plan = new PlanView(1, "Громада", null, "План", 2020, 2020, ReportingCadence.Quarterly, [new DirectionView(1, "I", "Напрям", [measure])]);
        List<BudgetAmount> totals = [new(FundingSource.Local, 2020, 1m), new(FundingSource.Other, 2020, 0m)];
        var budget = new BudgetReport(1, [2020], [new DirectionBudget(1, "I", "Напрям", totals, [new YearAmount(2020, 1m)], [])],
            totals, [new YearAmount(2020, 1m)], [], []);

        using var stream = new MemoryStream();
        PlanXlsx.Write(stream, plan, budget, [], Words());
        using var book = Open(stream);

        var errors = new OpenXmlValidator().Validate(book.Document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var cells = book.Cells("План");
        Assert.Equal(new string('а', 32766), Text(cells, 5, 2));
        Assert.Equal("Відділ освіти", Text(cells, 5, 3));
    }
}
