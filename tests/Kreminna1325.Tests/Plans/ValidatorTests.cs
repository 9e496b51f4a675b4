using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Core.Validation;

namespace Kreminna1325.Tests.Plans;

/// <summary>The validators refuse what cannot be stored or would mislead, whether it comes from a form or the API.</summary>
public class ValidatorTests
{
    [Theory]
    [InlineData("Центр гендерної рівності", false, null)]
    [InlineData("Рядок\nі ще рядок\r\nз\tтабуляцією", true, null)]
    [InlineData("Рядок\nі ще", false, 5)]
    [InlineData("a\tb", false, 1)]
    [InlineData("NUL\0", true, 3)]
    [InlineData("\u0007дзвінок", true, 0)]
    [InlineData("DEL\u007F", true, 3)]
    [InlineData("C1\u0085", true, 2)]
    [InlineData("abc\u202Efed", true, 3)]
    [InlineData("\u202Aembed", true, 0)]
    [InlineData("iso\u2066late\u2069", true, 3)]
    [InlineData("emoji 👩‍⚕️ ok, and a right-to-left mark \u200F ok", false, null)]
    public void Typed_text_refuses_control_and_bidi_override_characters(string text, bool multiLine, int? forbiddenAt)
    {
        Assert.Equal(forbiddenAt, TypedTextRules.FirstForbidden(text, multiLine));
        Assert.Equal(forbiddenAt is null, TypedTextRules.Problem(text, 1000, multiLine) is null);
    }

    [Fact]
    public void Half_a_surrogate_pair_is_refused_and_a_whole_pair_is_not()
    {
        // Built here: the test runner would turn a lone surrogate in theory data into U+FFFD.
        Assert.Equal(5, TypedTextRules.FirstForbidden("half " + (char)0xD800 + " pair", multiLine: true));
        Assert.Equal(4, TypedTextRules.FirstForbidden("end " + (char)0xDC00, multiLine: true));
        Assert.Equal(3, TypedTextRules.FirstForbidden("end" + (char)0xD83D, multiLine: true));
        Assert.Null(TypedTextRules.FirstForbidden("pair " + (char)0xD83D + (char)0xDE00, multiLine: false));
    }

    [Fact]
    public void Typed_text_says_what_is_wrong()
    {
        Assert.Equal("Текст містить недопустимий символ U+202E (позиція 4): керівні символи та символи зміни напрямку письма не зберігаються.",
            TypedTextRules.Problem("abc\u202E", 10));
        Assert.Equal("Задовгий текст: не більше 3 символів (зараз 4).", TypedTextRules.Problem("abcd", 3));
        Assert.Null(TypedTextRules.Problem(null, 3));
    }

    private static MeasureForm ValidMeasure() => new()
    {
        Content = "Проведення навчань",
        Term = new TermForm { Text = "Листопад–грудень", Kind = TermKind.AnnualInMonths, FirstMonth = 11, LastMonth = 12 },
        ResponsibleBodies = [new ResponsibleForm { BodyId = 1 }],
        Indicators = [new IndicatorForm { Text = "Кількість", Kind = IndicatorKind.Count, Disaggregations = [Disaggregation.Sex] }],
        FundingLines = [new FundingLineForm { Source = FundingSource.Local, Year = 2021, Amount = 2.5m }],
        PlanStartYear = 2020,
        PlanEndYear = 2022,
    };

    private static IDictionary<string, string[]> Errors(MeasureForm form) => new MeasureFormValidator().Validate(form).ToDictionary();

    public static TheoryData<string, string> BadMeasures() => new()
    {
        { "reversed months", "Term.LastMonth" },
        { "disaggregation 99", "Indicators[0].Disaggregations" },
        { "disaggregation twice", "Indicators[0].Disaggregations" },
        { "indicator kind 99", "Indicators[0].Kind" },
        { "negative indicator id", "Indicators[0].Id" },
        { "same indicator twice", "Indicators" },
        { "101 indicators", "Indicators" },
        { "31 bodies", "ResponsibleBodies" },
        { "body 0", "ResponsibleBodies" },
        { "term kind 99", "Term.Kind" },
        { "source 5", "FundingLines[0].Source" },
        { "7 funding lines", "FundingLines" },
        { "year outside the plan", "FundingLines[0]" },
        { "amount beyond numeric(14,2)", "FundingLines[0].Amount" },
        { "bidi in the content", "Content" },
        { "tab in the term", "Term.Text" },
        { "NUL in an indicator", "Indicators[0].Text" },
        { "content too long", "Content" },
    };

