using FluentValidation;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Tests.Editing;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Monitoring;

/// <summary>
/// Sex, age group and place of residence are partitions and add up to the total; vulnerability
/// categories overlap (a displaced woman with a disability is in both): each is at most the total,
/// "none of these" shares nobody with another category, and they are never forced to a sum.
/// </summary>
public class OverlappingBreakdownTests(ReportingFixture f) : IClassFixture<ReportingFixture>
{
    private const string VulnerabilityKey = "Breakdown.VulnerabilityCategory";

    /// <summary>IV.7, support: a count of people asked for by all four breakdowns.</summary>
    private async Task<(ReportForm Form, ValueForm People, int Index)> OpenAsync(int sequence, int year = 2021)
    {
        var period = await f.PeriodAsync("IV", 7, year, sequence);
        var form = (await f.Reports.LoadAsync(f.Staff, period))!.Form;
        var people = form.Values.Single(v => v.Requested.Count == 4);
        return (form, people, form.Values.IndexOf(people));
    }

    /// <summary>Ten people: 7 women, 3 men; all 18–34; 6 in the city, 4 in villages; every vulnerability cell 0.</summary>
    private static void CountTen(ValueForm people)
    {
        people.Number = 10;
        foreach (var cells in people.Breakdown.Values)
        {
            foreach (var category in cells.Keys.ToList())
            {
                cells[category] = 0;
            }
        }

        people.Breakdown[Disaggregation.Sex]["women"] = 7;
        people.Breakdown[Disaggregation.Sex]["men"] = 3;
        people.Breakdown[Disaggregation.Age]["18-34"] = 10;
        people.Breakdown[Disaggregation.PlaceOfResidence]["city"] = 6;
        people.Breakdown[Disaggregation.PlaceOfResidence]["villages"] = 4;
    }

    /// <summary>Everything else a submission needs, whatever the indicators' kinds.</summary>
    private static void Complete(ReportForm form)
    {
        form.Implementation = ImplementationStatus.Done;
        form.Narrative = "Надано підтримку постраждалим особам.";
        foreach (var v in form.Values.Where(v => v.Number is null && v.Present is null))
        {
            switch (v.Kind)
            {
                case IndicatorKind.Count: v.Number = 0; break;
                case IndicatorKind.Percentage: v.Number = 50; break;
                case IndicatorKind.Presence: v.Present = false; break;
                case IndicatorKind.List: v.Entries = ["ЦСССДМ"]; break;
                default: v.Text = "Опис."; break;
            }
        }
    }

