using System.Globalization;
using Bunit;
using FluentValidation;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Tests.Infrastructure;
using Kreminna1325.Web.Plans.Editing;
using Microsoft.EntityFrameworkCore;
using Kreminna1325.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kreminna1325.Tests.Components;

/// <summary>
/// The measure editor's live totals for a screen reader: the totals table is not a live region (it would be
/// re-read whole on each keystroke); one small status says the changed year's totals once the person pauses.
/// </summary>
public sealed class LiveTotalsStatusTests : IClassFixture<SeededDatabase>, IAsyncLifetime
{
    private readonly SeededDatabase database;
    private readonly BunitContext context = new();
    private readonly FakeTimeProvider clock = new();

    public LiveTotalsStatusTests(SeededDatabase database)
    {
        this.database = database;
        BunitSetup.Prepare(context);
        context.Services.AddSingleton<IValidator<MeasureForm>, MeasureFormValidator>();
        context.Services.AddSingleton<TimeProvider>(clock);
        BunitSetup.Ready(context);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => context.DisposeAsync().AsTask();

    private async Task<(IRenderedComponent<MeasureEditorForm> Editor, MeasureForm Form, BudgetReport Budget)> OpenAsync(string direction, int number)
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();
        var id = await db.Measures.Where(m => m.Direction.Number == direction && m.Number == number).Select(m => m.Id).SingleAsync();
        var editor = new MeasureEditor(database.DbFactory, new MeasureFormValidator());
        var form = (await editor.LoadAsync(id))!;
        var budget = (await new BudgetReportService(database.DbFactory).GetAsync(database.PlanId))!;
        var rendered = context.Render<MeasureEditorForm>(p => p
            .Add(c => c.Form, form)
            .Add(c => c.Bodies, [])
            .Add(c => c.Budget, budget)
            .Add(c => c.Save, f => editor.SaveAsync(TestUsers.Staff, f)));
        return (rendered, form, budget);
    }

    private static string Amount(decimal value) => value.ToString("#,##0.0#", new CultureInfo("uk-UA"));

    [Fact]
    public async Task The_totals_table_is_not_live_and_one_status_says_the_years_totals_after_a_pause()
    {
        var (editor, form, budget) = await OpenAsync("III", 1);
        var directionId = form.DirectionId;
        var savedLocal = form.FundingLines.Where(f => f.Year == 2022 && f.Source == FundingSource.Local).Sum(f => f.Amount);
        var directionBefore = Enum.GetValues<FundingSource>().Sum(s => budget.Directions.Single(d => d.DirectionId == directionId).Total(s, 2022));
        var planBefore = Enum.GetValues<FundingSource>().Sum(s => budget.Total(s, 2022));

        // Nothing on the page re-reads a table: no live region but the one status, which says nothing yet.
        Assert.Empty(editor.FindAll(".live-totals[aria-live], .live-totals [aria-live], .funding-editor[aria-live]"));
        var status = editor.Find("[data-role='live-total']");
        Assert.Equal("status", status.GetAttribute("role"));
        Assert.Equal("", status.TextContent.Trim());

        // Typing "1", "12", "12,5" with short pauses between: the status does not follow every keystroke...
        foreach (var typed in new[] { "1", "12", "12,5" })
        {
            editor.Find("input[data-amount='local-2022']").Input(typed);
            clock.Advance(LiveStatus.Pause / 2);
        }

        Assert.Equal("", editor.Find("[data-role='live-total']").TextContent.Trim());

        // ...but says once, after the pause, the year's totals with the change (thousand UAH, the Ukrainian way).
        clock.Advance(LiveStatus.Pause);
        var change = 12.5m - savedLocal;
        var expected = $"Разом на 2022 рік: напрям — {Amount(directionBefore + change)} тис. грн, план — {Amount(planBefore + change)} тис. грн";
        editor.WaitForAssertion(() => Assert.Equal(expected, editor.Find("[data-role='live-total']").TextContent.Trim()), TimeSpan.FromSeconds(10));

        // The table still shows the same figures for those who look.
        Assert.Contains(Amount(planBefore + change), editor.Find("tr[data-total='plan-all']").TextContent);
    }

    [Fact]
    public async Task The_status_names_the_year_that_changed_and_a_removed_amount_counts_as_nothing()
    {
        var (editor, form, budget) = await OpenAsync("I", 4);
        var other2021 = form.FundingLines.Where(f => f.Year == 2021 && f.Source == FundingSource.Other).Sum(f => f.Amount);
        var directionBefore = Enum.GetValues<FundingSource>().Sum(s => budget.Directions.Single(d => d.DirectionId == form.DirectionId).Total(s, 2021));
        var planBefore = Enum.GetValues<FundingSource>().Sum(s => budget.Total(s, 2021));

        editor.Find("input[data-amount='other-2021']").Input("");
        clock.Advance(LiveStatus.Pause);

        var expected = $"Разом на 2021 рік: напрям — {Amount(directionBefore - other2021)} тис. грн, план — {Amount(planBefore - other2021)} тис. грн";
        editor.WaitForAssertion(() => Assert.Equal(expected, editor.Find("[data-role='live-total']").TextContent.Trim()), TimeSpan.FromSeconds(10));
    }
}
