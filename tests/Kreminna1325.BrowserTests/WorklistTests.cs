using Kreminna1325.Core.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests;

/// <summary>The demo official's My reports as a worklist: what needs action first, chips that filter, a navigation count that follows.</summary>
public class WorklistTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const float Timeout = 15_000;

    [Fact]
    public async Task The_returned_report_is_first_a_chip_filters_and_the_navigation_count_drops_after_submitting_it()
    {
        var (context, page) = await fixture.SignInAsync("official@kreminna.local");
        await using var _ = context;
        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseUrl + "/my-reports", new() { Timeout = 30_000 });
        await BrowserFixture.InteractiveAsync(page);

        // The demo data returned one of the official's reports (III.5, 2021 Q1) with a comment.
        int returnedPeriod;
        await using (var db = await fixture.DbFactory.CreateDbContextAsync())
        {
            returnedPeriod = await db.Reports.Where(r => r.Status == ReportStatus.Returned).Select(r => r.PeriodId).SingleAsync();
        }

        var rows = page.Locator("main[data-interactive='true'] .my-reports tbody tr");
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-period", returnedPeriod.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = Timeout });
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-work", "Returned");
        await Assertions.Expect(rows).ToHaveCountAsync(Worklist.DefaultPageSize, new() { Timeout = Timeout });

        var count = page.Locator("nav a[href='/my-reports'] .nav-count");
        await Assertions.Expect(count).ToContainTextAsync("потребують дій:", new() { Timeout = Timeout });
        var before = int.Parse((await count.GetAttributeAsync("data-count"))!, System.Globalization.CultureInfo.InvariantCulture);

        // The count chip is the filter: the address carries it, the chip says it is pressed, only its rows remain.
        var returnedChip = page.Locator("button[data-state='Returned']");
        await Assertions.Expect(returnedChip).ToContainTextAsync("Повернуті: 1");
        await page.Locator("button[data-state='Overdue']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseUrl + "/my-reports?state=Overdue", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("button[data-state='Overdue']")).ToHaveAttributeAsync("aria-pressed", "true", new() { Timeout = Timeout });
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-work", "Overdue", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator(".my-reports tbody tr:not([data-work='Overdue'])")).ToHaveCountAsync(0, new() { Timeout = Timeout });

        await returnedChip.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseUrl + "/my-reports?state=Returned", new() { Timeout = Timeout });
        await Assertions.Expect(rows).ToHaveCountAsync(1, new() { Timeout = Timeout });
        await Assertions.Expect(rows.First).ToContainTextAsync("Повернуто з коментарем");

        // Back goes to the previous filter, as a link would.
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseUrl + "/my-reports?state=Overdue", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("button[data-state='Overdue']")).ToHaveAttributeAsync("aria-pressed", "true", new() { Timeout = Timeout });
        await page.GoForwardAsync();
        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseUrl + "/my-reports?state=Returned", new() { Timeout = Timeout });

        // The address changes before the list does: until the returned row is the only one, the first link is another report's.
        await Assertions.Expect(rows).ToHaveCountAsync(1, new() { Timeout = Timeout });
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-period", returnedPeriod.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = Timeout });

        // The official resubmits the returned report; the navigation counts one fewer without a reload.
        await rows.First.Locator("a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseUrl + $"/reports/{returnedPeriod}", new() { Timeout = Timeout });
        await page.Locator("[data-action='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("span[data-state='Submitted'], .mud-chip[data-state='Submitted']").First).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(count).ToHaveAttributeAsync("data-count", (before - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = Timeout });
        await Assertions.Expect(count).ToHaveTextAsync($"потребують дій: {before - 1}");
    }
}
