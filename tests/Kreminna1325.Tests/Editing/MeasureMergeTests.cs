using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Editing;

namespace Kreminna1325.Tests.Editing;

/// <summary>Two people edited the same measure from the same version: what the merge keeps of each.</summary>
public class MeasureMergeTests
{
    private static MeasureForm Base() => new()
    {
        Id = 7, DirectionId = 2, Number = 3, Version = 10, PlanStartYear = 2020, PlanEndYear = 2022,
        Content = "Проведення навчань",
        Term = new TermForm { Text = "Щоквартально", Kind = TermKind.Quarterly },
        ResponsibleBodies = [new() { BodyId = 1, Name = "ЦГР" }, new() { BodyId = 2, Name = "ЦСССДМ", ByAgreement = true }, new() { BodyId = 6, Name = "ССД" }],
        Indicators =
        [
            new() { Id = 11, Text = "кількість навчань", Kind = IndicatorKind.Count, Disaggregations = [Disaggregation.Sex] },
            new() { Id = 12, Text = "перелік тем", Kind = IndicatorKind.List },
        ],
        FundingNote = null,
        FundingLines = [new() { Source = FundingSource.Local, Year = 2020, Amount = 5m }, new() { Source = FundingSource.Local, Year = 2021, Amount = 6m }],
    };

    private static readonly MergeField Content = new(MergeFieldKind.Content);

    private static MergeField Line(FundingSource s, int y) => new(MergeFieldKind.FundingLine, Source: s, Year: y);

