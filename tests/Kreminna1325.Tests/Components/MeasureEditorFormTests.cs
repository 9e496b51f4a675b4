using Bunit;
using FluentValidation;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Web.Plans.Editing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Kreminna1325.Tests.Components;

/// <summary>The measure editor as a person meets it: messages at the fields, totals that follow the amounts.</summary>
public sealed class MeasureEditorFormTests : IAsyncLifetime
{
    private readonly BunitContext context = new();

    private const int DirectionId = 4;

    public MeasureEditorFormTests()
    {
        BunitSetup.Prepare(context);
        context.Services.AddSingleton<IValidator<MeasureForm>, MeasureFormValidator>();
        BunitSetup.Ready(context);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services only dispose asynchronously.
    public Task DisposeAsync() => context.DisposeAsync().AsTask();

    private static readonly ResponsibleBodyView[] Bodies =
    [
        new(1, "Центр гендерної рівності", "Центр гендерної рівності", [], BodyKind.MunicipalInstitution),
        new(2, "Центр соціальних служб для сім'ї, дітей та молоді", "ЦСССДМ", ["ЦСССДМ"], BodyKind.MunicipalInstitution),
    ];

    // Measure IV.7 of the built-in plan, and the plan's stored totals (which already include it).
    private static MeasureForm SupportMeasure() => new()
    {
        Id = 27, DirectionId = DirectionId, Number = 7, Version = 100, PlanStartYear = 2020, PlanEndYear = 2022,
        Content = "Підтримка жіночих ініціативних груп",
        Term = new TermForm { Text = "Постійно", Kind = TermKind.Ongoing },
        ResponsibleBodies = [new ResponsibleForm { BodyId = 1, Name = "Центр гендерної рівності" }],
        Indicators = [new IndicatorForm { Id = 5, Text = "кількість проведення зустрічей, заходів", Kind = IndicatorKind.Count }],
        FundingLines =
        [
            new() { Source = FundingSource.Local, Year = 2020, Amount = 50m }, new() { Source = FundingSource.Local, Year = 2021, Amount = 75m },
            new() { Source = FundingSource.Local, Year = 2022, Amount = 85m }, new() { Source = FundingSource.Other, Year = 2020, Amount = 10m },
            new() { Source = FundingSource.Other, Year = 2021, Amount = 5m }, new() { Source = FundingSource.Other, Year = 2022, Amount = 5m },
        ],
    };

    private static BudgetReport StoredBudget()
    {
        BudgetAmount[] Amounts(decimal l20, decimal l21, decimal l22, decimal o20, decimal o21, decimal o22) =>
        [
            new(FundingSource.Local, 2020, l20), new(FundingSource.Local, 2021, l21), new(FundingSource.Local, 2022, l22),
            new(FundingSource.Other, 2020, o20), new(FundingSource.Other, 2021, o21), new(FundingSource.Other, 2022, o22),
        ];
        var fourth = new DirectionBudget(DirectionId, "IV", "Захист", Amounts(52, 77, 87, 12, 7, 7), [], []);
        return new BudgetReport(1, [2020, 2021, 2022], [fourth], Amounts(57, 82, 93, 38, 31, 31), [], [], []);
    }

    private IRenderedComponent<MeasureEditorForm> RenderEditor(MeasureForm form, Func<MeasureForm, Task<EditResult<MeasureForm>>>? save = null) =>
        context.Render<MeasureEditorForm>(p => p
            .Add(c => c.Form, form)
            .Add(c => c.Bodies, Bodies)
            .Add(c => c.Budget, StoredBudget())
            .Add(c => c.Save, save ?? (f => Task.FromResult(EditResult<MeasureForm>.Ok(f)))));

    private static string[] Row(IRenderedComponent<MeasureEditorForm> editor, string total) =>
        editor.FindAll($"tr[data-total='{total}'] td").Select(td => td.TextContent.Trim()).ToArray();

    [Fact]
    public void Totals_beside_the_amounts_follow_them_as_they_are_typed()
    {
        var editor = RenderEditor(SupportMeasure());
        Assert.Equal(["52,0", "77,0", "87,0"], Row(editor, "direction-local"));
        Assert.Equal(["57,0", "82,0", "93,0"], Row(editor, "plan-local"));

        editor.Find("input[data-amount='local-2021']").Input("80,5");

        editor.WaitForAssertion(() => Assert.Equal(["52,0", "82,5", "87,0"], Row(editor, "direction-local")));
        Assert.Equal(["57,0", "87,5", "93,0"], Row(editor, "plan-local"));
        Assert.Equal(["95,0", "118,5", "124,0"], Row(editor, "plan-all"));
        Assert.Equal(["12,0", "7,0", "7,0"], Row(editor, "direction-other"));

        // Clearing an amount takes its line out of the totals.
        editor.Find("input[data-amount='other-2022']").Input("");
        editor.Find("input[data-amount='other-2022']").Blur();
        editor.WaitForAssertion(() => Assert.Equal(["12,0", "7,0", "2,0"], Row(editor, "direction-other")));
    }

    [Fact]
    public void Mistakes_are_told_at_their_fields_and_nothing_is_sent()
    {
        var calls = 0;
        var form = SupportMeasure();
        form.Content = "";
        form.ResponsibleBodies.Clear();
        form.Indicators[0].Text = " ";
        var editor = RenderEditor(form, f => { calls++; return Task.FromResult(EditResult<MeasureForm>.Ok(f)); });

        editor.Find("input[data-amount='local-2020']").Input("-3");
        editor.Find("button[data-action='save-measure']").Click();

        Assert.Equal(0, calls);
        var text = editor.Markup;
        Assert.Contains("Зміст заходу обов&#x27;язковий.", text.Replace("'", "&#x27;"));
        Assert.Contains("Вкажіть хоча б одного відповідального виконавця.", text);
        Assert.Contains("Текст показника обов", text);
        Assert.Contains("Сума не може бути від", text);
        Assert.Contains("Виправте позначені поля.", editor.Find("#form-error").TextContent);

        // The field's message sits with the field: the content input is marked as in error.
        var content = editor.Find("[data-field='content']").Closest(".mud-input-control")!;
        Assert.Contains("mud-input-error", content.InnerHtml);
    }

    [Fact]
    public async Task A_second_click_while_saving_does_not_save_twice()
    {
        var calls = 0;
        var release = new TaskCompletionSource<EditResult<MeasureForm>>();
        var editor = RenderEditor(SupportMeasure(), _ => { calls++; return release.Task; });
        var save = editor.Find("button[data-action='save-measure']");

        save.Click();
        editor.Find("button[data-action='save-measure']").Click();

        Assert.Equal(1, calls);
        Assert.True(editor.Find("button[data-action='save-measure']").HasAttribute("disabled"));
        release.SetResult(EditResult<MeasureForm>.Ok(SupportMeasure()));
        await editor.WaitForStateAsync(() => !editor.Find("button[data-action='save-measure']").HasAttribute("disabled"));
    }

    [Fact]
    public void A_conflict_offers_only_the_field_both_changed_and_keeps_the_other_persons_changes()
    {
        var form = SupportMeasure();
        var stored = SupportMeasure();
        stored.Content = "Змінено іншою працівницею";
        stored.FundingLines.RemoveAll(l => l.Source == FundingSource.Other && l.Year == 2022);
        stored.Version = 101;
        var editor = RenderEditor(form, _ => Task.FromResult(EditResult<MeasureForm>.Fail(EditOutcome.Conflict, "conflict", stored)));
        editor.Find("textarea").Input("Моя версія змісту");

        editor.Find("button[data-action='save-measure']").Click();

        var conflict = editor.Find("#conflict");
        Assert.Equal(["content"], editor.FindAll("#conflict tr[data-conflict]").Select(r => r.GetAttribute("data-conflict")));
        Assert.Contains("Моя версія змісту", conflict.TextContent);
        Assert.Contains("Змінено іншою працівницею", conflict.TextContent);
        Assert.Contains("Інші кошти, 2022 рік", editor.Find("#merged-changes").TextContent);
        editor.Find("tr[data-conflict='content'] input[data-choice='mine']").Change(true);
        editor.Find("button[data-action='apply-choices']").Click();

        Assert.Equal(101u, form.Version);
        Assert.Equal("Моя версія змісту", form.Content);
        Assert.DoesNotContain(form.FundingLines, l => l.Source == FundingSource.Other && l.Year == 2022);
        Assert.Empty(editor.FindAll("#conflict"));
    }

    [Fact]
    public void A_failed_save_keeps_the_form_and_says_why()
    {
        var form = SupportMeasure();
        var editor = RenderEditor(form, _ => throw new Microsoft.EntityFrameworkCore.DbUpdateException("connection lost"));
        editor.Find("textarea").Input("Новий зміст, який не можна втратити");

        editor.Find("button[data-action='save-measure']").Click();

        Assert.Contains("Не вдалося зберегти", editor.Find("#form-error").TextContent);
        Assert.Equal("Новий зміст, який не можна втратити", form.Content);
    }
}
