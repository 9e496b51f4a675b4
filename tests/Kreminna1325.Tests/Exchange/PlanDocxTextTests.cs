using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Exchange;
using Kreminna1325.Core.Plans;

namespace Kreminna1325.Tests.Exchange;

/// <summary>Whatever people typed into the plan reaches the Word document as text, and the document stays valid.</summary>
public class PlanDocxTextTests
{
    private static readonly PlanDocxText Text = new(
        "№", "Зміст", "Відповідальний", "Термін", "Показники", "Джерела", "Обсяг", "ВСЬОГО ЗА НАПРЯМОМ:", "ВСЬОГО ЗА ПІДСУМКОМ:", "Разом",
        "за згодою", "з розбивкою", "Примітка", s => s.ToString(), n => n.ToString(), d => d.ToString(),
        c => $"Розбіжності ({c}):", m => $"{m.Source} {m.Year}", a => a.ToString("#,##0.0#", CultureInfo.GetCultureInfo("uk-UA")));

    [Fact]
    public void Typed_markup_control_characters_and_line_breaks_stay_text_in_a_valid_document()
    {
        const string hostile = "<w:p>&amp; \"лапки\"\u0001\u000b рядок\nдругий \U0001F600";
        var measure = new MeasureView(1, 1, hostile, new TermView("Постійно\u0007", TermKind.Ongoing),
            [new ResponsibleBodyRef(1, "Орган <b>", "Орган", true)],
            [new IndicatorView(1, "Показник\u001f", IndicatorKind.Count, [Disaggregation.Sex])],
            new FundingView(null, [new FundingLineView(FundingSource.Local, 2020, 1234.5m)]));
        var plan = new PlanView(1, "Громада", null, "План <&>", 2020, 2020, ReportingCadence.Quarterly,
            [new DirectionView(1, "I", "Напрям", [measure])]);
        var budget = new BudgetReport(1, [2020],
            [new DirectionBudget(1, "I", "Напрям", [new BudgetAmount(FundingSource.Local, 2020, 1234.5m)], [new YearAmount(2020, 1234.5m)], [])],
            [new BudgetAmount(FundingSource.Local, 2020, 1234.5m)], [new YearAmount(2020, 1234.5m)], [], []);

        using var stream = new MemoryStream();
        PlanDocx.Write(stream, plan, budget, Text);
        stream.Position = 0;
        using var document = WordprocessingDocument.Open(stream, false);

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.Equal("План <&>", body.Elements<Paragraph>().First().InnerText);
        var cells = body.Elements<Table>().Single().Elements<TableRow>().ElementAt(3).Elements<TableCell>().ToList();
        Assert.Equal("<w:p>&amp; \"лапки\" рядокдругий \U0001F600", cells[1].InnerText);
        Assert.Single(cells[1].Descendants<Break>());
        Assert.Equal("Орган <b> (за згодою)", cells[2].InnerText);
        Assert.Equal("Показник (з розбивкою: Sex)", cells[4].InnerText);
        Assert.Equal("1 234,5", cells[6].InnerText.Replace('\u00a0', ' '));
    }
}
