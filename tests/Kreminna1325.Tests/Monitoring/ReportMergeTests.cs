using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Editing;

namespace Kreminna1325.Tests.Monitoring;

/// <summary>Two people worked on the same report from the same version: what the merge keeps of each.</summary>
public class ReportMergeTests(ReportingFixture f) : IClassFixture<ReportingFixture>
{
    private static ReportForm Base() => new()
    {
        ReportId = 3, PeriodId = 9, MeasureId = 4, Version = 20, Implementation = ImplementationStatus.InProgress, Narrative = "Почато",
        Values =
        [
            new() { IndicatorId = 1, IndicatorText = "кількість тренінгів", Kind = IndicatorKind.Count, Number = 1 },
            new()
            {
                IndicatorId = 2, IndicatorText = "кількість учасників", Kind = IndicatorKind.Count, Requested = [Disaggregation.Sex], Number = 10,
                Breakdown = new() { [Disaggregation.Sex] = new() { ["women"] = 6, ["men"] = 4 } },
            },
            new() { IndicatorId = 3, IndicatorText = "перелік закладів", Kind = IndicatorKind.List, Entries = ["Гімназія"] },
        ],
        Spending = [new() { Source = FundingSource.Local, Planned = 5m, Amount = 1m }],
    };

    private static ReportField Value(int id) => new(ReportFieldKind.Value, id);

    public sealed record Case(Action<ReportForm> Mine, Action<ReportForm> Theirs, Action<ReportForm> Expected, ReportField[] Conflicts, ReportField[] TheirChanges);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["a value mine, the narrative theirs: both kept"] = new(
            m => m.Values[0].Number = 2, t => t.Narrative = "Проведено",
            e => { e.Values[0].Number = 2; e.Narrative = "Проведено"; }, [], [new(ReportFieldKind.Narrative)]),
        ["a breakdown cell theirs, a list mine: both kept"] = new(
            m => m.Values[2].Entries.Add("Ліцей"), t => t.Values[1].Breakdown[Disaggregation.Sex]["men"] = 5,
            e => { e.Values[2].Entries.Add("Ліцей"); e.Values[1].Breakdown[Disaggregation.Sex]["men"] = 5; }, [], [Value(2)]),
        ["the same value changed differently: a choice, theirs until chosen"] = new(
            m => m.Values[0].Number = 2, t => t.Values[0].Number = 3, e => e.Values[0].Number = 3, [Value(1)], []),
        ["spending theirs, status mine"] = new(
            m => m.Implementation = ImplementationStatus.Done, t => t.Spending[0].Amount = 2.5m,
            e => { e.Implementation = ImplementationStatus.Done; e.Spending[0].Amount = 2.5m; }, [], [new(ReportFieldKind.Spending, Source: FundingSource.Local)]),
        ["spaces around the narrative are no change"] = new(
            m => m.Narrative = " Почато ", t => t.Narrative = "Проведено", e => e.Narrative = "Проведено", [], [new(ReportFieldKind.Narrative)]),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Merges_field_by_field(string name)
    {
        var c = Cases[name];
        var (mine, theirs, expected) = (Base(), Base(), Base());
        c.Mine(mine);
        c.Theirs(theirs);
        theirs.Version = 21;
        c.Expected(expected);

        var result = ReportMerge.Merge(Base(), mine, theirs);

        Assert.Equal(Describe(expected), Describe(result.Merged));
        Assert.Equal(c.Conflicts, result.Conflicts);
        Assert.Equal(c.TheirChanges, result.TheirChanges);
        Assert.Equal(21u, result.Merged.Version);
    }

    [Fact]
    public async Task Two_officials_changing_different_fields_of_one_report_both_keep_their_changes()
    {
        var period = await f.PeriodAsync("IV", 3, 2021, 1);
        var started = (await f.Reports.LoadAsync(f.Staff, period))!.Form;
        started.Narrative = "Чернетка";
        Assert.True((await f.Reports.SaveDraftAsync(f.CentreOfficial, started)).Saved);

        var @base = (await f.Reports.LoadAsync(f.Staff, period))!.Form;
        var mine = ReportMerge.Snapshot(@base);
        var theirs = (await f.Reports.LoadAsync(f.Staff, period))!.Form;
        theirs.Narrative = "Опис від колеги";
        Assert.True((await f.Reports.SaveDraftAsync(f.CentreOfficial, theirs)).Saved);
        mine.Implementation = ImplementationStatus.InProgress;
        mine.Narrative = "Чернетка";

        var conflict = await f.Reports.SaveDraftAsync(f.CentreOfficial, mine);
        Assert.Equal(EditOutcome.Conflict, conflict.Outcome);
        var merge = ReportMerge.Merge(@base, mine, conflict.Current!, new Dictionary<ReportField, MergeSide>());
        Assert.Empty(merge.Conflicts);
        var saved = await f.Reports.SaveDraftAsync(f.CentreOfficial, merge.Merged);

        Assert.True(saved.Saved, saved.Message);
        var stored = (await f.Reports.LoadAsync(f.Staff, period))!.Form;
        Assert.Equal(("Опис від колеги", ImplementationStatus.InProgress), (stored.Narrative, stored.Implementation));
    }

    private static string Describe(ReportForm r) => string.Join(" / ",
        r.Implementation?.ToString() ?? "-", r.NotDoneReason?.Trim() ?? "", r.Narrative?.Trim() ?? "",
        string.Join(",", r.Values.Select(v => $"{v.IndicatorId}:{ReportMerge.ValueKey(v)}")),
        string.Join(",", r.Spending.Select(s => $"{s.Source}={s.Amount}")));
}
