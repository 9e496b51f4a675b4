using FluentValidation;
using Kreminna1325.Core.Communities;
using Kreminna1325.Tests.Editing;

namespace Kreminna1325.Tests.Communities;

/// <summary>KATOTTG codes: the shipped codifier list, and the rule a community's code must pass.</summary>
public class KatottgTests
{
    private const string Kreminska = "UA44120030000094047";
    private const string Luhanska = "UA44000000000018893";

    [Fact]
    public void Finds_Kreminna_and_its_oblast()
    {
        var kreminska = Katottg.Find(Kreminska);

        Assert.Equal(new KatottgUnit(Kreminska, "Кремінська", Luhanska, "Луганська"), kreminska);
        Assert.Equal(new KatottgUnit(Luhanska, "Луганська", Luhanska, "Луганська"), Katottg.Oblast(Luhanska));
        Assert.Equal(KatottgLevel.Community, Katottg.LevelOf(Kreminska));
        Assert.Equal(KatottgLevel.FirstLevel, Katottg.LevelOf(Luhanska));
    }

    [Fact]
    public void Finds_Rubizhne_in_the_same_oblast()
    {
        var rubizhanska = Katottg.Find("UA44120090000062828");

        Assert.NotNull(rubizhanska);
        Assert.Equal("Рубіжанська", rubizhanska.Name);
        Assert.Equal(Luhanska, rubizhanska.OblastCode);
    }

    [Fact]
    public void Ships_the_1469_communities_outside_Crimea_and_the_27_first_level_units()
    {
        Assert.Equal(1469, Katottg.Communities.Count);
        Assert.Equal(1469, Katottg.Communities.Select(c => c.Code).Distinct().Count());
        Assert.Equal(37, Katottg.Communities.Count(c => c.OblastCode == Luhanska));
        Assert.DoesNotContain(Katottg.Communities, c => c.Code.StartsWith("UA01", StringComparison.Ordinal));

        Assert.Equal(27, Katottg.FirstLevelUnits.Count);
        Assert.All(Katottg.FirstLevelUnits, u => Assert.Equal(KatottgLevel.FirstLevel, Katottg.LevelOf(u.Code)));

        // Every community's oblast is a first-level unit of the list, named as that unit is, and
        // shares the code's first two digits: the oblast was found by walking parents, not computed.
        Assert.All(Katottg.Communities, c =>
        {
            Assert.Equal(KatottgLevel.Community, Katottg.LevelOf(c.Code));
            var oblast = Katottg.Oblast(c.OblastCode);
            Assert.NotNull(oblast);
            Assert.Equal(oblast.Name, c.OblastName);
            Assert.Equal(c.Code[..4], c.OblastCode[..4]);
            Assert.False(string.IsNullOrWhiteSpace(c.Name));
        });
        Assert.Equal(new DateOnly(2025, 7, 2), Katottg.ValidOn);
    }

    [Fact]
    public void A_first_level_code_is_not_a_community_and_a_community_is_not_an_oblast()
    {
        Assert.Null(Katottg.Find(Luhanska));
        Assert.Null(Katottg.Oblast(Kreminska));
        Assert.Null(Katottg.Find(null));
        Assert.Null(Katottg.Oblast("UA44"));
    }

    [Theory]
    [InlineData("UA44120000000092852", KatottgLevel.Raion)]
    [InlineData("UA44120030010038707", KatottgLevel.Settlement)]
    [InlineData("UA80000000000126643", KatottgLevel.CityDistrict)]
    [InlineData("UA00120030000094047", null)]
    [InlineData("UA44000030000094047", null)]
    [InlineData("ua44120030000094047", null)]
    public void Reads_the_level_from_the_zeros(string code, KatottgLevel? level) =>
        Assert.Equal(level, Katottg.LevelOf(code));

    [Theory]
    [InlineData("UA4412003000009404")]
    [InlineData("UA441200300000940470")]
    [InlineData("ua44120030000094047")]
    [InlineData("UA44120030000094O47")]
    [InlineData("44120030000094047UA")]
    [InlineData("UA 44120030000094047")]
    [InlineData("UA４４120030000094047")]
    [InlineData("UA44120030000094047\n")]
    public void Rejects_a_badly_formed_code(string code)
    {
        Assert.False(Katottg.IsWellFormed(code));
        Assert.Null(Katottg.Find(code));
        using var _ = new CultureScope("uk-UA");
        Assert.Equal("Код КАТОТТГ — це «UA» і 17 цифр, наприклад UA44120030000094047.", Katottg.Problem(code));
    }

    [Fact]
    public void Normalizes_what_people_type() =>
        Assert.Equal(Kreminska, Katottg.Normalize(" ua44120030000094047\t"));

    [Fact]
    public void The_rule_names_what_is_wrong_in_Ukrainian_and_English()
    {
        var validator = new InlineValidator<Holder>();
        validator.RuleFor(h => h.Code).MustBeHromadaCode();

        using (new CultureScope("uk-UA"))
        {
            Assert.True(validator.Validate(new Holder(Kreminska)).IsValid);
            Assert.Equal("Вкажіть код громади за КАТОТТГ.", Single(validator, null));
            Assert.Equal("Вкажіть код громади за КАТОТТГ.", Single(validator, "  "));
            Assert.Equal("UA44120000000092852 — код району, а не територіальної громади.", Single(validator, "UA44120000000092852"));
            Assert.Equal("UA44120030010038707 — код населеного пункту, а не територіальної громади.", Single(validator, "UA44120030010038707"));
            Assert.Equal(
                "UA44000000000018893 — код області (або АР Крим, Києва, Севастополя), а не територіальної громади.",
                Single(validator, Luhanska));

            // Well formed, level H, a real oblast prefix, but a suffix the codifier does not have: only the list catches it.
            Assert.Equal(
                "Територіальної громади з кодом UA44120030000094048 немає в кодифікаторі КАТОТТГ (редакція від 02.07.2025).",
                Single(validator, "UA44120030000094048"));
        }

        using (new CultureScope("en-GB"))
        {
            Assert.Equal("UA44120000000092852 is the code of a raion, not of a territorial community.", Single(validator, "UA44120000000092852"));
            Assert.Equal("A KATOTTG code is \"UA\" and 17 digits, for example UA44120030000094047.", Single(validator, "UA-44"));
            Assert.StartsWith("There is no territorial community with the code UA44999990000012345 in the KATOTTG codifier", Single(validator, "UA44999990000012345"));
        }
    }

    [Fact]
    public void Crimea_councils_are_not_offered_as_communities()
    {
        // In the codifier (Андріївська, Бахчисарайський raion, ARC) but not formed as a community.
        Assert.Equal(KatottgLevel.Community, Katottg.LevelOf("UA01020010000048857"));
        Assert.Null(Katottg.Find("UA01020010000048857"));
        Assert.NotNull(Katottg.Oblast("UA01000000000013043"));
    }

    [Fact]
    public async Task Loads_once_for_readers_on_many_threads()
    {
        var found = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Katottg.Find(Kreminska))));
        Assert.All(found, f => Assert.Same(found[0], f));
    }

    private static string Single(InlineValidator<Holder> validator, string? code) =>
        Assert.Single(validator.Validate(new Holder(code)).Errors).ErrorMessage;

    public sealed record Holder(string? Code);
}