    private async Task<IReadOnlyList<(string Category, int Count)>> StoredVulnerabilityAsync(int periodId)
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var rows = await db.ValueBreakdowns.AsNoTracking()
            .Where(b => b.IndicatorValue.Report.PeriodId == periodId && b.Dimension == Disaggregation.VulnerabilityCategory && b.Count > 0)
            .OrderBy(b => b.Category).Select(b => new { b.Category, b.Count }).ToListAsync();
        return [.. rows.Select(r => (r.Category, r.Count))];
    }

    [Fact]
    public void Sex_age_and_residence_are_partitions_and_vulnerability_categories_overlap_with_none_of_these()
    {
        Assert.Equal(
            [(Disaggregation.Sex, false), (Disaggregation.Age, false), (Disaggregation.VulnerabilityCategory, true), (Disaggregation.PlaceOfResidence, false)],
            Breakdowns.Dimensions.Select(d => (d.Dimension, d.Overlapping)));
        Assert.All(Enum.GetValues<Disaggregation>(), d => Assert.NotEqual(Breakdowns.IsPartition(d), Breakdowns.Overlaps(d)));
        Assert.Equal(Breakdowns.None, Breakdowns.Categories[Disaggregation.VulnerabilityCategory][^1]);
    }

    [Fact]
    public async Task Overlapping_vulnerability_counts_are_saved_and_submitted_as_counted()
    {
        var (form, people, _) = await OpenAsync(1);
        CountTen(people);

        // Six displaced, four with a disability, three older: some are in two or three categories, two in none.
        var vulnerable = people.Breakdown[Disaggregation.VulnerabilityCategory];
        (vulnerable["idp"], vulnerable["disability"], vulnerable["older"], vulnerable[Breakdowns.None]) = (6, 4, 3, 2);
        Assert.Equal(15, vulnerable.Values.Sum());

        var draft = await f.Reports.SaveDraftAsync(f.CentreOfficial, form);
        Assert.True(draft.Saved, draft.Message + string.Join(" ", draft.Errors.SelectMany(e => e.Value)));
        Complete(draft.Current!);
        var submitted = await f.Reports.SubmitAsync(f.CentreOfficial, draft.Current!);
        Assert.True(submitted.Saved, submitted.Message + string.Join(" ", submitted.Errors.SelectMany(e => e.Value)));

        Assert.Equal([("disability", 4), ("idp", 6), (Breakdowns.None, 2), ("older", 3)], await StoredVulnerabilityAsync(form.PeriodId));
    }

    [Fact]
    public async Task A_vulnerability_category_larger_than_the_total_is_refused_at_its_breakdown()
    {
        using var _ = new CultureScope("uk-UA");
        var (form, people, index) = await OpenAsync(2);
        CountTen(people);
        people.Breakdown[Disaggregation.VulnerabilityCategory]["idp"] = 11;

        var result = await f.Reports.SaveDraftAsync(f.CentreOfficial, form);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal(
            ["Розбивка за категорією вразливості: у категорії вказано 11, а всього — 10. Одна людина може бути в кількох категоріях, але жодна категорія не більша за загальну кількість."],
            result.Errors[$"Values[{index}].{VulnerabilityKey}"]);
        Assert.Empty(await StoredVulnerabilityAsync(form.PeriodId));

        // Exactly the total is fine: everyone reached was displaced.
        people.Breakdown[Disaggregation.VulnerabilityCategory]["idp"] = 10;
        Assert.True((await f.Reports.SaveDraftAsync(f.CentreOfficial, form)).Saved);
        Assert.Equal([("idp", 10)], await StoredVulnerabilityAsync(form.PeriodId));
    }

    [Fact]
    public async Task None_of_these_shares_nobody_with_another_category()
    {
        using var _ = new CultureScope("uk-UA");
        var (form, people, index) = await OpenAsync(3);
        CountTen(people);
        var vulnerable = people.Breakdown[Disaggregation.VulnerabilityCategory];
        (vulnerable["idp"], vulnerable["hiv"], vulnerable[Breakdowns.None]) = (6, 1, 5);

        var result = await f.Reports.SaveDraftAsync(f.CentreOfficial, form);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal(
            ["Розбивка за категорією вразливості: «не належать до цих категорій» (5) разом із найбільшою категорією (6) більше, ніж усього (10): хто не належить до жодної категорії, не може бути в іншій."],
            result.Errors[$"Values[{index}].{VulnerabilityKey}"]);

        vulnerable[Breakdowns.None] = 4;
        Assert.True((await f.Reports.SaveDraftAsync(f.CentreOfficial, form)).Saved);
    }

    [Theory]
    [InlineData(Disaggregation.Sex, "women", "Розбивка за статтю дає 9, а всього вказано 10: суми мають збігатися.")]
    [InlineData(Disaggregation.Age, "18-34", "Розбивка за віком дає 9, а всього вказано 10: суми мають збігатися.")]
    [InlineData(Disaggregation.PlaceOfResidence, "city", "Розбивка за місцем проживання дає 9, а всього вказано 10: суми мають збігатися.")]
    public async Task Partitions_must_still_add_up_to_the_total(Disaggregation dimension, string category, string message)
    {
        using var _ = new CultureScope("uk-UA");
        var (form, people, index) = await OpenAsync(4);
        CountTen(people);
        people.Breakdown[dimension][category]--;

        var result = await f.Reports.SaveDraftAsync(f.CentreOfficial, form);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal([message], result.Errors[$"Values[{index}].Breakdown.{dimension}"]);
        Assert.DoesNotContain($"Values[{index}].{VulnerabilityKey}", result.Errors.Keys);
    }

    [Fact]
    public async Task Counts_entered_when_vulnerability_had_to_add_up_stay_valid()
    {
        // What the old rule forced: the vulnerability cells, "none of these" included, summing to the total.
        var (form, people, _) = await OpenAsync(1, year: 2022);
        CountTen(people);
        var vulnerable = people.Breakdown[Disaggregation.VulnerabilityCategory];
        (vulnerable["idp"], vulnerable["veterans"], vulnerable[Breakdowns.None]) = (3, 2, 5);
        Complete(form);

        var submitted = await f.Reports.SubmitAsync(f.CentreOfficial, form);

        Assert.True(submitted.Saved, submitted.Message + string.Join(" ", submitted.Errors.SelectMany(e => e.Value)));
        var reloaded = (await f.Reports.LoadAsync(f.Staff, form.PeriodId))!.Form;
        IValidator<ReportForm> validator = new ReportFormValidator();
        Assert.Empty((await validator.ValidateAsync(reloaded, o => o.IncludeRuleSets(ReportFormValidator.Submit).IncludeRulesNotInRuleSet())).Errors);
    }
}
