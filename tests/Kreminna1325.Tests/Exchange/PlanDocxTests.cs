using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Api;
using Kreminna1325.Tests.Infrastructure;

namespace Kreminna1325.Tests.Exchange;

/// <summary>The Word plan as the council's clerk opens it: downloaded from the endpoint, read back with the Open XML SDK.</summary>
public partial class PlanDocxTests(OpenDataApiFixture fixture) : IClassFixture<OpenDataApiFixture>
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("uk-UA");
    private readonly HttpClient client = fixture.Factory.CreateClient();

    private async Task<MemoryStream> DownloadAsync()
    {
        using var response = await client.GetAsync($"/api/plans/{fixture.PlanId}/export.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = new MemoryStream();
        await response.Content.CopyToAsync(bytes);
        bytes.Position = 0;
        return bytes;
    }

    private static Table TableOf(WordprocessingDocument document) =>
        Assert.Single(document.MainDocumentPart!.Document!.Body!.Elements<Table>());

    private static string TextOf(TableCell cell) => string.Join("\n", cell.Elements<Paragraph>().Select(p => p.InnerText));

    private static decimal AmountOf(TableCell cell) => decimal.Parse(TextOf(cell).Replace("*", "").Trim(), NumberStyles.Number, Uk);

    private Task<BudgetReport?> BudgetAsync() => new BudgetReportService(fixture.DbFactory).GetAsync(fixture.PlanId);

    [Fact]
    public async Task Is_a_valid_word_document()
    {
        using var document = WordprocessingDocument.Open(await DownloadAsync(), false);

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Answers_with_the_word_type_and_a_name_for_people()
    {
        using var response = await client.GetAsync($"/api/plans/{fixture.PlanId}/export.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("kreminna-plan-2020-2022.docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Theory]
    [InlineData("999999", HttpStatusCode.NotFound)]
    [InlineData("0", HttpStatusCode.NotFound)]
    [InlineData("abc", HttpStatusCode.BadRequest)]
    [InlineData("1.5", HttpStatusCode.BadRequest)]
    public async Task Unknown_and_malformed_ids_answer_problem_json(string id, HttpStatusCode status)
    {
        using var response = await client.GetAsync($"/api/plans/{id}/export.docx");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Is_the_councils_ukrainian_document_whatever_language_the_visitor_reads()
    {
        // A server of its own, so no copy cached by another test can answer in its place.
        await using var factory = new KreminnaWebFactory(fixture.ConnectionString);
        using var english = factory.CreateClient();
        english.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        Assert.Contains("Planned funding", await english.GetStringAsync("/"));

        using var response = await english.GetAsync($"/api/plans/{fixture.PlanId}/export.docx");
        using var document = WordprocessingDocument.Open(await response.Content.ReadAsStreamAsync(), false);

        var rows = TableOf(document).Elements<TableRow>().ToList();
        Assert.Equal("Зміст заходу", TextOf(rows[0].Elements<TableCell>().ElementAt(1)));
        Assert.Contains(rows, r => TextOf(r.Elements<TableCell>().First()) == "ВСЬОГО ЗА ПІДСУМКОМ:");
    }

    [Fact]
    public async Task Is_an_a4_landscape_page_with_the_plans_title()
    {
        using var document = WordprocessingDocument.Open(await DownloadAsync(), false);
        var body = document.MainDocumentPart!.Document!.Body!;

        var size = body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        Assert.Equal(PageOrientationValues.Landscape, size.Orient!.Value);
        Assert.Equal((16838u, 11906u), (size.Width!.Value, size.Height!.Value));
        Assert.StartsWith("Міський план заходів щодо реалізації Національного плану дій", body.Elements<Paragraph>().First().InnerText);
    }

    [Fact]
    public async Task Has_the_councils_nine_columns_under_headings_that_repeat()
    {
        using var document = WordprocessingDocument.Open(await DownloadAsync(), false);
        var table = TableOf(document);
        var rows = table.Elements<TableRow>().ToList();

        Assert.Equal(9, table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count());
        Assert.Equal(
            ["№", "Зміст заходу", "Відповідальний за виконання", "Термін виконання", "Показники виконання", "Джерела фінансування",
             "Прогнозний обсяг фінансування, тис. грн, у т.ч. за роками"],
            rows[0].Elements<TableCell>().Select(TextOf));
        Assert.Equal(["2020", "2021", "2022"], rows[1].Elements<TableCell>().Skip(6).Select(TextOf));
        Assert.All(rows.Take(2), r => Assert.NotNull(r.TableRowProperties!.GetFirstChild<TableHeader>()));
        Assert.All(rows.Skip(2), r => Assert.Null(r.TableRowProperties!.GetFirstChild<TableHeader>()));
        Assert.All(rows, r => Assert.NotNull(r.TableRowProperties!.GetFirstChild<CantSplit>()));
    }

    [Fact]
    public async Task Numbers_the_28_measures_as_the_plan_does_under_their_directions()
    {
        using var document = WordprocessingDocument.Open(await DownloadAsync(), false);
        var plan = (await new PlanQueries(fixture.DbFactory).GetAsync(fixture.PlanId))!;

        // Each direction heading row, then the numbers of the measures under it.
        var numbers = new List<(string Direction, List<int> Measures)>();
        foreach (var row in TableOf(document).Elements<TableRow>().Skip(2))
        {
            var cells = row.Elements<TableCell>().ToList();
            if (cells.Count == 1)
            {
                numbers.Add((TextOf(cells[0]), []));
                Assert.NotNull(cells[0].GetFirstChild<Paragraph>()!.ParagraphProperties!.KeepNext);
            }
            else if (MeasureNumber().Match(TextOf(cells[0])) is { Success: true } m)
            {
                numbers[^1].Measures.Add(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        }

        Assert.Equal(28, numbers.Sum(d => d.Measures.Count));
        Assert.Equal(plan.Directions.Select(d => $"{d.Number}. {d.Title}"), numbers.Select(d => d.Direction));
        Assert.Equal(plan.Directions.Select(d => d.Measures.Select(m => m.Number).ToList()), numbers.Select(d => d.Measures));
    }

    [Fact]
    public async Task Prints_bodies_by_agreement_indicators_as_a_list_and_a_line_per_source()
    {
        using var document = WordprocessingDocument.Open(await DownloadAsync(), false);
        var plan = (await new PlanQueries(fixture.DbFactory).GetAsync(fixture.PlanId))!;
        var rows = TableOf(document).Elements<TableRow>()
            .Select(r => r.Elements<TableCell>().ToList())
            .Where(c => c.Count == 9 && MeasureNumber().IsMatch(TextOf(c[0])))
            .ToList();
        var measures = plan.Directions.SelectMany(d => d.Measures).ToList();

        foreach (var (measure, cells) in measures.Zip(rows))
        {
            Assert.Equal(measure.Content, TextOf(cells[1]));
            Assert.Equal(
                measure.ResponsibleBodies.Select(b => b.ByAgreement ? $"{b.Name} (за згодою)" : b.Name),
                cells[2].Elements<Paragraph>().Select(p => p.InnerText));
            var indicators = cells[4].Elements<Paragraph>().ToList();
            Assert.Equal(measure.Indicators.Count, indicators.Count);
            Assert.All(indicators, p => Assert.NotNull(p.ParagraphProperties?.NumberingProperties));
            var sources = measure.Funding.Lines.Select(l => l.Source).Distinct().Count();
            Assert.All(cells.Skip(6), c => Assert.Equal(Math.Max(sources, 1), c.Elements<Paragraph>().Count()));
        }

        Assert.Contains(measures, m => m.ResponsibleBodies.Any(b => b.ByAgreement));
        Assert.Contains(measures, m => m.Funding.Lines.Select(l => l.Source).Distinct().Count() == 2);
    }

    [Fact]
    public async Task Direction_and_grand_totals_are_the_budget_reports()
    {
        using var document = WordprocessingDocument.Open(await DownloadAsync(), false);
        var budget = (await BudgetAsync())!;
        var rows = TableOf(document).Elements<TableRow>().Select(r => r.Elements<TableCell>().ToList()).ToList();
        var directionBlocks = rows.Select((c, i) => (c, i)).Where(x => TextOf(x.c[0]) == "ВСЬОГО ЗА НАПРЯМОМ:").Select(x => x.i).ToList();
        var grand = Assert.Single(rows.Select((c, i) => (c, i)), x => TextOf(x.c[0]) == "ВСЬОГО ЗА ПІДСУМКОМ:").i;

        void AssertBlock(int first, IReadOnlyList<BudgetAmount> totals, IReadOnlyList<YearAmount> all)
        {
            var (local, other, sum) = (rows[first], rows[first + 1], rows[first + 2]);
            Assert.Equal(["Місцевий бюджет", "Інші кошти", "Разом"], new[] { local[1], other[1], sum[1] }.Select(TextOf));
            for (var y = 0; y < budget.Years.Count; y++)
            {
                Assert.Equal(totals.Single(t => t.Source == FundingSource.Local && t.Year == budget.Years[y]).Amount, AmountOf(local[2 + y]));
                Assert.Equal(totals.Single(t => t.Source == FundingSource.Other && t.Year == budget.Years[y]).Amount, AmountOf(other[2 + y]));
                Assert.Equal(all.Single(t => t.Year == budget.Years[y]).Amount, AmountOf(sum[2 + y]));
            }
        }

        Assert.Equal(budget.Directions.Count, directionBlocks.Count);
        foreach (var (direction, first) in budget.Directions.Zip(directionBlocks))
        {
            AssertBlock(first, direction.Totals, direction.AllSources);
        }

        AssertBlock(grand, budget.Totals, budget.GrandTotals);
        Assert.Equal("93,0 *", TextOf(rows[grand][4]));
        Assert.Equal("82,0", TextOf(rows[grand][3]));
    }

    [Fact]
    public async Task Notes_each_printed_total_that_differs_under_the_table()
    {
        using var document = WordprocessingDocument.Open(await DownloadAsync(), false);
        var body = document.MainDocumentPart!.Document!.Body!;

        var notes = body.Elements<Table>().Single().ElementsAfter().OfType<Paragraph>().Select(p => p.InnerText).ToList();

        Assert.Contains("Підсумки, надруковані в документі, не збігаються з обчисленими (2):", notes);
        Assert.Contains("* напрям III, Місцевий бюджет, 2022 рік: у документі 2,0, обчислено 3,0 тис. грн", notes);
        Assert.Contains("* всього за планом, Місцевий бюджет, 2022 рік: у документі 92,0, обчислено 93,0 тис. грн", notes);
        Assert.Equal(2, notes.Count(n => n.StartsWith("* ", StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"^(\d+)\.$")]
    private static partial Regex MeasureNumber();
}
