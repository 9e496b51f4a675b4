using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Dashboard;
using Kreminna1325.Core.Exchange;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Editing;
using Kreminna1325.Web;
using Kreminna1325.Web.Exchange;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Kreminna1325.Tests.Exchange;

/// <summary>The annual report against the dashboard and against the reports entered by hand in the fixture.</summary>
public class AnnualReportTests(AnnualReportFixture f) : IClassFixture<AnnualReportFixture>
{
    private Task<AnnualReport?> ReportAsync() => f.Service.GetAsync(f.Executive, f.PlanId, 2021);

    private static AnnualMeasure Measure(AnnualReport report, string number) =>
        report.Directions.SelectMany(d => d.Measures).Single(m => m.Number == number);

    [Fact]
    public async Task Its_2021_figures_are_the_dashboards_for_2021()
    {
        var figures = (await f.Dashboard.GetAsync(f.Executive, new DashboardFilter(f.PlanId, 2021)))!;
        var report = (await ReportAsync())!;
        var s = report.Summary;
        var measures = report.Directions.SelectMany(d => d.Measures).ToList();

        Assert.Equal(2021, figures.Year);
        Assert.Equal((28, 28), (s.Measures, figures.Implementation.Sum(r => r.Measures)));
        // I.1 done (Q2 approved), I.4 in progress (its latest approved, Q2), III.5 not done, the rest not started.
        Assert.Equal((1, 1, 1, 25), (s.ByStatus[ImplementationStatus.Done], s.ByStatus[ImplementationStatus.InProgress],
            s.ByStatus[ImplementationStatus.NotDone], s.ByStatus[ImplementationStatus.NotStarted]));
        Assert.Equal((figures.Implementation.Sum(r => r.Done), figures.Implementation.Sum(r => r.InProgress), figures.Implementation.Sum(r => r.NotDone)),
            (s.ByStatus[ImplementationStatus.Done], s.ByStatus[ImplementationStatus.InProgress], s.ByStatus[ImplementationStatus.NotDone]));
        foreach (var status in Enum.GetValues<ImplementationStatus>())
        {
            Assert.Equal(s.ByStatus[status], measures.Count(m => m.Status == status));
        }

        Assert.Equal(
            (figures.Implementation.Sum(r => r.DueReports), figures.Implementation.Sum(r => r.Submitted), figures.Implementation.Sum(r => r.Approved),
                figures.Implementation.Sum(r => r.Overdue), figures.Implementation.Sum(r => r.Returned)),
            (s.DueReports, s.Submitted, s.Approved, s.Overdue, s.Returned));
        Assert.Equal((5, 1), (s.Approved, s.Returned));
        Assert.Equal(1, s.Submitted); // the one waiting for review: the five approved are not "submitted" too

        foreach (var source in Enum.GetValues<FundingSource>())
        {
            var money = s.Budget.Single(b => b.Source == source);
            Assert.Equal(figures.Budget.Where(b => b.Source == source).Sum(b => b.Planned), money.Planned);
            Assert.Equal(figures.Budget.Where(b => b.Source == source).Sum(b => b.Spent), money.Spent);
            // The measures' own sections add up to the same money.
            Assert.Equal(money.Planned, measures.SelectMany(m => m.Money).Where(x => x.Source == source).Sum(x => x.Planned));
            Assert.Equal(money.Spent, measures.SelectMany(m => m.Money).Where(x => x.Source == source).Sum(x => x.Spent));
        }

        Assert.Equal(figures.PlanBudget.GrandTotal(2021), s.Planned);
        Assert.Equal(5.0m, s.Spent); // I.4: 3,0 + 2,0 approved; the submitted 9,0 is not counted

        Assert.Equal((figures.Reach.Sum(r => r.Women), figures.Reach.Sum(r => r.Men)), (s.Women, s.Men));
        Assert.Equal((29, 21, 58.0m), (s.Women, s.Men, s.WomenShare!.Value));
        Assert.Equal(figures.Today, report.Made);
    }

    [Fact]
    public async Task Only_approved_reports_are_in_it()
    {
        var report = (await ReportAsync())!;

        var training = Measure(report, "I.4");
        Assert.Equal([AnnualReportFixture.Script, AnnualReportFixture.Formula], training.Narratives.Select(n => n.Narrative));
        Assert.Equal(5.0m, training.Money.Single(m => m.Source == FundingSource.Other).Spent);
        Assert.Equal([AnnualReportFixture.EvidenceName], training.Evidence);
        var media = Measure(report, "III.5");
        Assert.Equal(["Тренінг для ЗМІ не відбувся."], media.Narratives.Select(n => n.Narrative));
        Assert.Equal("Тренер не зміг приїхати.", media.Narratives.Single().NotDoneReason);
        Assert.DoesNotContain(report.Directions.SelectMany(d => d.Measures).SelectMany(m => m.Narratives),
            n => n.Narrative is AnnualReportFixture.SubmittedOnly or AnnualReportFixture.ReturnedOnly);
    }