    [Theory]
    [MemberData(nameof(BadMeasures))]
    public void A_measure_is_refused_at_the_field(string change, string field)
    {
        var form = ValidMeasure();
        Assert.Empty(Errors(form));
        var indicator = form.Indicators[0];
        switch (change)
        {
            case "reversed months": form.Term.FirstMonth = 12; form.Term.LastMonth = 1; break;
            case "disaggregation 99": indicator.Disaggregations = [(Disaggregation)99]; break;
            case "disaggregation twice": indicator.Disaggregations = [Disaggregation.Age, Disaggregation.Age]; break;
            case "indicator kind 99": indicator.Kind = (IndicatorKind)99; indicator.Disaggregations = []; break;
            case "negative indicator id": indicator.Id = -1; break;
            case "same indicator twice": indicator.Id = 7; form.Indicators.Add(new IndicatorForm { Id = 7, Text = "Ще раз" }); break;
            case "101 indicators": form.Indicators = [.. Enumerable.Range(0, 101).Select(i => new IndicatorForm { Text = $"№{i}" })]; break;
            case "31 bodies": form.ResponsibleBodies = [.. Enumerable.Range(1, 31).Select(i => new ResponsibleForm { BodyId = i })]; break;
            case "body 0": form.ResponsibleBodies[0].BodyId = 0; break;
            case "term kind 99": form.Term.Kind = (TermKind)99; break;
            case "source 5": form.FundingLines[0].Source = (FundingSource)5; break;
            case "7 funding lines": form.FundingLines = [.. Enumerable.Range(0, 7).Select(i => new FundingLineForm { Source = (FundingSource)(i % 2), Year = 2020 + i / 2 })]; break;
            case "year outside the plan": form.FundingLines[0].Year = 2035; break;
            case "amount beyond numeric(14,2)": form.FundingLines[0].Amount = 1e20m; break;
            case "bidi in the content": form.Content = "Проведення \u202Eнавчань"; break;
            case "tab in the term": form.Term.Text = "Листопад\tгрудень"; break;
            case "NUL in an indicator": indicator.Text = "Кількість\0"; break;
            case "content too long": form.Content = new string('x', Measure.ContentMaxLength + 1); break;
            default: throw new ArgumentOutOfRangeException(nameof(change));
        }

        Assert.Contains(field, Errors(form).Keys);
    }

    [Fact]
    public void A_reversed_month_range_is_not_read_as_a_term()
    {
        Assert.False(TermParser.TryParse("Грудень–січень", out _));
        Assert.True(TermParser.TryParse("Листопад-грудень щороку", out var term));
        Assert.Equal((11, 12), (term.FirstMonth, term.LastMonth));
    }

    [Fact]
    public void Every_other_validator_uses_the_same_text_rule()
    {
        const string hostile = "Назва\u202Eевлисп";
        Assert.Contains("Name", new BodyFormValidator().Validate(new BodyForm { Name = hostile, ShortName = "ok" }).ToDictionary().Keys);
        Assert.Contains("Aliases[0]", new BodyFormValidator().Validate(new BodyForm { Name = "ok", ShortName = "ok", Aliases = ["a\0"] }).ToDictionary().Keys);
        Assert.Contains("Title", new PlanFormValidator().Validate(new PlanForm { Municipality = "ok", Title = hostile, StartYear = 2020, EndYear = 2022 }).ToDictionary().Keys);
        Assert.Contains("FullName", new UserFormValidator().Validate(new UserForm { Email = "a@b.ua", FullName = hostile, Roles = [Roles.Executive] }).ToDictionary().Keys);
        Assert.Contains("Narrative", new ReportFormValidator().Validate(new ReportForm { Narrative = "Зроблено\0" }).ToDictionary().Keys);
        Assert.Null(new ReportFormValidator().Validate(new ReportForm { Narrative = "Зроблено:\n- тренінг\t(2 год)" }).ToDictionary().Keys.FirstOrDefault());
        Assert.NotNull(ReportFormValidator.CommentProblem("Виправте\u2067", "Report.CommentRequired"));
        Assert.NotNull(ReportFormValidator.CommentProblem(new string('x', Report.CommentMaxLength + 1), "Report.CommentRequired"));
        Assert.Null(ReportFormValidator.CommentProblem("Виправте суму.\nДякую.", "Report.CommentRequired"));
    }
}
