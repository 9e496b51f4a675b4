using System.Globalization;
using System.Text.Json;
using Kreminna1325.Core.Exchange;
using Kreminna1325.Core.Plans;

namespace Kreminna1325.Tests.Exchange;

/// <summary>
/// The open data's words come from Core's messages: a page shows them in the visitor's language, the
/// published datapackage.json is Ukrainian whoever asks for it (it goes to the national portal).
/// </summary>
public class OpenDataStringsTests
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("uk-UA");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    private static readonly PlanView Plan = new(1, "Громада", "Луганська область", "План", 2020, 2022, ReportingCadence.Quarterly, []);

    /// <summary>Every text of the package, by where it appears, as (label, text in a language).</summary>
    private static IEnumerable<(string Label, Func<CultureInfo, string> Text)> Texts()
    {
        foreach (var table in OpenDataService.Tables)
        {
            yield return ($"{table.Name} title", table.Title);
            yield return ($"{table.Name} description", table.Description);
            foreach (var field in table.Fields)
            {
                yield return ($"{table.Name}.{field.Name}", field.Description);
            }
        }

        foreach (var cadence in Enum.GetValues<ReportingCadence>())
        {
            yield return ($"update frequency {cadence}", l => OpenDataPackage.UpdateFrequency(cadence, l));
        }

        // The first keyword, "1325", is the same in every language.
        foreach (var i in new[] { 1, 2, 3 })
        {
            yield return ($"keyword {i}", l => OpenDataPackage.Keywords(l)[i]);
        }

        yield return ("package description", l => OpenDataPackage.Description(Plan, l));
    }

    [Fact]
    public void Every_table_field_and_package_text_has_a_ukrainian_and_a_different_english_wording()
    {
        var texts = Texts().ToList();

        Assert.Equal(OpenDataService.Tables.Sum(t => 2 + t.Fields.Count) + 3 + 3 + 1, texts.Count);
        Assert.All(texts, t =>
        {
            var (uk, en) = (t.Text(Uk), t.Text(En));
            Assert.False(string.IsNullOrWhiteSpace(uk), $"{t.Label}: no Ukrainian text");
            Assert.False(string.IsNullOrWhiteSpace(en), $"{t.Label}: no English text");
            Assert.DoesNotContain("OpenData.", uk, StringComparison.Ordinal); // a missing message answers its key
            Assert.NotEqual(uk, en);
            Assert.Matches("[а-яіїєґ]", uk);
        });
    }

    [Fact]
    public void Fields_of_the_same_name_share_a_description_unless_the_table_says_more()
    {
        var measureIds = OpenDataService.Tables.SelectMany(t => t.Fields).Where(f => f.Name == "measure_id").ToList();

        Assert.Equal(4, measureIds.Count);
        Assert.All(measureIds, f => Assert.Equal("Ідентифікатор заходу", f.Description(Uk)));
        Assert.Equal("Номер напряму (римськими цифрами)", OpenDataSets.Measures.Fields.Single(f => f.Name == "direction_number").Description(Uk));
        Assert.Equal("Номер напряму", OpenDataSets.Funding.Fields.Single(f => f.Name == "direction_number").Description(Uk));
        Assert.Equal("Рік звітного періоду", OpenDataResults.Table.Fields.Single(f => f.Name == "year").Description(Uk));
    }

    [Fact]
    public void The_datapackage_is_ukrainian_when_the_caller_reads_english()
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        JsonElement root;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = En;
            root = JsonSerializer.SerializeToElement(OpenDataPackage.Describe(Plan, new OpenDataContact(null, null), OpenDataService.Tables));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }

        Assert.Equal(
            "Місцевий план дій з виконання резолюції Ради Безпеки ООН 1325 «Жінки, мир, безпека» (Громада, 2020–2022): заходи, показники, "
            + "планове фінансування і затверджені результати моніторингу. Клітинки розподілу чутливих показників менше 5 осіб опубліковано як «<5».",
            root.GetProperty("description").GetString());
        Assert.Equal("щокварталу", root.GetProperty("updateFrequency").GetString());
        Assert.Equal(["1325", "жінки, мир, безпека", "гендерна рівність", "місцевий план дій"],
            root.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        var resources = root.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(["Заходи плану", "Показники виконання", "Планове фінансування", "Результати моніторингу"],
            resources.Select(r => r.GetProperty("title").GetString()));
        foreach (var (resource, table) in resources.Zip(OpenDataService.Tables))
        {
            Assert.Equal(table.Description(Uk), resource.GetProperty("description").GetString());
            Assert.Equal(table.Fields.Select(f => f.Description(Uk)),
                resource.GetProperty("schema").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("description").GetString()));
        }
    }
}
