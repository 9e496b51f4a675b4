using Bunit;
using FluentValidation;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Web.Plans.Editing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Kreminna1325.Tests.Components;

/// <summary>Someone else saved the measure meanwhile: what the person is shown and what their next save sends.</summary>
public sealed class MeasureConflictTests : IAsyncLifetime
{
    private readonly BunitContext context = new();

    public MeasureConflictTests()
    {
        BunitSetup.Prepare(context);
        context.Services.AddSingleton<IValidator<MeasureForm>, MeasureFormValidator>();
        BunitSetup.Ready(context);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => context.DisposeAsync().AsTask();

    private static readonly ResponsibleBodyView[] Bodies =
    [
        new(1, "Центр гендерної рівності", "ЦГР", [], BodyKind.MunicipalInstitution),
        new(2, "Служба у справах дітей", "ССД", [], BodyKind.MunicipalInstitution),
    ];

    private static MeasureForm Stored(uint version = 100) => new()
    {
        Id = 27, DirectionId = 4, Number = 7, Version = version, PlanStartYear = 2020, PlanEndYear = 2022,
        Content = "Підтримка жіночих ініціативних груп",
        Term = new TermForm { Text = "Постійно", Kind = TermKind.Ongoing },
        ResponsibleBodies = [new ResponsibleForm { BodyId = 1, Name = "ЦГР" }],
        Indicators = [new IndicatorForm { Id = 5, Text = "кількість зустрічей", Kind = IndicatorKind.Count }],
        FundingLines = [new() { Source = FundingSource.Local, Year = 2020, Amount = 50m }],
    };

    [Fact]
    public void Changes_to_different_fields_merge_by_themselves_and_the_person_is_told_which_were_kept()
    {
        var form = Stored();
        var first = Stored(101);
        first.FundingLines.Add(new() { Source = FundingSource.Local, Year = 2021, Amount = 75m });
        var second = Stored(102);
        second.FundingLines = first.FundingLines;
        second.FundingNote = FundingNote.WithinMunicipalBudgets;
        var sent = new List<MeasureForm>();
        var answers = new Queue<EditResult<MeasureForm>>(
        [
            EditResult<MeasureForm>.Fail(EditOutcome.Conflict, "conflict", first),
            EditResult<MeasureForm>.Fail(EditOutcome.Conflict, "conflict", second),
        ]);
        var editor = context.Render<MeasureEditorForm>(p => p
            .Add(c => c.Form, form).Add(c => c.Bodies, Bodies)
            .Add(c => c.Save, f =>
            {
                sent.Add(MeasureMerge.Snapshot(f));
                return Task.FromResult(answers.TryDequeue(out var a) ? a : EditResult<MeasureForm>.Ok(f));
            }));
        editor.Find("textarea").Input("Підтримка жіночих ініціативних груп громади");

        editor.Find("button[data-action='save-measure']").Click();

        // Nothing to choose: the form holds both changes on the newer version, and says what it kept.
        Assert.Empty(editor.FindAll("#conflict"));
        Assert.Contains("об'єднано з їхніми автоматично", editor.Find("#merged").TextContent);
        Assert.Equal("Фінансування: Місцевий бюджет, 2021 рік: — (немає) → 75,0", editor.Find("li[data-merged='funding-local-2021']").TextContent.Trim());
        Assert.Equal(101u, form.Version);
        Assert.Equal("Підтримка жіночих ініціативних груп громади", form.Content);
        Assert.Contains(form.FundingLines, l => l.Year == 2021 && l.Amount == 75m);

        // Yet another save meanwhile: merged again from the version just merged, never over it.
        // A save finishes asynchronously (it is logged if it fails): wait for each, as a person would before the next click.
        editor.Find("button[data-action='save-measure']").Click();
        editor.WaitForAssertion(() => Assert.Contains("Примітка щодо фінансування", editor.Find("#merged-changes").TextContent));
        editor.Find("button[data-action='save-measure']").Click();

        editor.WaitForAssertion(() => Assert.Equal(3, sent.Count));
        Assert.Equal([100u, 101u, 102u], sent.Select(f => f.Version));
        var saved = sent[^1];
        Assert.Equal("Підтримка жіночих ініціативних груп громади", saved.Content);
        Assert.Equal(FundingNote.WithinMunicipalBudgets, saved.FundingNote);
        Assert.Equal([2020, 2021], saved.FundingLines.Select(l => l.Year));
    }

    [Fact]
    public void Only_the_fields_both_changed_are_offered_and_each_needs_a_choice()
    {
        var (@base, mine, theirs) = (Stored(), Stored(), Stored(101));
        mine.Content = "Моя версія";
        mine.FundingLines[0].Amount = 60m;
        mine.Indicators[0].Text = "кількість проведених зустрічей";
        theirs.Content = "Їхня версія";
        theirs.FundingLines[0].Amount = 70m;
        theirs.ResponsibleBodies.Add(new ResponsibleForm { BodyId = 2, Name = "ССД", ByAgreement = true });
        IReadOnlyDictionary<MergeField, MergeSide>? applied = null;
        var conflict = context.Render<MeasureConflict>(p => p
            .Add(c => c.Base, @base).Add(c => c.Mine, mine).Add(c => c.Theirs, theirs).Add(c => c.Bodies, Bodies)
            .Add(c => c.Result, MeasureMerge.Merge(@base, mine, theirs))
            .Add(c => c.OnApply, choices => applied = choices));

        Assert.Equal(["content", "funding-local-2020"], conflict.FindAll("tr[data-conflict]").Select(r => r.GetAttribute("data-conflict")));
        Assert.Contains("60,0", conflict.Find("tr[data-conflict='funding-local-2020']").TextContent);
        Assert.Contains("70,0", conflict.Find("tr[data-conflict='funding-local-2020']").TextContent);
        Assert.Equal(["body-2"], conflict.FindAll("li[data-merged]").Select(r => r.GetAttribute("data-merged")));
        Assert.Contains("Виконавець «ССД»: — (немає) → ССД (за згодою)", conflict.Find("#merged-changes").TextContent);
        Assert.DoesNotContain("кількість проведених зустрічей", conflict.Markup);

        // Apply waits until every offered field has a side.
        conflict.Find("tr[data-conflict='content'] input[data-choice='mine']").Change(true);
        Assert.True(conflict.Find("button[data-action='apply-choices']").HasAttribute("disabled"));
        conflict.Find("tr[data-conflict='funding-local-2020'] input[data-choice='theirs']").Change(true);
        conflict.Find("button[data-action='apply-choices']").Click();

        Assert.NotNull(applied);
        Assert.Equal(MergeSide.Mine, applied[new MergeField(MergeFieldKind.Content)]);
        Assert.Equal(MergeSide.Theirs, applied[new MergeField(MergeFieldKind.FundingLine, Source: FundingSource.Local, Year: 2020)]);
        var merged = MeasureMerge.Merge(@base, mine, theirs, applied).Merged;
        Assert.Equal(("Моя версія", 70m, "кількість проведених зустрічей", 2), (merged.Content, merged.FundingLines[0].Amount, merged.Indicators[0].Text, merged.ResponsibleBodies.Count));
    }
}
