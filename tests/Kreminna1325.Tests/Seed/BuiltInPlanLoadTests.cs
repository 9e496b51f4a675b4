using Kreminna1325.Core.Data;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Seed;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Seed;

/// <summary>The built-in plan must hold exactly what the council's document holds.</summary>
public class BuiltInPlanLoadTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private async Task<Measure> MeasureAsync(AppDbContext db, string direction, int number) =>
        await db.Measures
            .Include(m => m.Indicators)
            .Include(m => m.FundingLines)
            .Include(m => m.ResponsibleBodies).ThenInclude(r => r.ResponsibleBody)
            .SingleAsync(m => m.Direction.PlanId == database.PlanId && m.Direction.Number == direction && m.Number == number);

    [Fact]
    public async Task Holds_the_documents_directions_measures_and_lines()
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();
        var plan = await db.Plans.SingleAsync(p => p.Id == database.PlanId);
        var directions = await db.Directions.Where(d => d.PlanId == plan.Id).OrderBy(d => d.Order)
            .Select(d => new { d.Number, d.Title, Measures = d.Measures.Count })
            .ToListAsync();

        Assert.Equal("Кремінська міська рада", plan.Municipality);
        Assert.Equal((2020, 2022), (plan.StartYear, plan.EndYear));
        Assert.Equal(["I", "II", "III", "IV", "V"], directions.Select(d => d.Number));
        Assert.Equal([9, 4, 5, 7, 3], directions.Select(d => d.Measures));
        Assert.Equal("Участь жінок у встановленні миру", directions[1].Title);
        Assert.Equal(36, await db.FundingLines.CountAsync());
        Assert.Equal(75, await db.Indicators.CountAsync());
        Assert.Equal(21, await db.ResponsibleBodies.CountAsync());

        // Five directions and the plan, each with two sources over three years.
        Assert.Equal(36, await db.PrintedTotals.CountAsync(t => t.PlanId == plan.Id));
        Assert.Equal(6, await db.PrintedTotals.CountAsync(t => t.PlanId == plan.Id && t.DirectionId == null));
    }

    [Fact]
    public async Task Loading_again_changes_nothing()
    {
        async Task<int[]> CountsAsync()
        {
            await using var db = await database.DbFactory.CreateDbContextAsync();
            return
            [
                await db.Plans.CountAsync(), await db.Directions.CountAsync(), await db.Measures.CountAsync(),
                await db.ResponsibleBodies.CountAsync(), await db.MeasureResponsibleBodies.CountAsync(),
                await db.Indicators.CountAsync(), await db.FundingLines.CountAsync(), await db.PrintedTotals.CountAsync(),
            ];
        }

        var before = await CountsAsync();
        var loadedAgain = await database.CreateLoader().LoadIfEmptyAsync(BuiltInPlan.Read());

        Assert.Null(loadedAgain);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Terms_are_read_into_their_kinds()
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();
        var kinds = await db.Measures.GroupBy(m => m.Term.Kind).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);

        Assert.Equal(1, kinds[TermKind.Quarterly]);
        Assert.Equal(19, kinds[TermKind.Ongoing]);
        Assert.Equal(3, kinds[TermKind.OngoingScheduled]);
        Assert.Equal(3, kinds[TermKind.Annual]);
        Assert.Equal(1, kinds[TermKind.AnnualInQuarter]);
        Assert.Equal(1, kinds[TermKind.AnnualInMonths]);

        var campaign = await MeasureAsync(db, "III", 4);
        Assert.Equal("Листопад – грудень щороку", campaign.Term.Text);
        Assert.Equal((11, 12), (campaign.Term.FirstMonth, campaign.Term.LastMonth));
        Assert.Equal(1, (await MeasureAsync(db, "I", 6)).Term.Quarter);
    }

    [Fact]
    public async Task Funding_lines_and_notes_are_as_printed()
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();

        var support = await MeasureAsync(db, "IV", 7);
        Assert.Null(support.FundingNote);
        Assert.Equal(
            [(FundingSource.Local, 2020, 50.0m), (FundingSource.Local, 2021, 75.0m), (FundingSource.Local, 2022, 85.0m),
             (FundingSource.Other, 2020, 10.0m), (FundingSource.Other, 2021, 5.0m), (FundingSource.Other, 2022, 5.0m)],
            support.FundingLines.OrderBy(f => f.Source).ThenBy(f => f.Year).Select(f => (f.Source, f.Year, f.Amount)));

        var training = await MeasureAsync(db, "I", 4);
        Assert.Equal([7.0m, 5.0m, 5.0m], training.FundingLines.OrderBy(f => f.Year).Select(f => f.Amount));
        Assert.All(training.FundingLines, f => Assert.Equal(FundingSource.Other, f.Source));

        var referral = await MeasureAsync(db, "IV", 4);
        Assert.Equal(FundingNote.WithinMunicipalBudgets, referral.FundingNote);
        Assert.Empty(referral.FundingLines);

        Assert.Equal(FundingNote.NotRequired, (await MeasureAsync(db, "I", 1)).FundingNote);
        Assert.Equal(17, await db.Measures.CountAsync(m => m.FundingNote == FundingNote.NotRequired));
    }

    [Fact]
    public async Task Indicators_are_one_per_item_with_kind_and_breakdown()
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();

        var council = await MeasureAsync(db, "I", 1);
        Assert.Equal(
            [IndicatorKind.Presence, IndicatorKind.Count, IndicatorKind.Count],
            council.Indicators.OrderBy(i => i.Position).Select(i => i.Kind));
        Assert.Equal("Наявність щорічного плану роботи Координаційної ради", council.Indicators.Single(i => i.Position == 1).Text);

        var media = await MeasureAsync(db, "I", 9);
        var reach = media.Indicators.Single(i => i.Position == 2);
        Assert.Equal(
            [Disaggregation.Sex, Disaggregation.Age, Disaggregation.VulnerabilityCategory, Disaggregation.PlaceOfResidence],
            reach.Disaggregations);

        var training = await MeasureAsync(db, "I", 3);
        Assert.Equal(IndicatorKind.Percentage, training.Indicators.Single(i => i.Position == 3).Kind);

        var audit = await MeasureAsync(db, "I", 6);
        Assert.Equal(4, audit.Indicators.Count);
        Assert.Equal("Наявність звіту за результатами: аудиту доступності", audit.Indicators.Single(i => i.Position == 1).Text);

        var kinds = await db.Indicators.GroupBy(i => i.Kind).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.Equal(75, kinds.Values.Sum());
        Assert.True(kinds[IndicatorKind.Count] > 40, "most of the plan's indicators are counts");
        Assert.Equal(5, kinds[IndicatorKind.List]);
    }

    [Fact]
    public async Task Text_carries_no_html_debris()
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();
        var texts = await db.Measures.Select(m => m.Content).ToListAsync();
        texts.AddRange(await db.Indicators.Select(i => i.Text).ToListAsync());
        texts.AddRange(await db.ResponsibleBodies.Select(b => b.Name).ToListAsync());

        Assert.All(texts, t =>
        {
            Assert.DoesNotContain("<", t);
            Assert.DoesNotContain(">", t);
            Assert.DoesNotContain("  ", t);
            Assert.Equal(t.Trim(), t);
        });
        var training = await MeasureAsync(db, "I", 4);
        Assert.Contains("- усунення гендерних стереотипів та дискримінації; - протидії булінгу;", training.Content);
    }

    [Fact]
    public async Task Bodies_are_deduplicated_with_their_printed_variants()
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();
        var police = await db.ResponsibleBodies.SingleAsync(b => b.ShortName == "Кремінський відділ поліції");
        Assert.Contains("Кременській відділ поліції ГУ НП України в Луганській області", police.Aliases);
        Assert.Contains("Кремінський відділ поліції", police.Aliases);
        Assert.Equal(BodyKind.StateBody, police.Kind);

        // I.7, I.8, III.1, IV.4 name the police, spelled three ways.
        Assert.Equal(4, await db.MeasureResponsibleBodies.CountAsync(r => r.ResponsibleBodyId == police.Id));

        var centre = await db.ResponsibleBodies.SingleAsync(b => b.Name == "Центр гендерної рівності");
        var referral = await MeasureAsync(db, "IV", 4);
        Assert.Single(referral.ResponsibleBodies, r => r.ResponsibleBodyId == centre.Id);
        Assert.Equal(
            Enumerable.Range(1, referral.ResponsibleBodies.Count),
            referral.ResponsibleBodies.Select(r => r.Position).Order());

        var rda = await db.ResponsibleBodies.SingleAsync(b => b.ShortName == "Кремінська РДА");
        var help = await MeasureAsync(db, "I", 7);
        Assert.True(help.ResponsibleBodies.Single(r => r.ResponsibleBodyId == rda.Id).ByAgreement);
        Assert.False(help.ResponsibleBodies.Single(r => r.Position == 1).ByAgreement);
    }
}
