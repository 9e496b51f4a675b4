using Kreminna1325.Core.Plans;

namespace Kreminna1325.Tests.Plans;

public class IndicatorWordingTests
{
    [Theory]
    [InlineData("кількість проведених засідань Координаційної ради", IndicatorKind.Count)]
    [InlineData("Кількість проведених навчальних заходів", IndicatorKind.Count)]
    [InlineData("наявність та кількість новостворених громадських організацій", IndicatorKind.Count)]
    [InlineData("Наявність гендерного профілю громади", IndicatorKind.Presence)]
    [InlineData("Найявний звіт щодо щорічне публічне обговорення", IndicatorKind.Presence)]
    [InlineData("Розроблена система перенаправлення постраждалих", IndicatorKind.Presence)]
    [InlineData("відсоток покращення доступу до послуг", IndicatorKind.Percentage)]
    [InlineData("перелік установ та організацій, залучених до навчальних заходів", IndicatorKind.List)]
    [InlineData("затверджених рекомендацій", IndicatorKind.Text)]
    public void Infers_the_kind_from_the_first_words(string text, IndicatorKind expected) =>
        Assert.Equal(expected, IndicatorWording.InferKind(text));

    [Fact]
    public void Full_breakdown_is_read_from_the_usual_phrase()
    {
        var result = IndicatorWording.InferDisaggregations(
            "кількість охоплених осіб з розбивкою за статтю, віком, категорією вразливості, місцем проживання", IndicatorKind.Count);

        Assert.Equal(
            [Disaggregation.Sex, Disaggregation.Age, Disaggregation.VulnerabilityCategory, Disaggregation.PlaceOfResidence],
            result);
    }

    [Theory]
    [InlineData("кількість залучених до навчання жінок та чоловіків (за гендерною складовою)")]
    [InlineData("кількість учасників, залучених до навчання (з урахуванням гендерної складової)")]
    [InlineData("кількість учасників (чоловіків та жінок), які пройшли навчання")]
    public void Women_and_men_mean_a_breakdown_by_sex(string text) =>
        Assert.Equal([Disaggregation.Sex], IndicatorWording.InferDisaggregations(text, IndicatorKind.Count));

    [Fact]
    public void A_gender_profile_is_not_a_breakdown_by_sex() =>
        Assert.Empty(IndicatorWording.InferDisaggregations(
            "кількість нормативних документів щодо внесення змін до гендерного профілю громади", IndicatorKind.Count));

    [Fact]
    public void Women_and_girls_only_are_broken_down_without_sex()
    {
        var result = IndicatorWording.InferDisaggregations(
            "кількість залучених дівчат та жінок (за віком, категорією вразливості, місця проживання)", IndicatorKind.Count);

        Assert.Equal([Disaggregation.Age, Disaggregation.VulnerabilityCategory, Disaggregation.PlaceOfResidence], result);
    }

    [Fact]
    public void Only_counts_are_broken_down() =>
        Assert.Empty(IndicatorWording.InferDisaggregations(
            "відсоток результатів щодо забезпеченню рівного доступу чоловіків і жінок до роботи", IndicatorKind.Percentage));
}
