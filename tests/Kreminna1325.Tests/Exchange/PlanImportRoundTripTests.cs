using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Exchange;
using Kreminna1325.Core.Plans;

namespace Kreminna1325.Tests.Exchange;

/// <summary>Kreminna's plan exported, imported as a new plan and exported again is the same plan, budget and reconciliation.</summary>
public sealed class PlanImportRoundTripTests(PlanImportFixture fixture) : IClassFixture<PlanImportFixture>
{
    private async Task<byte[]> ExportAsync(int planId)
    {
        using var response = await fixture.Staff.GetAsync($"/api/plans/{planId}/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<int> ImportAsync(byte[] file)
    {
        using var response = await PlanImportFixture.PostAsync(fixture.Staff, file, confirm: true, title: "План Кремінної, імпортований");
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Export_import_export_gives_the_same_plan_budget_and_reconciliation()
    {
        var first = await ExportAsync(fixture.PlanId);
        var copyId = await ImportAsync(first);
        var second = await ExportAsync(copyId);

        var plans = new PlanQueries(fixture.DbFactory);
        Assert.Equal(Comparable(await plans.GetAsync(fixture.PlanId)), Comparable(await plans.GetAsync(copyId)));

        var budgets = new BudgetReportService(fixture.DbFactory);
        var original = (await budgets.GetAsync(fixture.PlanId))!;
        var copy = (await budgets.GetAsync(copyId))!;
        Assert.Equal(original.Years, copy.Years);
        Assert.Equal(original.Totals, copy.Totals);
        Assert.Equal(original.GrandTotals, copy.GrandTotals);
        Assert.Equal(original.PrintedTotals, copy.PrintedTotals);
        Assert.Equal(DirectionsOf(original), DirectionsOf(copy));
        Assert.NotEmpty(original.Mismatches);
        Assert.Equal(MismatchesOf(original), MismatchesOf(copy));

        // The second export is the first, cell for cell, but for the new plan's title.
        var before = Cells(first);
        var after = Cells(second);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (place, text) in before.Where(c => c.Key != (PlanSheet.PlanSheetName, PlanSheet.TitleRow, 1)))
        {
            Assert.True(text == after[place], $"{place}: «{text}» became «{after[place]}»");
        }
    }

    /// <summary>The plan as the public sees it, without the ids a new plan has of its own, its title and community.</summary>
    private static string Comparable(PlanView? plan)
    {
        Assert.NotNull(plan);
        var directions = plan.Directions.Select(d => new
        {
            d.Number,
            d.Title,
            Measures = d.Measures.Select(m => new
            {
                m.Number,
                m.Content,
                m.Term,
                Bodies = m.ResponsibleBodies,
                Indicators = m.Indicators.Select(i => new { i.Text, i.Kind, i.Disaggregations }),
                m.Funding,
            }),
        });
        return JsonSerializer.Serialize(new { plan.StartYear, plan.EndYear, plan.ReportingCadence, directions });
    }

    private static string DirectionsOf(BudgetReport report) =>
        JsonSerializer.Serialize(report.Directions.Select(d => new { d.Number, d.Title, d.Totals, d.AllSources, d.PrintedTotals }));

    private static string MismatchesOf(BudgetReport report) =>
        JsonSerializer.Serialize(report.Mismatches.Select(m => new { m.Scope, m.Direction, m.Source, m.Year, m.Printed, m.Computed }));

    /// <summary>Every non-empty cell of every sheet, as the import itself reads it.</summary>
    private static Dictionary<(string Sheet, int Row, int Column), string> Cells(byte[] file)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var cells = new PlanWorkbookCells(document);
        var result = new Dictionary<(string, int, int), string>();
        string[] sheets = [PlanSheet.PlanSheetName, PlanSheet.BudgetSheetName, PlanSheet.ReconciliationSheetName, PlanSheet.IndicatorsSheetName, PlanSheet.RegistrySheetName];
        foreach (var sheet in sheets)
        {
            Assert.True(cells.HasSheet(sheet), sheet);
            foreach (var row in cells.Rows(sheet))
            {
                foreach (var cell in row.Cells.Values.Where(c => !c.IsBlank))
                {
                    result[(sheet, row.Number, cell.Column)] = cell.Text;
                }
            }
        }

        return result;
    }
}
