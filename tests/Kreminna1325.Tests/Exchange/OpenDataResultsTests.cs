using System.Net;
using Kreminna1325.Core.Exchange;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Infrastructure;
using Kreminna1325.Tests.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Exchange;

/// <summary>
/// Approved reports for Q1 2021 entered through the report services: IV.4 counts 12 survivors of violence
/// served (9 women, 3 men), I.4 counts 6 trainees (4 women, 2 men); IV.4's Q2 is submitted, not approved.
/// </summary>
public sealed class OpenDataResultsFixture : ReportingFixture
{
    public KreminnaWebFactory Factory { get; private set; } = null!;
    public int SurvivorsIndicator { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var db = await DbFactory.CreateDbContextAsync())
        {
            // Staff ask for the survivors served by sex and age, as the editor lets them.
            var survivors = await db.Indicators.SingleAsync(i => i.Text.StartsWith("кількість постраждалих осіб від гендерно-зумовленого"));
            survivors.Disaggregations = [Disaggregation.Sex, Disaggregation.Age];
            await db.SaveChangesAsync();
            SurvivorsIndicator = survivors.Id;
        }

        await EnterAsync("IV", 4, 1, approve: true, (9, 3), [3, 5, 4, 0]);
        await EnterAsync("IV", 4, 2, approve: false, (1, 1), [0, 2, 0, 0]);
        await EnterAsync("I", 4, 1, approve: true, (4, 2), null);
        Factory = new KreminnaWebFactory(ConnectionString);
    }

    public override async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await base.DisposeAsync();
    }

    private async Task EnterAsync(string direction, int number, int quarter, bool approve, (int Women, int Men) people, int[]? ages)
    {
        var form = (await Reports.LoadAsync(Staff, await PeriodAsync(direction, number, 2021, quarter)))!.Form;
        form.Implementation = ImplementationStatus.InProgress;
        form.Narrative = "Звіт для перевірки відкритих даних.";
        foreach (var v in form.Values)
        {
            switch (v.Kind)
            {
                case IndicatorKind.Count when v.Requested.Contains(Disaggregation.Sex):
                    v.Number = people.Women + people.Men;
                    v.Breakdown[Disaggregation.Sex]["women"] = people.Women;
                    v.Breakdown[Disaggregation.Sex]["men"] = people.Men;
                    if (ages is not null && v.Requested.Contains(Disaggregation.Age))
                    {
                        foreach (var (category, count) in Breakdowns.Categories[Disaggregation.Age].Zip(ages))
                        {
                            v.Breakdown[Disaggregation.Age][category] = count;
                        }
                    }

                    break;
                case IndicatorKind.Count:
                    v.Number = 2;
                    break;
                case IndicatorKind.Presence:
                    v.Present = true;
                    v.DocumentReference = "Рішення виконкому № 12";
                    break;
                case IndicatorKind.List:
                    v.Entries = ["Гімназія № 1", "ЦСССДМ"];
                    break;
            }
        }

        var submitted = await Reports.SubmitAsync(CentreOfficial, form);
        Assert.True(submitted.Saved, submitted.Message);
        if (approve)
        {
            var approved = await Reports.ApproveAsync(Staff, submitted.Current!.ReportId, submitted.Current.Version);
            Assert.True(approved.Saved, approved.Message);
        }
    }
}

