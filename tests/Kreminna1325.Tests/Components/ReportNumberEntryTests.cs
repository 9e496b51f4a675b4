using System.Globalization;
using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Monitoring;
using Kreminna1325.Web.Monitoring;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Kreminna1325.Tests.Components;

/// <summary>
/// Numbers typed into the report form, saved into a real database: counts, breakdown cells,
/// percentages and money spent are saved as read; what cannot be read (or is out of range)
/// stays in its field with the reason, and neither a draft nor a submission is written.
/// </summary>
public sealed class ReportNumberEntryTests : IClassFixture<ReportingFixture>, IAsyncLifetime
{
    private readonly ReportingFixture f;
    private readonly BunitContext context = new();
    private readonly SignedIn auth = new();

    public ReportNumberEntryTests(ReportingFixture fixture)
    {
        f = fixture;
        BunitSetup.Prepare(context);
        context.Services.AddSingleton(f.Reports);
        context.Services.AddSingleton(f.Files);
        context.Services.AddSingleton(f.Access);
        context.Services.AddSingleton<AuthenticationStateProvider>(auth);
        BunitSetup.Ready(context);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => context.DisposeAsync().AsTask();

    private sealed class SignedIn : AuthenticationStateProvider
    {
        public ClaimsPrincipal User { get; set; } = new();

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(User));
    }

    private async Task<(IRenderedComponent<ReportPage> Page, ReportForm Form)> OpenAsync(ClaimsPrincipal user, int period)
    {
        auth.User = user;
        var page = context.Render<ReportPage>(p => p.Add(c => c.PeriodId, period));
        page.WaitForAssertion(() => page.Find("[data-action='save-draft']"), TimeSpan.FromSeconds(30));
        return (page, (await f.Reports.LoadAsync(user, period))!.Form);
    }

    private static Task ClickAsync(IRenderedComponent<ReportPage> page, string action) =>
        page.Find($"[data-action='{action}']").ClickAsync(new());

    private static int IndexOf(ReportForm form, Func<ValueForm, bool> which) => form.Values.FindIndex(v => which(v));

    /// <summary>Everything stored for the period's report, and the measure's audit trail, as one comparable text.</summary>
    private async Task<string> StoredAsync(int period)
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var report = await db.Reports.AsNoTracking().Include(r => r.Values).ThenInclude(v => v.Breakdown).Include(r => r.Spending)
            .SingleOrDefaultAsync(r => r.PeriodId == period);
        if (report is null)
        {
            return "none";
        }

