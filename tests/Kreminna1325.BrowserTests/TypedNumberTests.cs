using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests;

/// <summary>Numbers typed in the browser the way people type them: "2.5" is saved as 2,5; what cannot be read is never saved.</summary>
public class TypedNumberTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const float Timeout = 30_000;

    private async Task<int> MeasureIdAsync(string direction, int number)
    {
        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        return await db.Measures.Where(m => m.Direction.Number == direction && m.Number == number).Select(m => m.Id).SingleAsync();
    }

    private async Task<decimal?> AmountAsync(int measureId, Kreminna1325.Core.Plans.FundingSource source, int year)
    {
        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        return await db.FundingLines.Where(f => f.MeasureId == measureId && f.Source == source && f.Year == year).Select(f => (decimal?)f.Amount).SingleOrDefaultAsync();
    }

    /// <summary>A period of the measure that nobody has reported on yet (the demo data fills some).</summary>
    private async Task<int> FreePeriodAsync(int measureId, int skip = 0)
    {
        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        return await db.ReportingPeriods.Where(p => p.MeasureId == measureId && !db.Reports.Any(r => r.PeriodId == p.Id))
            .OrderBy(p => p.Year).ThenBy(p => p.Sequence).Select(p => p.Id).Skip(skip).FirstAsync();
    }

    [Fact]
    public async Task A_decimal_point_is_read_in_the_editor_and_in_the_report_form()
    {
        var id = await MeasureIdAsync("IV", 7);
        var (staffContext, staff) = await fixture.SignInAsync("staff@kreminna.local");
        await using var _s = staffContext;
        await fixture.OpenAsync(staff, $"/measures/{id}/edit");

        // IV.7 plans 75,0 from the local budget in 2021, of its direction's 77,0.
        await staff.Locator("input[data-amount='local-2021']").FillAsync("2.5");
        await Assertions.Expect(staff.Locator("tr[data-total='direction-local'] td").Nth(1)).ToHaveTextAsync("4,5");
        await staff.Locator("[data-action='save-measure']").ClickAsync();
        await Assertions.Expect(staff).ToHaveURLAsync($"{fixture.BaseUrl}/measures/{id}", new() { Timeout = Timeout });
        Assert.Equal(2.5m, await AmountAsync(id, Kreminna1325.Core.Plans.FundingSource.Local, 2021));

        var period = await FreePeriodAsync(id);
        var (officialContext, official) = await fixture.SignInAsync("official@kreminna.local");
        await using var _o = officialContext;
        await fixture.OpenAsync(official, $"/reports/{period}");
        await official.Locator("input[data-value='0']").FillAsync("1 250");
        await official.Locator("input[data-spent='local']").FillAsync("4.5");
        await official.Locator("input[data-spent='other']").FillAsync("1\u00A0250.5");
        await official.Locator("[data-action='save-draft']").ClickAsync();
        await Assertions.Expect(official.Locator(".mud-chip[data-state='Draft']").First).ToBeVisibleAsync(new() { Timeout = Timeout });

        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        var report = await db.Reports.Include(r => r.Values).Include(r => r.Spending).SingleAsync(r => r.PeriodId == period);
        Assert.Equal(4.5m, report.Spending.Single(s => s.Source == Kreminna1325.Core.Plans.FundingSource.Local).Amount);
        Assert.Equal(1250.5m, report.Spending.Single(s => s.Source == Kreminna1325.Core.Plans.FundingSource.Other).Amount);
        Assert.Contains(report.Values, v => v.Number == 1250m);
        await Assertions.Expect(official.Locator("input[data-spent='local']")).ToHaveValueAsync("4.5");
    }

    [Fact]
    public async Task An_unreadable_number_is_refused_and_stays_in_its_field()
    {
        var id = await MeasureIdAsync("IV", 3);
        var (staffContext, staff) = await fixture.SignInAsync("staff@kreminna.local");
        await using var _s = staffContext;
        await fixture.OpenAsync(staff, $"/measures/{id}/edit");
        var before = await AmountAsync(id, Kreminna1325.Core.Plans.FundingSource.Local, 2022);

        var amount = staff.Locator("input[data-amount='local-2022']");
        await amount.FillAsync("2,5,1");
        await staff.Locator("[data-action='save-measure']").ClickAsync();

        await Assertions.Expect(staff.Locator("#form-error")).ToHaveTextAsync("Виправте позначені поля.");
        await Assertions.Expect(staff.Locator("td").Filter(new() { Has = amount })).ToContainTextAsync("Не вдалося прочитати число");
        await Assertions.Expect(amount).ToHaveValueAsync("2,5,1");
        Assert.EndsWith($"/measures/{id}/edit", staff.Url);
        Assert.Equal(before, await AmountAsync(id, Kreminna1325.Core.Plans.FundingSource.Local, 2022));

        var period = await FreePeriodAsync(await MeasureIdAsync("IV", 7), skip: 1);
        var (officialContext, official) = await fixture.SignInAsync("official@kreminna.local");
        await using var _o = officialContext;
        await fixture.OpenAsync(official, $"/reports/{period}");
        var count = official.Locator("input[data-value='0']");
        await count.FillAsync("3.5");
        await official.Locator("[data-action='save-draft']").ClickAsync();

        await Assertions.Expect(official.Locator("#report-error")).ToHaveTextAsync("Виправте позначені поля.");
        await Assertions.Expect(official.Locator("[data-indicator='0']")).ToContainTextAsync("Тут потрібне ціле число.");
        await Assertions.Expect(count).ToHaveValueAsync("3.5");
        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        Assert.False(await db.Reports.AnyAsync(r => r.PeriodId == period));
    }
}
