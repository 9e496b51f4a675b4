using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Exchange;
using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Api;
using static Kreminna1325.Tests.Exchange.XlsxBook;

namespace Kreminna1325.Tests.Exchange;

/// <summary>The plan's workbook as a person downloads it and a spreadsheet reads it, checked against the budget report.</summary>
public class PlanXlsxTests(OpenDataApiFixture fixture) : IClassFixture<OpenDataApiFixture>
{
    private static readonly string[] Sources = ["Місцевий бюджет", "Інші кошти"];
    private readonly HttpClient client = fixture.Factory.CreateClient();

    private async Task<XlsxBook> DownloadAsync()
    {
        using var response = await client.GetAsync($"/api/plans/{fixture.PlanId}/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = new MemoryStream();
        await response.Content.CopyToAsync(bytes);
        bytes.Position = 0;
        return new XlsxBook(bytes);
    }

    private async Task<BudgetReport> BudgetAsync() => (await new BudgetReportService(fixture.DbFactory).GetAsync(fixture.PlanId))!;

    [Fact]
    public async Task Is_a_valid_workbook_with_the_five_sheets()
    {
        using var book = await DownloadAsync();

        var errors = new OpenXmlValidator().Validate(book.Document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal(["План", "Бюджет", "Звірка", "Показники", "Довідники"], book.SheetNames);
    }

    [Fact]
    public async Task Answers_with_the_spreadsheet_type_and_a_name_for_people()
    {
        using var response = await client.GetAsync($"/api/plans/{fixture.PlanId}/export.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PlanSheet.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("kreminna-plan-2020-2022.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Theory]
    [InlineData("999999", HttpStatusCode.NotFound)]
    [InlineData("0", HttpStatusCode.NotFound)]
    [InlineData("abc", HttpStatusCode.BadRequest)]
    [InlineData("1.5", HttpStatusCode.BadRequest)]
    public async Task Unknown_and_malformed_ids_answer_problem_json(string id, HttpStatusCode status)
    {
        using var response = await client.GetAsync($"/api/plans/{id}/export.xlsx");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Has_the_councils_headings_frozen_with_an_autofilter_and_no_merged_cells()
    {
        using var book = await DownloadAsync();
        var cells = book.Cells("План");
        var worksheet = book.Part("План").Worksheet!;

        Assert.StartsWith("Міський план заходів щодо реалізації Національного плану дій", Text(cells, 1, 1));
        Assert.Equal(
            ["№", "Зміст заходу", "Відповідальний за виконання", "Термін виконання", "Показники виконання", "Джерела фінансування",
             "Прогнозний обсяг фінансування, тис. грн, у т.ч. за роками"],
            Enumerable.Range(1, 7).Select(c => Text(cells, 2, c)));
        Assert.Equal(["2020", "2021", "2022"], Enumerable.Range(7, 3).Select(c => Text(cells, 3, c)));
        var pane = worksheet.Descendants<Pane>().Single();
        Assert.Equal((PaneStateValues.Frozen, 3d, "A4"), (pane.State!.Value, pane.VerticalSplit!.Value, pane.TopLeftCell!.Value));
        Assert.StartsWith("A3:I", worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
        Assert.All(book.SheetNames, name => Assert.Empty(book.Part(name).Worksheet!.Descendants<MergeCells>()));
        var widths = worksheet.GetFirstChild<Columns>()!.Elements<Column>().ToList();
        Assert.Equal(9, widths.Count);
        Assert.All(widths, w => Assert.True(w.Width!.Value >= 6));
        Assert.True(book.Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>()
            .ElementAt((int)cells[(5, 2)].StyleIndex!.Value).Alignment!.WrapText!.Value);

        // The first measure's text runs to several lines; its row is tall enough to show them where nothing recalculates heights.
        var firstMeasure = worksheet.Descendants<Row>().Single(r => r.RowIndex!.Value == 5);
        Assert.True(firstMeasure.CustomHeight!.Value && firstMeasure.Height!.Value >= 4 * 12.75, $"{firstMeasure.Height?.Value}");
    }

    [Fact]
    public async Task Every_amount_is_a_number_in_the_amount_format_never_text()
    {
        using var book = await DownloadAsync();
        var amounts = new List<Cell>();
        amounts.AddRange(book.Cells("План").Where(c => c.Key.Row >= PlanSheet.FirstDataRow && c.Key.Column >= PlanSheet.FirstYearColumn).Select(c => c.Value));
        amounts.AddRange(book.Cells("Бюджет").Where(c => c.Key.Row > 1 && c.Key.Column >= PlanSheet.BudgetFirstYearColumn).Select(c => c.Value));
        amounts.AddRange(book.Cells("Звірка").Where(c => c.Key.Row > 1 && c.Key.Column >= PlanSheet.ReconciliationPrintedColumn).Select(c => c.Value));

        var written = amounts.Where(c => c.CellValue is not null || c.InlineString is not null).ToList();
        Assert.True(written.Count > 100);
        Assert.All(written, cell =>
        {
            Assert.Null(cell.DataType);
            Assert.Null(cell.InlineString);
            Assert.Null(cell.CellFormula);
            Assert.Equal(PlanSheet.AmountFormat, book.NumberFormat(cell));
        });
    }

    [Fact]
    public async Task Lists_the_28_measures_with_their_numbers_under_their_directions()
    {
        using var book = await DownloadAsync();
        var cells = book.Cells("План");
        var plan = (await new PlanQueries(fixture.DbFactory).GetAsync(fixture.PlanId))!;
        var last = cells.Keys.Max(k => k.Row);

        var found = new List<(string Direction, List<(int Number, string? Content)> Measures)>();
        for (var row = PlanSheet.FirstDataRow; row <= last; row++)
        {
            var a = cells.GetValueOrDefault((row, 1));
            if (a?.DataType?.Value == CellValues.InlineString)
            {
                found.Add(($"{Text(a)}. {Text(cells, row, 2)}", []));
            }
            else if (Number(cells, row, 1) is { } number)
            {
                found[^1].Measures.Add(((int)number, Text(cells, row, 2)));
            }
        }

        Assert.Equal(28, found.Sum(d => d.Measures.Count));
        Assert.Equal(plan.Directions.Select(d => $"{d.Number}. {d.Title}"), found.Select(d => d.Direction));
        Assert.Equal(plan.Directions.Select(d => d.Measures.Select(m => (m.Number, (string?)m.Content)).ToList()), found.Select(d => d.Measures));
    }

    [Fact]
    public async Task A_measure_with_two_sources_has_a_further_funding_row_and_bodies_by_agreement_say_so()
    {
        using var book = await DownloadAsync();
        var cells = book.Cells("План");
        var plan = (await new PlanQueries(fixture.DbFactory).GetAsync(fixture.PlanId))!;
        var measures = plan.Directions.SelectMany(d => d.Measures).ToList();
        var rows = cells.Keys.Where(k => k.Column == 1 && k.Row >= PlanSheet.FirstDataRow && cells[k].CellValue is not null)
            .Select(k => k.Row).Order().ToList();

        Assert.Equal(measures.Count, rows.Count);
        foreach (var (measure, row) in measures.Zip(rows))
        {
            Assert.Equal(string.Join("\n", measure.ResponsibleBodies.Select(b => b.ByAgreement ? $"{b.Name} (за згодою)" : b.Name)), Text(cells, row, 3));
            Assert.Equal(measure.Term.Text, Text(cells, row, 4));
            Assert.Equal(string.Join("\n", measure.Indicators.Select(i => i.Text)), Text(cells, row, 5));
            var sources = measure.Funding.Lines.Select(l => l.Source).Distinct().Order().ToList();
            for (var s = 0; s < sources.Count; s++)
            {
                var line = row + s + (measure.Funding.Note is null ? 0 : 1);
                Assert.Equal(Sources[(int)sources[s]], Text(cells, line, PlanSheet.SourceColumn));
                for (var y = 0; y < 3; y++)
                {
                    var amount = measure.Funding.Lines.FirstOrDefault(l => l.Source == sources[s] && l.Year == 2020 + y)?.Amount;
                    Assert.Equal(amount, Number(cells, line, PlanSheet.FirstYearColumn + y));
                }
            }
        }

        Assert.Contains(measures, m => m.Funding.Lines.Select(l => l.Source).Distinct().Count() == 2);
        Assert.Contains(measures, m => m.ResponsibleBodies.Any(b => b.ByAgreement));
    }

    [Fact]
    public async Task Total_blocks_hold_the_computed_totals_and_the_budget_sheet_equals_the_budget_report()
    {
        using var book = await DownloadAsync();
        var budget = await BudgetAsync();
        var plan = book.Cells("План");
        var sheet = book.Cells("Бюджет");

        void AssertBlock(Dictionary<(int, int), Cell> cells, int first, int sourceColumn, int yearColumn,
            IReadOnlyList<BudgetAmount> totals, IReadOnlyList<YearAmount> all, IReadOnlyList<BudgetAmount>? printed)
        {
            Assert.Equal([.. Sources, "Разом"], Enumerable.Range(first, 3).Select(r => Text(cells, r, sourceColumn)));
            for (var y = 0; y < budget.Years.Count; y++)
            {
                foreach (var source in Enum.GetValues<FundingSource>())
                {
                    var computed = totals.Single(t => t.Source == source && t.Year == budget.Years[y]).Amount;
                    // On the council's table a zero total the document did not print stays empty, as in the document.
                    var unprinted = printed is not null && !printed.Any(p => p.Source == source && p.Year == budget.Years[y]);
                    Assert.Equal(computed == 0 && unprinted ? null : computed, Number(cells, first + (int)source, yearColumn + y));
                }

                Assert.Equal(all.Single(t => t.Year == budget.Years[y]).Amount, Number(cells, first + 2, yearColumn + y));
            }
        }

        var planBlocks = plan.Where(c => c.Key.Column == 2 && Text(c.Value) == "ВСЬОГО ЗА НАПРЯМОМ:").Select(c => c.Key.Row)
            .Order().Where((r, i) => i % 3 == 0).ToList();
        var grand = plan.Where(c => c.Key.Column == 2 && Text(c.Value) == "ВСЬОГО ЗА ПІДСУМКОМ:").Min(c => c.Key.Row);
        Assert.Equal(budget.Directions.Count, planBlocks.Count);
        foreach (var (direction, first) in budget.Directions.Zip(planBlocks))
        {
            AssertBlock(plan, first, PlanSheet.SourceColumn, PlanSheet.FirstYearColumn, direction.Totals, direction.AllSources, direction.PrintedTotals);
        }

        AssertBlock(plan, grand, PlanSheet.SourceColumn, PlanSheet.FirstYearColumn, budget.Totals, budget.GrandTotals, budget.PrintedTotals);

        Assert.Equal(["Напрям", "Назва напряму", "Джерела фінансування", "2020", "2021", "2022"], Enumerable.Range(1, 6).Select(c => Text(sheet, 1, c)));
        for (var d = 0; d < budget.Directions.Count; d++)
        {
            var first = 2 + 3 * d;
            Assert.Equal(budget.Directions[d].Number, Text(sheet, first, PlanSheet.BudgetDirectionColumn));
            AssertBlock(sheet, first, PlanSheet.BudgetSourceColumn, PlanSheet.BudgetFirstYearColumn, budget.Directions[d].Totals, budget.Directions[d].AllSources, printed: null);
        }

        var planRow = 2 + 3 * budget.Directions.Count;
        Assert.Equal("ВСЬОГО ЗА ПІДСУМКОМ:", Text(sheet, planRow, PlanSheet.BudgetTitleColumn));
        AssertBlock(sheet, planRow, PlanSheet.BudgetSourceColumn, PlanSheet.BudgetFirstYearColumn, budget.Totals, budget.GrandTotals, printed: null);
        Assert.Equal(planRow + 2, sheet.Keys.Max(k => k.Row));
    }

    [Fact]
    public async Task The_reconciliation_sheet_holds_the_budget_reports_mismatches()
    {
        using var book = await DownloadAsync();
        var budget = await BudgetAsync();
        var cells = book.Cells("Звірка");

        var rows = Enumerable.Range(2, cells.Keys.Max(k => k.Row) - 1).Select(r => (
            Level: Text(cells, r, PlanSheet.ReconciliationLevelColumn),
            Direction: Text(cells, r, PlanSheet.ReconciliationDirectionColumn),
            Source: Text(cells, r, PlanSheet.ReconciliationSourceColumn),
            Year: (int)Number(cells, r, PlanSheet.ReconciliationYearColumn)!.Value,
            Printed: Number(cells, r, PlanSheet.ReconciliationPrintedColumn),
            Computed: Number(cells, r, PlanSheet.ReconciliationComputedColumn),
            Difference: Number(cells, r, PlanSheet.ReconciliationDifferenceColumn))).ToList();

        Assert.Equal(
            budget.Mismatches.Select(m => (m.Scope == BudgetScope.Plan ? "план" : "напрям", m.Direction ?? "", Sources[(int)m.Source], m.Year,
                m.Printed, (decimal?)m.Computed, (decimal?)(m.Computed - (m.Printed ?? 0)))),
            rows.Select(r => (r.Level!, r.Direction ?? "", r.Source!, r.Year, r.Printed, r.Computed, r.Difference)));
        Assert.Equal(
            [("напрям", "III", "Місцевий бюджет", 2022, 2.0m, 3.0m), ("план", "", "Місцевий бюджет", 2022, 92.0m, 93.0m)],
            rows.Select(r => (r.Level!, r.Direction ?? "", r.Source!, r.Year, r.Printed!.Value, r.Computed!.Value)));
    }

    [Fact]
    public async Task Lists_each_indicators_kind_and_breakdowns_and_the_plans_bodies_with_their_aliases()
    {
        using var book = await DownloadAsync();
        var plan = (await new PlanQueries(fixture.DbFactory).GetAsync(fixture.PlanId))!;
        var indicators = book.Cells("Показники");
        var registry = book.Cells("Довідники");

        var expected = plan.Directions.SelectMany(d => d.Measures.SelectMany(m => m.Indicators.Select((i, p) =>
            $"{d.Number}|{m.Number}|{p + 1}|{i.Text}|{i.Kind}|{string.Join(",", i.Disaggregations)}")));
        var kinds = Enum.GetValues<IndicatorKind>().ToDictionary(k => new[] { "кількість", "наявність", "відсоток", "перелік", "текст" }[(int)k]);
        var breakdowns = new[] { "за статтю", "за віком", "за категорією вразливості", "за місцем проживання" };
        var written = Enumerable.Range(2, indicators.Keys.Max(k => k.Row) - 1).Select(r =>
            $"{Text(indicators, r, 1)}|{Number(indicators, r, 2)}|{Number(indicators, r, 3)}|{Text(indicators, r, 4)}|{kinds[Text(indicators, r, 5)!]}|" +
            string.Join(",", (Text(indicators, r, 6) ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(w => (Disaggregation)Array.IndexOf(breakdowns, w))));
        Assert.Equal(expected, written);

        var bodies = (await new PlanQueries(fixture.DbFactory).ListBodiesAsync())
            .Where(b => plan.Directions.SelectMany(d => d.Measures).SelectMany(m => m.ResponsibleBodies).Any(r => r.Id == b.Id)).ToList();
        Assert.Equal(bodies.Select(b => (b.Name, b.ShortName, string.Join("\n", b.Aliases))),
            Enumerable.Range(2, bodies.Count).Select(r => (Text(registry, r, 1)!, Text(registry, r, 2)!, Text(registry, r, 4) ?? "")));
        Assert.Contains(bodies, b => b.Aliases.Count > 0);
        Assert.Equal(["щоквартально", "постійно", "постійно, за окремим графіком", "щорічно", "щорічно в кварталі", "щорічно в певні місяці"],
            Enumerable.Range(2, 6).Select(r => Text(registry, r, PlanSheet.TermKindColumn)));
        Assert.All(Enumerable.Range(2, 6), r => Assert.True(TermParser.TryParse(Text(registry, r, PlanSheet.TermExampleColumn), out var term)
            && term.Kind == (TermKind)(r - 2)));
    }
}