        var audit = await db.AuditEntries.CountAsync(a => a.MeasureId == report.MeasureId);
        var values = report.Values.OrderBy(v => v.IndicatorId).Select(v =>
            $"{v.IndicatorId}={v.Number?.ToString(CultureInfo.InvariantCulture)}[{string.Join(",", v.Breakdown.OrderBy(b => b.Dimension).ThenBy(b => b.Category).Select(b => $"{b.Dimension}:{b.Category}={b.Count}"))}]");
        var spending = report.Spending.OrderBy(s => s.Source).Select(s => $"{s.Source}={s.Amount.ToString(CultureInfo.InvariantCulture)}");
        return $"v{report.Version} {report.Status} audit={audit} {string.Join(" ", values)} {string.Join(" ", spending)}";
    }

    private async Task<IndicatorValue[]> ValuesAsync(int period)
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        return await db.IndicatorValues.AsNoTracking().Include(v => v.Breakdown).Where(v => v.Report.PeriodId == period).ToArrayAsync();
    }

    [Theory]
    [InlineData("1 250", 1250)]
    [InlineData("1\u00A0250", 1250)]
    [InlineData("1\u202F250", 1250)]
    [InlineData("2,0", 2)]
    [InlineData("2.0", 2)]
    [InlineData("7", 7)]
    public async Task Every_count_and_every_breakdown_cell_is_saved_as_typed(string typed, int value)
    {
        var period = await f.PeriodAsync("IV", 7, 2021, 1);
        var (page, form) = await OpenAsync(f.CentreOfficial, period);
        var counts = Enumerable.Range(0, form.Values.Count).Where(i => form.Values[i].Kind == IndicatorKind.Count).ToList();
        var broken = IndexOf(form, v => v.Breakdown.Count > 0);
        var dimensions = form.Values[broken].Breakdown.ToDictionary(d => d.Key, d => d.Value.Keys.ToList());
        Assert.Equal(4, dimensions.Count);

        // Each round puts the number into another cell of every breakdown, so that each adds up to the total.
        for (var round = 0; round < dimensions.Values.Max(c => c.Count); round++)
        {
            foreach (var i in counts)
            {
                page.Find($"input[data-value='{i}']").Input(typed);
            }

            foreach (var (dimension, categories) in dimensions)
            {
                for (var k = 0; k < categories.Count; k++)
                {
                    page.Find($"[data-breakdown='{broken}-{dimension}'] input[data-category='{categories[k]}']").Input(k == round % categories.Count ? typed : "");
                }
            }

            await ClickAsync(page, "save-draft");

            Assert.Empty(page.FindAll("#report-error"));
            var stored = await ValuesAsync(period);
            Assert.All(counts, i => Assert.Equal(value, stored.Single(v => v.IndicatorId == form.Values[i].IndicatorId).Number));
            var cells = stored.Single(v => v.IndicatorId == form.Values[broken].IndicatorId).Breakdown;
            foreach (var (dimension, categories) in dimensions)
            {
                Assert.Equal([(categories[round % categories.Count], value)],
                    cells.Where(c => c.Dimension == dimension).Select(c => (c.Category, c.Count)));
                Assert.Equal(typed, page.Find($"[data-breakdown='{broken}-{dimension}'] input[data-category='{categories[round % categories.Count]}']").GetAttribute("value"));
            }

            Assert.Equal(typed, page.Find($"input[data-value='{counts[0]}']").GetAttribute("value"));
        }
    }

    [Theory]
    [InlineData("2.5", "2.5")]
    [InlineData("2,5", "2.5")]
    [InlineData("4.5", "4.5")]
    [InlineData("1 250,5", "1250.5")]
    [InlineData("1\u00A0250,5", "1250.5")]
    [InlineData("1\u202F250.5", "1250.5")]
    public async Task Money_spent_from_every_source_is_saved_as_typed(string typed, string expected)
    {
        var period = await f.PeriodAsync("IV", 7, 2021, 2);
        var (page, form) = await OpenAsync(f.CentreOfficial, period);
        Assert.Equal([FundingSource.Local, FundingSource.Other], form.Spending.Select(s => s.Source));

        foreach (var source in new[] { "local", "other" })
        {
            page.Find($"input[data-spent='{source}']").Input(typed);
        }

        await ClickAsync(page, "save-draft");

        Assert.Empty(page.FindAll("#report-error"));
        var stored = await StoredAsync(period);
        var amount = decimal.Parse(expected, CultureInfo.InvariantCulture).ToString("0.00", CultureInfo.InvariantCulture);
        Assert.EndsWith($"Local={amount} Other={amount}", stored);
        Assert.Equal(typed, page.Find("input[data-spent='local']").GetAttribute("value"));
    }

    [Theory]
    [InlineData("2.5", "2.5")]
    [InlineData("2,5", "2.5")]
    [InlineData("12.5", "12.5")]
    [InlineData("99,9", "99.9")]
    [InlineData("100", "100")]
    public async Task A_percentage_is_saved_as_typed(string typed, string expected)
    {
        var period = await f.PeriodAsync("I", 7, 2021, 1);
        var (page, form) = await OpenAsync(f.PoliceOfficial, period);
        var percentage = IndexOf(form, v => v.Kind == IndicatorKind.Percentage);

        page.Find($"input[data-value='{percentage}']").Input(typed);
        await ClickAsync(page, "save-draft");

        Assert.Empty(page.FindAll("#report-error"));
        var stored = await ValuesAsync(period);
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), stored.Single(v => v.IndicatorId == form.Values[percentage].IndicatorId).Number);
        Assert.Equal(typed, page.Find($"input[data-value='{percentage}']").GetAttribute("value"));
    }

    [Theory]
    [InlineData("IV", "input[data-value='0']", "3.5", "Тут потрібне ціле число.")]
    [InlineData("IV", "input[data-value='0']", "abc", "Не вдалося прочитати число")]
    [InlineData("IV", "input[data-value='0']", "-2", "Кількість — ціле число від 0.")]
    [InlineData("IV", "input[data-value='1']", "2,5,1", "Не вдалося прочитати число")]
    [InlineData("IV", "[data-breakdown='2-Sex'] input[data-category='women']", "3,5", "Тут потрібне ціле число.")]
    [InlineData("IV", "[data-breakdown='2-Sex'] input[data-category='men']", "99 999 999 999", "Число завелике для цього поля.")]
    [InlineData("IV", "input[data-spent='local']", "4.5.1", "Не вдалося прочитати число")]
    [InlineData("IV", "input[data-spent='other']", "4,555", "Сума витрат: від 0")]
    [InlineData("IV", "input[data-spent='local']", "-1", "Сума витрат: від 0")]
    [InlineData("IV", "input[data-spent='local']", "1 000 000 000", "Сума витрат: від 0")]
    [InlineData("I", "input[data-value='1']", "1 250,5", "Відсоток — від 0 до 100")]
    [InlineData("I", "input[data-value='1']", "12,55", "Відсоток — від 0 до 100")]
    [InlineData("I", "input[data-value='1']", "12,5%", "Не вдалося прочитати число")]
    public async Task An_unreadable_or_invalid_number_blocks_the_draft_and_the_submission_and_writes_nothing(
        string direction, string selector, string typed, string message)
    {
        var police = direction == "I";
        var period = await f.PeriodAsync(direction, 7, 2021, 3);
        await DraftOnceAsync(police ? f.PoliceOfficial : f.CentreOfficial, period);
        var before = await StoredAsync(period);
        var (page, _) = await OpenAsync(police ? f.PoliceOfficial : f.CentreOfficial, period);

        page.Find(selector).Input(typed);
        foreach (var action in new[] { "save-draft", "submit" })
        {
            await ClickAsync(page, action);

            Assert.Equal("Виправте позначені поля.", page.Find("#report-error").TextContent);
            var field = page.Find(selector).Closest(".mud-input-control")!;
            Assert.Contains(message, field.TextContent);
            Assert.Contains("mud-input-error", field.InnerHtml);
            Assert.Equal(typed, page.Find(selector).GetAttribute("value"));
            Assert.Equal(before, await StoredAsync(period));
            Assert.Empty(context.Services.GetRequiredService<ISnackbar>().ShownSnackbars);
            Assert.Empty(page.FindAll("#report-result"));
        }
    }

    /// <summary>A draft with numbers in it, so that "nothing written" also means nothing of it was lost.</summary>
    private async Task DraftOnceAsync(ClaimsPrincipal official, int period)
    {
        var form = (await f.Reports.LoadAsync(official, period))!.Form;
        if (form.ReportId != 0)
        {
            return;
        }

        foreach (var v in form.Values)
        {
            v.Number = v.Kind == IndicatorKind.Count ? 5 : 10;
        }

        foreach (var s in form.Spending)
        {
            s.Amount = 3.25m;
        }

        var saved = await f.Reports.SaveDraftAsync(official, form);
        Assert.True(saved.Saved, saved.Message);
    }
}
