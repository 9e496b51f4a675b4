using Kreminna1325.Core.Exchange;
using Kreminna1325.Core.Plans;

namespace Kreminna1325.Tests.Exchange;

public class DownloadNamesTests
{
    private static readonly PlanView Plan = new(1, "Кремінська міська рада", null, "План", 2020, 2022, ReportingCadence.Quarterly, []);

    [Fact]
    public void Names_say_the_community_what_the_file_is_and_its_years()
    {
        var names = new DownloadNames(null);

        Assert.Equal("kreminna-plan-2020-2022.docx", names.Plan(Plan, "docx"));
        Assert.Equal("kreminna-plan-2020-2022.xlsx", names.Plan(Plan, "xlsx"));
        Assert.Equal("kreminna-annual-report-2021.docx", names.AnnualReport(2021));
        Assert.Equal("kreminna-open-data-2020-2022.zip", names.OpenData(Plan, null, "zip"));
        Assert.Equal("kreminna-open-data-2020-2022-results.csv", names.OpenData(Plan, "results", "csv"));
        Assert.Equal("kreminna-plan-template.xlsx", names.Template("xlsx"));
    }

    [Theory]
    [InlineData("Svatove", "svatove")]
    [InlineData("  Rubizhne Hromada ", "rubizhne-hromada")]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("a\"; filename=evil.exe", "a-filename-evil-exe")]
    [InlineData("Кремінна", "kreminna")]
    [InlineData("Щастя", "shchastia")]
    [InlineData("Новоайдар", "novoaidar")]
    [InlineData("Згурівка", "zghurivka")]
    [InlineData("Ярмолинці", "yarmolyntsi")]
    [InlineData("Їжакевич", "yizhakevych")]
    [InlineData("Знам'янка", "znamianka")]
    [InlineData("Біла Церква", "bila-tserkva")]
    [InlineData("", "kreminna")]
    public void The_community_setting_can_only_give_latin_letters_digits_and_hyphens(string setting, string expected) =>
        Assert.Equal(expected, new DownloadNames(setting).Community);
}
