using Kreminna1325.Core.Plans.Editing;

namespace Kreminna1325.Web.Plans.Editing;

/// <summary>
/// A save that met another person's save: the three versions as they were at that moment (copies, so
/// further typing does not change them) and their merge.
/// </summary>
public sealed record MeasureEditMerge(MeasureForm Base, MeasureForm Mine, MeasureForm Theirs, MeasureMergeResult Result)
{
    public static MeasureEditMerge Start(MeasureForm @base, MeasureForm mine, MeasureForm theirs)
    {
        var (b, m, t) = (MeasureMerge.Snapshot(@base), MeasureMerge.Snapshot(mine), MeasureMerge.Snapshot(theirs));
        return new(b, m, t, MeasureMerge.Merge(b, m, t));
    }

    /// <summary>The merge with the person's choices; nothing is left to choose, what was kept automatically still shows.</summary>
    public MeasureEditMerge Resolve(IReadOnlyDictionary<MergeField, MergeSide> choices) =>
        this with { Result = MeasureMerge.Merge(Base, Mine, Theirs, choices) with { Conflicts = [] } };
}