    /// <summary>mine and theirs change a copy of Base; expected is Base with what the merge should give.</summary>
    public sealed record Case(Action<MeasureForm> Mine, Action<MeasureForm> Theirs, Action<MeasureForm> Expected, MergeField[] Conflicts, MergeField[] TheirChanges);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["one restores a funding line, the other edits the text: both kept"] = new(
            m => m.Content = "Проведення навчань для жінок",
            t => t.FundingLines.Add(new() { Source = FundingSource.Local, Year = 2022, Amount = 7m }),
            e => { e.Content = "Проведення навчань для жінок"; e.FundingLines.Add(new() { Source = FundingSource.Local, Year = 2022, Amount = 7m }); },
            [], [Line(FundingSource.Local, 2022)]),
        ["both make the same change: nothing to choose"] = new(
            m => m.Content = "Однаково", t => t.Content = "Однаково", e => e.Content = "Однаково", [], []),
        ["both change the text differently: a choice, theirs until chosen"] = new(
            m => m.Content = "Моє", t => t.Content = "Їхнє", e => e.Content = "Їхнє", [Content], []),
        ["only spaces added around the text is no change"] = new(
            m => m.Content = " Проведення навчань ", t => t.Content = "Їхнє", e => e.Content = "Їхнє", [], [Content]),
        ["term text mine, term meaning theirs"] = new(
            m => m.Term.Text = "Щокварталу",
            t => { t.Term.Kind = TermKind.AnnualInQuarter; t.Term.Quarter = 2; },
            e => { e.Term.Text = "Щокварталу"; e.Term.Kind = TermKind.AnnualInQuarter; e.Term.Quarter = 2; },
            [], [new(MergeFieldKind.TermKind)]),
        ["funding note changed by theirs only"] = new(
            m => m.Content = "Інше", t => t.FundingNote = FundingNote.NotRequired,
            e => { e.Content = "Інше"; e.FundingNote = FundingNote.NotRequired; }, [], [new(MergeFieldKind.FundingNote)]),
        ["an amount both changed: a choice"] = new(
            m => m.FundingLines[0].Amount = 8m, t => t.FundingLines[0].Amount = 9m, e => e.FundingLines[0].Amount = 9m,
            [Line(FundingSource.Local, 2020)], []),
        ["a line mine removed and theirs changed: a choice"] = new(
            m => m.FundingLines.RemoveAt(1), t => t.FundingLines[1].Amount = 1m, e => e.FundingLines[1].Amount = 1m,
            [Line(FundingSource.Local, 2021)], []),
        ["a line mine removed and theirs left alone: removed"] = new(
            m => m.FundingLines.RemoveAt(1), t => t.Content = "Їхнє",
            e => { e.FundingLines.RemoveAt(1); e.Content = "Їхнє"; }, [], [Content]),
        ["a body theirs removed and mine left alone: removed"] = new(
            m => m.Content = "Моє", t => t.ResponsibleBodies.RemoveAt(0),
            e => { e.Content = "Моє"; e.ResponsibleBodies.RemoveAt(0); }, [], [new(MergeFieldKind.Body, 1)]),
        ["a body theirs removed and mine changed: a choice"] = new(
            m => m.ResponsibleBodies[1].ByAgreement = false, t => t.ResponsibleBodies.RemoveAt(1), e => e.ResponsibleBodies.RemoveAt(1),
            [new(MergeFieldKind.Body, 2)], []),
        ["bodies each side added are both kept, each after its neighbour"] = new(
            m => m.ResponsibleBodies.Add(new() { BodyId = 3 }),
            t => t.ResponsibleBodies.Insert(1, new() { BodyId = 4, ByAgreement = true }),
            e => { e.ResponsibleBodies.Insert(1, new() { BodyId = 4, ByAgreement = true }); e.ResponsibleBodies.Add(new() { BodyId = 3 }); },
            [], [new(MergeFieldKind.Body, 4)]),
        ["the same body added by both with different terms: a choice"] = new(
            m => m.ResponsibleBodies.Add(new() { BodyId = 3 }), t => t.ResponsibleBodies.Add(new() { BodyId = 3, ByAgreement = true }),
            e => e.ResponsibleBodies.Add(new() { BodyId = 3, ByAgreement = true }), [new(MergeFieldKind.BodyByAgreement, 3)], []),
        ["mine reorders the indicators, theirs edits one's text"] = new(
            m => m.Indicators.Reverse(), t => t.Indicators[0].Text = "кількість проведених навчань",
            e => { e.Indicators[0].Text = "кількість проведених навчань"; e.Indicators.Reverse(); }, [], [new(MergeFieldKind.IndicatorText, 11)]),
        ["both reorder differently: a choice of order"] = new(
            m => m.ResponsibleBodies.Reverse(),
            t => { t.ResponsibleBodies.Add(new() { BodyId = 5 }); (t.ResponsibleBodies[0], t.ResponsibleBodies[1]) = (t.ResponsibleBodies[1], t.ResponsibleBodies[0]); },
            e => { (e.ResponsibleBodies[0], e.ResponsibleBodies[1]) = (e.ResponsibleBodies[1], e.ResponsibleBodies[0]); e.ResponsibleBodies.Add(new() { BodyId = 5 }); },
            [new(MergeFieldKind.BodiesOrder)], [new(MergeFieldKind.Body, 5)]),
        ["new indicators on both sides are both additions"] = new(
            m => m.Indicators.Add(new() { Text = "моє нове" }),
            t => t.Indicators.Insert(0, new() { Id = 99, Text = "їхнє нове", Kind = IndicatorKind.Text }),
            e => { e.Indicators.Insert(0, new() { Id = 99, Text = "їхнє нове", Kind = IndicatorKind.Text }); e.Indicators.Add(new() { Text = "моє нове" }); },
            [], [new(MergeFieldKind.Indicator, 99)]),
        ["an indicator theirs deleted and mine left alone is deleted"] = new(
            m => m.Indicators.Add(new() { Text = "моє нове" }), t => t.Indicators.RemoveAt(1),
            e => { e.Indicators.RemoveAt(1); e.Indicators.Add(new() { Text = "моє нове" }); }, [], [new(MergeFieldKind.Indicator, 12)]),
        ["kind theirs and breakdowns mine cannot both stand: one choice, theirs until chosen"] = new(
            m => m.Indicators[0].Disaggregations.Add(Disaggregation.Age),
            t => { t.Indicators[0].Kind = IndicatorKind.Percentage; t.Indicators[0].Disaggregations.Clear(); },
            e => { e.Indicators[0].Kind = IndicatorKind.Percentage; e.Indicators[0].Disaggregations.Clear(); },
            [new(MergeFieldKind.IndicatorKind, 11)], []),
        ["breakdowns mine, kind of another indicator theirs"] = new(
            m => m.Indicators[0].Disaggregations.Add(Disaggregation.Age), t => t.Indicators[1].Kind = IndicatorKind.Text,
            e => { e.Indicators[0].Disaggregations.Add(Disaggregation.Age); e.Indicators[1].Kind = IndicatorKind.Text; },
            [], [new(MergeFieldKind.IndicatorKind, 12)]),
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
        theirs.Version = 11;
        c.Expected(expected);

