using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans.Editing;

namespace Kreminna1325.Web.Monitoring;

/// <summary>A save of a report that met another person's save: the three versions at that moment (copies) and their merge.</summary>
public sealed record ReportEditMerge(ReportForm Base, ReportForm Mine, ReportForm Theirs, ReportMergeResult Result)
{
    /// <summary>
    /// Merges the person's form with the version saved meanwhile. With nothing to choose the form takes the merge at
    /// once; the base to use next is returned with it (the version merged, or the old base while a choice is open).
    /// </summary>
    public static (ReportEditMerge Merge, ReportForm Base) Start(ReportForm @base, ReportForm form, ReportForm theirs)
    {
        var (b, m, t) = (ReportMerge.Snapshot(@base), ReportMerge.Snapshot(form), ReportMerge.Snapshot(theirs));
        var merge = new ReportEditMerge(b, m, t, ReportMerge.Merge(b, m, t));
        return (merge, merge.Result.Conflicts.Count == 0 ? merge.AdoptInto(form) : @base);
    }

    /// <summary>Applies the person's choices to the form; what was kept automatically still shows, nothing is left to choose.</summary>
    public (ReportEditMerge Merge, ReportForm Base) Resolve(IReadOnlyDictionary<ReportField, MergeSide> choices, ReportForm form)
    {
        var resolved = this with { Result = ReportMerge.Merge(Base, Mine, Theirs, choices) with { Conflicts = [] } };
        return (resolved, resolved.AdoptInto(form));
    }

    /// <summary>Puts the merge into the form the page edits, on the latest version; that version is the next base.</summary>
    private ReportForm AdoptInto(ReportForm form)
    {
        var merged = Result.Merged;
        (form.ReportId, form.Status, form.Version) = (merged.ReportId, merged.Status, merged.Version);
        (form.Implementation, form.NotDoneReason, form.Narrative) = (merged.Implementation, merged.NotDoneReason, merged.Narrative);
        (form.Values, form.Spending) = (merged.Values, merged.Spending);
        return ReportMerge.Snapshot(Theirs);
    }
}