    [Fact]
    public async Task The_annex_lists_exactly_the_measures_without_an_approved_report()
    {
        var report = (await ReportAsync())!;

        var all = report.Directions.SelectMany(d => d.Measures).Select(m => m.Number).ToList();
        Assert.Equal(all.Except(["I.1", "I.4", "III.5"]), report.Unreported.Select(m => m.Number));
        Assert.Equal(25, report.Unreported.Count);
    }

    [Fact]
    public async Task Counts_are_summed_over_the_year_and_yes_no_is_the_latest()
    {
        var report = (await ReportAsync())!;

        var training = Measure(report, "I.4");
        var people = training.Indicators.Single(i => i.Kind == IndicatorKind.Count && i.Breakdowns.Count > 0);
        Assert.Equal((40m, 2), (people.Number!.Value, people.Periods));
        var sex = people.Breakdowns.Single(b => b.Dimension == Disaggregation.Sex);
        Assert.False(sex.Overlapping);
        Assert.Equal([("women", 25), ("men", 15)], sex.Cells.Select(c => (c.Category, c.Count)));
        Assert.Equal(2m, training.Indicators.First(i => i.Kind == IndicatorKind.Count && i.Breakdowns.Count == 0).Number);
        Assert.Equal(["Гімназія № 2"], training.Indicators.Single(i => i.Kind == IndicatorKind.List).Entries);

        var council = Measure(report, "I.1");
        var presence = council.Indicators.First(i => i.Kind == IndicatorKind.Presence);
        Assert.Equal((true, 2), (presence.Present!.Value, presence.Periods));
        Assert.DoesNotContain(Measure(report, "I.2").Indicators, i => i.HasValue);
    }

    [Fact]
    public async Task Is_refused_to_officials_and_asks_for_a_year_of_the_plan()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Service.GetAsync(f.CentreOfficial, f.PlanId, 2021));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => f.Service.GetAsync(f.Staff, f.PlanId, 2030));
        Assert.Null(await f.Service.GetAsync(f.Staff, 999_999, 2021));
    }

    [Fact]
    public async Task The_word_report_is_valid_and_keeps_typed_text_as_text()
    {
        using var _ = new CultureScope("uk-UA");
        var report = (await ReportAsync())!;
        var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
        var l = services.GetRequiredService<IStringLocalizer<SharedResource>>();

        using var stream = new MemoryStream();
        AnnualReportDocx.Write(stream, report, AnnualReportApi.Text(l));
        stream.Position = 0;
        using var document = WordprocessingDocument.Open(stream, false);

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var body = document.MainDocumentPart!.Document!.Body!;
        var texts = body.Descendants<Text>().Select(t => t.Text).ToList();
        Assert.Contains(AnnualReportFixture.Script, texts);
        Assert.Contains(AnnualReportFixture.Formula, texts);
        Assert.Empty(body.Descendants<SimpleField>());
        Assert.Empty(body.Descendants<FieldCode>());
        var all = body.InnerText;
        Assert.DoesNotContain(AnnualReportFixture.SubmittedOnly, all);
        Assert.DoesNotContain(AnnualReportFixture.ReturnedOnly, all);
        Assert.Contains("Звіт про моніторинг виконання плану за 2021 рік", all);
        Assert.Contains("Дата складання: 15.07.2022", all);
        Assert.Contains("лише з затверджених звітів", all);
        Assert.Contains(AnnualReportFixture.EvidenceName, all);
        Assert.Contains("Додаток. Заходи без затвердженого звіту за 2021 рік", all);
        Assert.Contains("58 %", all); // the share of women, the Ukrainian way
        Assert.Contains("5,0", all);
    }

    [Fact]
    public async Task The_word_reports_headings_are_words_outline_parts_directions_and_measures()
    {
        using var _ = new CultureScope("uk-UA");
        var report = (await ReportAsync())!;
        var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
        using var stream = new MemoryStream();
        AnnualReportDocx.Write(stream, report, AnnualReportApi.Text(services.GetRequiredService<IStringLocalizer<SharedResource>>()));
        stream.Position = 0;
        using var document = WordprocessingDocument.Open(stream, false);

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var outline = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>()
            .Where(s => s.StyleParagraphProperties?.OutlineLevel?.Val is not null)
            .ToDictionary(s => s.StyleId!.Value!, s => s.StyleParagraphProperties!.OutlineLevel!.Val!.Value + 1);
        var headings = document.MainDocumentPart.Document!.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is { } id && outline.ContainsKey(id))
            .Select(p => (Level: outline[p.ParagraphProperties!.ParagraphStyleId!.Val!.Value!], Text: p.InnerText))
            .ToList();

        Assert.Equal(["Підсумки 2021 року", "Виконання заходів за напрямами", "Додаток. Заходи без затвердженого звіту за 2021 рік"],
            headings.Where(h => h.Level == 1).Select(h => h.Text));
        Assert.Equal(report.Directions.Count, headings.Count(h => h.Level == 2 && report.Directions.Any(d => h.Text == $"{d.Number}. {d.Title}")));
        Assert.Equal(report.Directions.SelectMany(d => d.Measures).Select(m => $"{m.Number}. {m.Content}"),
            headings.Where(h => h.Level == 3).Select(h => h.Text));
    }
}
