using Bunit;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Web.Monitoring;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Tests.Components;

/// <summary>Someone else saved the report meanwhile: only what both changed is offered, the rest is kept and said.</summary>
public sealed class ReportConflictTests : IAsyncLifetime
{
    private readonly BunitContext context = new();

    public ReportConflictTests()
    {
        BunitSetup.Prepare(context);
        BunitSetup.Ready(context);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => context.DisposeAsync().AsTask();

    private static ReportForm Stored() => new()
    {
        ReportId = 3, Version = 20, Narrative = "Почато",
        Values =
        [
            new() { IndicatorId = 1, IndicatorText = "кількість тренінгів", Kind = IndicatorKind.Count, Number = 1 },
            new() { IndicatorId = 2, IndicatorText = "перелік закладів", Kind = IndicatorKind.List, Entries = ["Гімназія"] },
        ],
    };

    [Fact]
    public void Only_the_value_both_changed_is_offered_and_the_other_change_is_listed_as_kept()
    {
        var theirs = Stored();
        theirs.Values[0].Number = 3;
        theirs.Narrative = "Проведено два тренінги";
        theirs.Version = 21;
        var form = Stored();
        form.Values[0].Number = 2;
        form.Values[1].Entries.Add("Ліцей");
        var (merge, _) = ReportEditMerge.Start(Stored(), form, theirs);
        IReadOnlyDictionary<ReportField, MergeSide>? applied = null;

        var view = context.Render<ReportConflict>(p => p.Add(c => c.Merge, merge).Add(c => c.OnApply, choices => applied = choices));

        Assert.Equal(["value-1"], view.FindAll("tr[data-conflict]").Select(r => r.GetAttribute("data-conflict")));
        Assert.Equal("Опис виконаного: Почато → Проведено два тренінги", view.Find("li[data-merged='narrative']").TextContent.Trim());
        Assert.DoesNotContain("Ліцей", view.Markup);
        Assert.Equal(20u, form.Version);

        view.Find("tr[data-conflict='value-1'] input[data-choice='mine']").Change(true);
        view.Find("button[data-action='apply-choices']").Click();
        var (resolved, @base) = merge.Resolve(applied!, form);

        Assert.Equal((2m, "Проведено два тренінги", 21u), (form.Values[0].Number, form.Narrative, form.Version));
        Assert.Equal(["Гімназія", "Ліцей"], form.Values[1].Entries);
        Assert.Equal(21u, @base.Version);
        Assert.Empty(resolved.Result.Conflicts);
    }

    [Fact]
    public void Changes_to_different_fields_are_merged_into_the_form_at_once_and_said_so()
    {
        var (form, theirs) = (Stored(), Stored());
        form.Values[0].Number = 2;
        theirs.Narrative = "Проведено";
        theirs.Version = 21;

        var (merge, @base) = ReportEditMerge.Start(Stored(), form, theirs);
        var view = context.Render<ReportConflict>(p => p.Add(c => c.Merge, merge));

        Assert.Contains("об'єднано з їхніми автоматично", view.Find("#merged").TextContent);
        Assert.Empty(view.FindAll("#conflict"));
        Assert.Equal((2m, "Проведено", 21u, 21u), (form.Values[0].Number, form.Narrative, form.Version, @base.Version));
    }
}
