using Bunit;
using Kreminna1325.Core.Exchange;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Web;
using Kreminna1325.Web.Exchange;

namespace Kreminna1325.Tests.Components;

/// <summary>A measure's section on the annual report's page: typed text as text, numbers the Ukrainian way, overlapping categories never added up.</summary>
public sealed class AnnualReportMeasureTests : IAsyncLifetime
{
    private readonly BunitContext context = new();

    public AnnualReportMeasureTests()
    {
        BunitSetup.Prepare(context);
        BunitSetup.Ready(context);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => context.DisposeAsync().AsTask();

    [Fact]
    public void Typed_text_stays_text_and_overlapping_categories_are_not_summed()
    {
        var people = new AnnualIndicator(1, "кількість осіб <b>жирним</b>", IndicatorKind.Count, 2, 1234m, null, [], null,
        [
            new AnnualBreakdown(Disaggregation.Sex, false, [new AnnualCell("women", 700), new AnnualCell("men", 534)]),
            new AnnualBreakdown(Disaggregation.VulnerabilityCategory, true, [new AnnualCell("idp", 300), new AnnualCell("disability", 40), new AnnualCell("hiv", 0)]),
        ]);
        var measure = new AnnualMeasure(7, "I.4", "Навчання <img src=x onerror=alert(1)>", ImplementationStatus.InProgress,
            [new AnnualNarrative(PeriodKind.Quarter, 2021, 1, new DateOnly(2021, 1, 1), new DateOnly(2021, 3, 31), "<script>alert('x')</script>", null),
             new AnnualNarrative(PeriodKind.Quarter, 2021, 2, new DateOnly(2021, 4, 1), new DateOnly(2021, 6, 30), "=1+1", null)],
            [people], [new AnnualMoney(FundingSource.Other, 5.0m, 2.5m)], ["фото <1>.pdf"]);

        var section = context.Render<AnnualReportMeasure>(p => p.Add(c => c.Measure, measure));

        Assert.Empty(section.FindAll("script"));
        Assert.Empty(section.FindAll("img"));
        Assert.Empty(section.FindAll("b"));
        var narratives = section.FindAll(".narrative").Select(n => n.TextContent).ToList();
        Assert.Equal(["I квартал 2021: <script>alert('x')</script>", "II квартал 2021: =1+1"], narratives);
        Assert.Contains("Навчання <img src=x onerror=alert(1)>", section.Find("h4").TextContent);
        Assert.Equal(Format.Count(1234), section.Find("[data-value]").TextContent);
        Assert.Equal("1\u00a0234", section.Find("[data-value]").TextContent);
        var lines = section.FindAll(".breakdown").Select(b => b.TextContent).ToList();
        Assert.Equal("за статтю: жінки 700, чоловіки 534", lines[0]);
        Assert.Equal("за категорією вразливості (категорії перетинаються, їх не додають): ВПО 300, особи з інвалідністю 40", lines[1]);
        Assert.DoesNotContain("340", string.Join(" ", lines));
        Assert.Contains("2,5", section.Find(".annual-money").TextContent);
        Assert.Contains("50 %", section.Find(".annual-money").TextContent);
        Assert.Equal("фото <1>.pdf", section.Find(".evidence li").TextContent);
    }
}