        var result = MeasureMerge.Merge(Base(), mine, theirs);

        Assert.Equal(Describe(expected), Describe(result.Merged));
        Assert.Equal(c.Conflicts, result.Conflicts);
        Assert.Equal(c.TheirChanges, result.TheirChanges);
        Assert.Equal(11u, result.Merged.Version);
    }

    [Fact]
    public void A_choice_of_mine_takes_my_value_for_that_field_only()
    {
        var (mine, theirs) = (Base(), Base());
        mine.Content = "Моє";
        mine.FundingLines[0].Amount = 8m;
        theirs.Content = "Їхнє";
        theirs.FundingLines[0].Amount = 9m;
        theirs.Indicators[1].Text = "перелік тем навчань";

        var result = MeasureMerge.Merge(Base(), mine, theirs, new Dictionary<MergeField, MergeSide> { [Content] = MergeSide.Mine });

        Assert.Equal("Моє", result.Merged.Content);
        Assert.Equal(9m, result.Merged.FundingLines[0].Amount);
        Assert.Equal("перелік тем навчань", result.Merged.Indicators[1].Text);
        Assert.Equal([Content, Line(FundingSource.Local, 2020)], result.Conflicts);
    }

    [Theory]
    [InlineData(MergeSide.Mine)]
    [InlineData(MergeSide.Theirs)]
    public void Either_choice_for_kind_and_breakdowns_gives_a_measure_that_passes_validation(MergeSide side)
    {
        var (mine, theirs) = (Base(), Base());
        mine.Indicators[0].Disaggregations.Add(Disaggregation.Age);
        theirs.Indicators[0].Kind = IndicatorKind.Percentage;
        theirs.Indicators[0].Disaggregations.Clear();

        var result = MeasureMerge.Merge(Base(), mine, theirs, new Dictionary<MergeField, MergeSide> { [new(MergeFieldKind.IndicatorKind, 11)] = side });

        Assert.True(new MeasureFormValidator().Validate(result.Merged).IsValid);
        Assert.Equal(side == MergeSide.Mine ? IndicatorKind.Count : IndicatorKind.Percentage, result.Merged.Indicators[0].Kind);
    }

    [Fact]
    public void The_snapshot_does_not_follow_later_edits()
    {
        var form = Base();
        var snapshot = MeasureMerge.Snapshot(form);

        form.Content = "x";
        form.Indicators[0].Disaggregations.Add(Disaggregation.Age);
        form.FundingLines[0].Amount = 1m;
        form.ResponsibleBodies[0].ByAgreement = true;

        Assert.Equal(Describe(Base()), Describe(snapshot));
    }

    private static string Describe(MeasureForm f) => string.Join(" / ",
        f.Content.Trim(),
        f.Term.Text.Trim(),
        MeasureMerge.TermMeaning(f.Term).ToString(),
        f.FundingNote?.ToString() ?? "-",
        string.Join(",", f.ResponsibleBodies.Select(r => $"{r.BodyId}{(r.ByAgreement ? "*" : "")}")),
        string.Join(",", f.Indicators.Select(i => $"{i.Id}:{i.Text}:{i.Kind}:{MeasureMerge.Breakdowns(i.Disaggregations)}")),
        string.Join(",", f.FundingLines.Select(l => $"{l.Source}{l.Year}={l.Amount}")));
}
