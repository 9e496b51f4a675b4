using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Editing;

public class MeasureEditorTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private MeasureEditor Editor => new(database.DbFactory, new MeasureFormValidator());

    private async Task<int> IdOfAsync(string direction, int number)
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();
        return await db.Measures.Where(m => m.Direction.Number == direction && m.Number == number).Select(m => m.Id).SingleAsync();
    }

    private async Task<int> DirectionIdAsync(string number)
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();
        return await db.Directions.Where(d => d.Number == number && d.PlanId == database.PlanId).Select(d => d.Id).SingleAsync();
    }

    private async Task<List<(int Number, string Content)>> NumbersAsync(string direction)
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();
        return (await db.Measures.Where(m => m.Direction.Number == direction).OrderBy(m => m.Number)
            .Select(m => new { m.Number, m.Content }).ToListAsync()).Select(m => (m.Number, m.Content)).ToList();
    }

    [Fact]
    public async Task A_new_measure_is_numbered_after_the_last_and_deleting_closes_up_the_numbers()
    {
        var direction = await DirectionIdAsync("II");
        var form = (await Editor.NewAsync(direction))!;
        form.Content = "Новий захід для перевірки нумерації";
        form.ResponsibleBodies.Add(new ResponsibleForm { BodyId = await AnyBodyAsync() });
        form.Indicators.Add(new IndicatorForm { Text = "кількість учасників", Kind = IndicatorKind.Count, Disaggregations = [Disaggregation.Sex] });

        var created = await Editor.SaveAsync(TestUsers.Staff, form);

        Assert.True(created.Saved, created.Message);
        Assert.Equal(5, created.Current!.Number);
        Assert.Equal([1, 2, 3, 4, 5], (await NumbersAsync("II")).Select(n => n.Number));

        // Deleting II.2 moves II.3.. up by one.
        var second = (await Editor.LoadAsync(await IdOfAsync("II", 2)))!;
        var thirdContent = (await NumbersAsync("II"))[2].Content;
        var deleted = await Editor.DeleteAsync(TestUsers.Staff, second.Id, second.Version);

        Assert.True(deleted.Saved, deleted.Message);
        var after = await NumbersAsync("II");
        Assert.Equal([1, 2, 3, 4], after.Select(n => n.Number));
        Assert.Equal(thirdContent, after[1].Content);

        // Its indicators and lines went with it, and every removal is in the audit trail.
        await using var db = await database.DbFactory.CreateDbContextAsync();
        Assert.False(await db.Indicators.AnyAsync(i => i.MeasureId == second.Id));
        Assert.Equal(second.Indicators.Count, await db.AuditEntries.CountAsync(a => a.MeasureId == second.Id && a.EntityType == nameof(Indicator) && a.Action == Kreminna1325.Core.Audit.AuditAction.Delete));
    }

    [Fact]
    public async Task Moving_a_measure_puts_it_last_in_the_target_and_closes_the_gap()
    {
        var id = await IdOfAsync("V", 1);
        var form = (await Editor.LoadAsync(id))!;
        var target = await DirectionIdAsync("I");

        var moved = await Editor.MoveAsync(TestUsers.Staff, id, target, form.Version);

        Assert.True(moved.Saved, moved.Message);
        Assert.Equal(target, moved.Current!.DirectionId);
        Assert.Equal(10, moved.Current.Number);
        Assert.Equal([1, 2], (await NumbersAsync("V")).Select(n => n.Number));
        Assert.Equal(Enumerable.Range(1, 10), (await NumbersAsync("I")).Select(n => n.Number));
    }

    [Fact]
    public async Task The_second_of_two_concurrent_saves_is_a_conflict_with_the_current_values()
    {
        var id = await IdOfAsync("IV", 2);
        var mine = (await Editor.LoadAsync(id))!;
        var theirs = (await Editor.LoadAsync(id))!;

        theirs.Indicators.Add(new IndicatorForm { Text = "кількість оновлень переліку", Kind = IndicatorKind.Count });
        Assert.True((await Editor.SaveAsync(TestUsers.Staff, theirs)).Saved);

        mine.Content += " (моя правка)";
        var result = await Editor.SaveAsync(TestUsers.Staff, mine);

        Assert.Equal(EditOutcome.Conflict, result.Outcome);
        Assert.Equal(2, result.Current!.Indicators.Count);
        Assert.DoesNotContain("(моя правка)", result.Current.Content);

        // Re-applying: my values on the current version go through, and theirs are not lost unseen.
        mine.Version = result.Current.Version;
        mine.Indicators = result.Current.Indicators;
        var again = await Editor.SaveAsync(TestUsers.Staff, mine);
        Assert.True(again.Saved, again.Message);
        Assert.EndsWith("(моя правка)", again.Current!.Content);
        Assert.Equal(2, again.Current.Indicators.Count);
    }

    [Fact]
    public async Task Funding_changes_show_in_the_budget_at_once()
    {
        var id = await IdOfAsync("III", 1);
        var form = (await Editor.LoadAsync(id))!;
        var budget = new BudgetReportService(database.DbFactory);
        var before = (await budget.GetAsync(database.PlanId))!;

        form.FundingLines.Single(f => f.Year == 2021).Amount = 6.5m;
        form.FundingLines.Add(new FundingLineForm { Source = FundingSource.Local, Year = 2022, Amount = 1.25m });
        var saved = await Editor.SaveAsync(TestUsers.Staff, form);
        Assert.True(saved.Saved, saved.Message);

        var after = (await budget.GetAsync(database.PlanId))!;
        Assert.Equal(before.Total(FundingSource.Other, 2021) + 1.5m, after.Total(FundingSource.Other, 2021));
        Assert.Equal(before.Total(FundingSource.Local, 2022) + 1.25m, after.Total(FundingSource.Local, 2022));
        var third = after.Directions.Single(d => d.Number == "III");
        Assert.Equal(8.5m, third.Total(FundingSource.Other, 2021));
    }

    [Theory]
    [InlineData("content")]
    [InlineData("bodies")]
    [InlineData("indicator")]
    [InlineData("year")]
    [InlineData("negative")]
    [InlineData("huge")]
    [InlineData("precision")]
    [InlineData("duplicate")]
    [InlineData("quarter")]
    public async Task Invalid_input_is_refused_with_a_message_at_the_field_and_nothing_is_written(string problem)
    {
        var id = await IdOfAsync("I", 3);
        var form = (await Editor.LoadAsync(id))!;
        var (field, message) = problem switch
        {
            "content" => (Set(() => form.Content = "  "), "Зміст заходу обов'язковий."),
            "bodies" => (Set(() => form.ResponsibleBodies.Clear()), "Вкажіть хоча б одного відповідального виконавця."),
            "indicator" => (Set(() => form.Indicators[0].Text = ""), "Текст показника обов'язковий."),
            "year" => (Set(() => form.FundingLines[0].Year = 2023), "Рік 2023 поза періодом плану (2020–2022)."),
            "negative" => (Set(() => form.FundingLines[0].Amount = -1m), "Сума не може бути від'ємною."),
            "huge" => (Set(() => form.FundingLines[0].Amount = 1_000_000_000m), "Сума має бути менша за 1 000 000 000 тис. грн."),
            "precision" => (Set(() => form.FundingLines[0].Amount = 1.234m), "Не більше двох знаків після коми."),
            "duplicate" => (Set(() => form.FundingLines.Add(new FundingLineForm { Source = FundingSource.Other, Year = 2020, Amount = 1m })),
                "Для джерела «інші кошти» і року 2020 вже є рядок."),
            _ => (Set(() => form.Term = new TermForm { Text = "Щорічно", Kind = TermKind.AnnualInQuarter }),
                "Для «щорічно в кварталі» вкажіть квартал від 1 до 4."),
        };
        _ = field;
        var before = await Editor.LoadAsync(id);

        using var _ui = new CultureScope("uk-UA");
        var result = await Editor.SaveAsync(TestUsers.Staff, form);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Contains(message, result.Errors.Values.SelectMany(v => v));
        var after = await Editor.LoadAsync(id);
        Assert.Equal(before!.Version, after!.Version);
    }

    [Fact]
    public async Task Messages_are_in_english_when_english_is_chosen()
    {
        var form = (await Editor.LoadAsync(await IdOfAsync("I", 2)))!;
        form.Content = "";

        using var _ = new CultureScope("en-US");
        var result = await Editor.SaveAsync(TestUsers.Staff, form);

        Assert.Contains("The measure's content is required.", result.Errors["Content"]);
    }

    [Fact]
    public async Task Bodies_indicators_order_and_breakdowns_are_saved_as_given()
    {
        var id = await IdOfAsync("III", 3);
        var form = (await Editor.LoadAsync(id))!;
        var extra = await AnyBodyAsync(except: form.ResponsibleBodies.Select(r => r.BodyId));
        form.ResponsibleBodies.Insert(0, new ResponsibleForm { BodyId = extra, ByAgreement = true });
        form.Indicators.Reverse();
        form.Indicators[0].Disaggregations = [Disaggregation.PlaceOfResidence, Disaggregation.Sex];

        var saved = await Editor.SaveAsync(TestUsers.Staff, form);

        Assert.True(saved.Saved, saved.Message);
        var current = saved.Current!;
        Assert.Equal(extra, current.ResponsibleBodies[0].BodyId);
        Assert.True(current.ResponsibleBodies[0].ByAgreement);
        Assert.Equal(form.Indicators.Select(i => i.Text), current.Indicators.Select(i => i.Text));
        Assert.Equal([Disaggregation.Sex, Disaggregation.PlaceOfResidence], current.Indicators[0].Disaggregations);
    }

    [Fact]
    public async Task Only_staff_and_administrators_may_save()
    {
        var form = (await Editor.LoadAsync(await IdOfAsync("I", 1)))!;

        await Assert.ThrowsAsync<ForbiddenException>(() => Editor.SaveAsync(TestUsers.Executive, form));
        await Assert.ThrowsAsync<ForbiddenException>(() => Editor.DeleteAsync(TestUsers.InRole(Roles.ResponsibleOfficial), form.Id, form.Version));
    }

    private static string Set(Action change)
    {
        change();
        return "";
    }

    private async Task<int> AnyBodyAsync(IEnumerable<int>? except = null)
    {
        var skip = except?.ToList() ?? [];
        await using var db = await database.DbFactory.CreateDbContextAsync();
        return await db.ResponsibleBodies.Where(b => !skip.Contains(b.Id)).OrderBy(b => b.Id).Select(b => b.Id).FirstAsync();
    }
}

/// <summary>Sets the UI culture for the messages of one test, and puts it back.</summary>
public sealed class CultureScope : IDisposable
{
    private readonly System.Globalization.CultureInfo ui = System.Globalization.CultureInfo.CurrentUICulture;
    private readonly System.Globalization.CultureInfo culture = System.Globalization.CultureInfo.CurrentCulture;

    public CultureScope(string name)
    {
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(name);
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(name);
    }

    public void Dispose()
    {
        System.Globalization.CultureInfo.CurrentUICulture = ui;
        System.Globalization.CultureInfo.CurrentCulture = culture;
    }
}
