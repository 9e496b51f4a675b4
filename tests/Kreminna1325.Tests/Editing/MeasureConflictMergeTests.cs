using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Editing;

/// <summary>
/// Two people save the same measure from the same version, the way the editor does it: the second save
/// meets a conflict, merges field by field and saves the merge on the latest version.
/// </summary>
public class MeasureConflictMergeTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static readonly System.Security.Claims.ClaimsPrincipal Administrator = TestUsers.InRole(Roles.Administrator, "admin");

    private MeasureEditor Editor => new(database.DbFactory, new MeasureFormValidator());

    private async Task<int> IdOfAsync(string direction, int number)
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();
        return await db.Measures.Where(m => m.Direction.Number == direction && m.Number == number).Select(m => m.Id).SingleAsync();
    }

    /// <summary>What the editor does on a conflict when the person leaves every choice to <paramref name="choose"/>.</summary>
    private async Task<(EditResult<MeasureForm> Saved, List<MeasureMergeResult> Merges)> SaveMergingAsync(
        MeasureForm @base, MeasureForm mine, Func<MergeField, MergeSide>? choose = null)
    {
        var merges = new List<MeasureMergeResult>();
        var result = await Editor.SaveAsync(Administrator, mine);
        while (result.Outcome == EditOutcome.Conflict && merges.Count < 5)
        {
            var theirs = result.Current!;
            var plain = MeasureMerge.Merge(@base, mine, theirs);
            var merge = MeasureMerge.Merge(@base, mine, theirs, plain.Conflicts.ToDictionary(f => f, f => choose?.Invoke(f) ?? MergeSide.Theirs));
            merges.Add(plain);
            (@base, mine) = (theirs, merge.Merged);
            result = await Editor.SaveAsync(Administrator, mine);
        }

        return (result, merges);
    }

    [Fact]
    public async Task A_restored_funding_line_and_an_edited_text_are_both_kept()
    {
        var id = await IdOfAsync("IV", 7);
        var opened = (await Editor.LoadAsync(id))!;
        var removed = opened.FundingLines.First(l => l.Source == FundingSource.Other);
        opened.FundingLines.Remove(removed);
        Assert.True((await Editor.SaveAsync(TestUsers.Staff, opened)).Saved);

        // The administrator opens the measure; meanwhile staff restore the line.
        var @base = (await Editor.LoadAsync(id))!;
        var mine = MeasureMerge.Snapshot(@base);
        var staff = (await Editor.LoadAsync(id))!;
        staff.FundingLines.Add(new FundingLineForm { Source = removed.Source, Year = removed.Year, Amount = removed.Amount });
        Assert.True((await Editor.SaveAsync(TestUsers.Staff, staff)).Saved);
        var deletionsBefore = await LineDeletionsAsync(id);
        Assert.True(deletionsBefore > 0, "the removal above is in the audit trail");

        mine.Content = @base.Content + " (уточнено адміністратором)";
        var (saved, merges) = await SaveMergingAsync(@base, mine);

        Assert.True(saved.Saved, saved.Message);
        var merge = Assert.Single(merges);
        Assert.Empty(merge.Conflicts);
        Assert.Equal([new MergeField(MergeFieldKind.FundingLine, Source: removed.Source, Year: removed.Year)], merge.TheirChanges);
        var stored = (await Editor.LoadAsync(id))!;
        Assert.EndsWith("(уточнено адміністратором)", stored.Content);
        Assert.Contains(stored.FundingLines, l => l.Source == removed.Source && l.Year == removed.Year && l.Amount == removed.Amount);

        // The audit trail shows no line deleted by the administrator's save.
        Assert.Equal(deletionsBefore, await LineDeletionsAsync(id));
    }

    private async Task<int> LineDeletionsAsync(int measureId)
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();
        return await db.AuditEntries.CountAsync(a => a.MeasureId == measureId && a.EntityType == nameof(FundingLine) && a.Action == AuditAction.Delete);
    }

    [Fact]
    public async Task The_same_field_changed_by_both_is_a_choice_and_the_other_changes_stay()
    {
        var id = await IdOfAsync("II", 3);
        var @base = (await Editor.LoadAsync(id))!;
        var mine = MeasureMerge.Snapshot(@base);
        var staff = (await Editor.LoadAsync(id))!;
        staff.Content = "Зміст від працівниці ради";
        staff.Indicators.Add(new IndicatorForm { Text = "кількість нових учасниць", Kind = IndicatorKind.Count });
        Assert.True((await Editor.SaveAsync(TestUsers.Staff, staff)).Saved);

        mine.Content = "Зміст від адміністратора";
        mine.Term.Text = "Щорічно";
        mine.Term.Kind = TermKind.Annual;
        var (saved, merges) = await SaveMergingAsync(@base, mine, _ => MergeSide.Mine);

        Assert.True(saved.Saved, saved.Message);
        Assert.Equal([new MergeField(MergeFieldKind.Content)], Assert.Single(merges).Conflicts);
        var stored = (await Editor.LoadAsync(id))!;
        Assert.Equal("Зміст від адміністратора", stored.Content);
        Assert.Equal(TermKind.Annual, stored.Term.Kind);
        Assert.Contains(stored.Indicators, i => i.Text == "кількість нових учасниць");
    }

    [Fact]
    public async Task A_save_between_the_merge_and_its_save_is_merged_again_never_overwritten()
    {
        var id = await IdOfAsync("I", 4);
        var @base = (await Editor.LoadAsync(id))!;
        var mine = MeasureMerge.Snapshot(@base);
        mine.Content = "Зміст, який уточнили після двох інших збережень";

        var first = (await Editor.LoadAsync(id))!;
        first.FundingNote = FundingNote.WithinMunicipalBudgets;
        Assert.True((await Editor.SaveAsync(TestUsers.Staff, first)).Saved);

        // The merged form is saved on the version it merged, but another save got there first.
        var latest = (await Editor.LoadAsync(id))!;
        var merged = MeasureMerge.Merge(@base, mine, latest).Merged;
        var second = (await Editor.LoadAsync(id))!;
        second.Term.Text = "Щокварталу";
        Assert.True((await Editor.SaveAsync(TestUsers.Staff, second)).Saved);

        var (saved, merges) = await SaveMergingAsync(latest, merged);

        Assert.True(saved.Saved, saved.Message);
        Assert.Empty(Assert.Single(merges).Conflicts);
        var stored = (await Editor.LoadAsync(id))!;
        Assert.Equal(("Зміст, який уточнили після двох інших збережень", FundingNote.WithinMunicipalBudgets, "Щокварталу"),
            (stored.Content, stored.FundingNote, stored.Term.Text));
    }
}