public class OpenDataResultsTests(OpenDataResultsFixture f) : IClassFixture<OpenDataResultsFixture>
{
    private async Task<(string[] Header, List<string[]> Rows)> GetResultsAsync()
    {
        using var response = await f.Factory.CreateClient().GetAsync($"/api/plans/{f.PlanId}/open-data/results.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return OpenDataTests.Parse(await response.Content.ReadAsByteArrayAsync());
    }

    private static Dictionary<string, string> Cells(string[] header, List<string[]> rows, int indicator, string period) => rows
        .Where(r => r[Array.IndexOf(header, "indicator_id")] == indicator.ToString(System.Globalization.CultureInfo.InvariantCulture)
            && r[Array.IndexOf(header, "period_start")] == period)
        .ToDictionary(r => $"{r[Array.IndexOf(header, "dimension")]}:{r[Array.IndexOf(header, "category")]}", r => r[Array.IndexOf(header, "value")]);

    [Fact]
    public async Task Results_parse_back_with_the_header_of_their_schema_and_hold_approved_reports_only()
    {
        var (header, rows) = await GetResultsAsync();

        Assert.Equal(OpenDataResults.Table.Fields.Select(x => x.Name), header);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("2021-01-01", r[Array.IndexOf(header, "period_start")]));
        Assert.Equal(["I", "IV"], rows.Select(r => r[Array.IndexOf(header, "direction_number")]).Distinct());
    }

    [Fact]
    public async Task A_count_of_3_survivors_is_published_as_less_than_5_and_the_total_stays()
    {
        var (header, rows) = await GetResultsAsync();

        var survivors = Cells(header, rows, f.SurvivorsIndicator, "2021-01-01");
        Assert.Equal("12", survivors["total:"]);
        Assert.Equal("9", survivors["sex:women"]);
        Assert.Equal("<5", survivors["sex:men"]);
        Assert.Equal("<5", survivors["age:under18"]);
        Assert.Equal("5", survivors["age:18-34"]);
        Assert.Equal("<5", survivors["age:35-59"]);
        Assert.Equal("<5", survivors["age:60plus"]);
    }

    [Fact]
    public async Task The_zips_results_are_the_csvs_small_numbers_hidden_too()
    {
        var client = f.Factory.CreateClient();
        var csv = await client.GetByteArrayAsync($"/api/plans/{f.PlanId}/open-data/results.csv");
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await client.GetByteArrayAsync($"/api/plans/{f.PlanId}/open-data.zip")));
        using var entry = new MemoryStream();
        await using (var stream = zip.GetEntry("results.csv")!.Open())
        {
            await stream.CopyToAsync(entry);
        }

        Assert.Equal(csv, entry.ToArray());
        var (header, rows) = OpenDataTests.Parse(entry.ToArray());
        Assert.Equal("<5", Cells(header, rows, f.SurvivorsIndicator, "2021-01-01")["sex:men"]);
    }

    [Fact]
    public async Task Small_numbers_of_an_indicator_about_nothing_sensitive_are_published()
    {
        var (header, rows) = await GetResultsAsync();
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var trainees = await db.Indicators
            .Where(i => i.Measure.Direction.Number == "I" && i.Measure.Number == 4 && i.Kind == IndicatorKind.Count && i.Disaggregations.Count > 0)
            .Select(i => i.Id).SingleAsync();

        var cells = Cells(header, rows, trainees, "2021-01-01");
        Assert.Equal(("6", "4", "2"), (cells["total:"], cells["sex:women"], cells["sex:men"]));
    }

    [Theory]
    [InlineData("Кількість жінок, які пережили насильство", false)]
    [InlineData("кількість постраждалих від конфлікту", false)]
    [InlineData("Кількість проведених навчальних заходів", false)]
    [InlineData("Кількість осіб за категоріями вразливості", true)]
    public void An_indicator_is_sensitive_when_about_violence_survivors_or_vulnerability(string text, bool byVulnerability)
    {
        var requested = byVulnerability ? new[] { Disaggregation.Sex, Disaggregation.VulnerabilityCategory } : [Disaggregation.Sex];
        var sensitive = SmallNumbers.IsSensitive(text, requested);

        Assert.Equal(!text.StartsWith("Кількість проведених", StringComparison.Ordinal), sensitive);
        Assert.Equal(sensitive ? "<5" : "3", SmallNumbers.Cell(sensitive, Disaggregation.Sex, 3));
        Assert.Equal("7", SmallNumbers.Cell(sensitive, Disaggregation.Sex, 7));
        Assert.Equal("<5", SmallNumbers.Cell(false, Disaggregation.VulnerabilityCategory, 4));
    }
}
