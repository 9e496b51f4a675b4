using Kreminna1325.Core.Audit;

namespace Kreminna1325.Core.Monitoring;


/// <summary>A transition asked of a report in a state it cannot leave that way; the message is for the person.</summary>
public sealed class ReportTransitionRefused(string message) : InvalidOperationException(message);

/// <summary>
/// The report's workflow, written once: Draft or Returned → Submitted (its body) → Approved, or Returned with a
/// comment (council staff); Approved → Returned when staff reopen it with a reason. Services and pages ask these
/// rules; only these transitions change <see cref="Status"/>, and each one is recorded in <see cref="Events"/>.
/// </summary>
public partial class Report
{
    /// <summary>
    /// Its body may change it (values, evidence) and submit it: a draft, or a report returned to them. As a list so
    /// a database query asks the same rule (<c>Report.EditableStatuses.Contains(r.Status)</c>).
    /// </summary>
    public static readonly IReadOnlyList<ReportStatus> EditableStatuses = [ReportStatus.Draft, ReportStatus.Returned];

    public static bool IsEditableIn(ReportStatus status) => EditableStatuses.Contains(status);

    /// <summary>Waiting for council staff to approve or return it.</summary>
    public static bool IsAwaitingReviewIn(ReportStatus status) => status == AwaitingReview;

    /// <summary>The one status a review queue lists, for database queries (<see cref="IsAwaitingReviewIn"/>).</summary>
    public const ReportStatus AwaitingReview = ReportStatus.Submitted;

    /// <summary>Where a period stands for its lists and its page: not started without a report, else the report's status.</summary>
    public static ReportState StateOf(ReportStatus? status) => status switch
    {
        null => ReportState.NotStarted,
        ReportStatus.Draft => ReportState.Draft,
        ReportStatus.Submitted => ReportState.Submitted,
        ReportStatus.Returned => ReportState.Returned,
        _ => ReportState.Approved,
    };

    /// <summary>Approved: read-only until staff reopen it.</summary>
    public static bool IsReopenableIn(ReportStatus status) => status == ReportStatus.Approved;

    public bool IsEditable => IsEditableIn(Status);

    /// <summary>Why its body cannot change it now, for the person; null while they can.</summary>
    public string? EditRefusal => EditRefusalIn(Status);

    public static string? EditRefusalIn(ReportStatus status) =>
        IsEditableIn(status) ? null : Messages.Get("Report.NotEditable", Messages.Get($"Status.{status}"));

    public void Submit(Actor by, DateTimeOffset at)
    {
        Require(IsEditable, "Transition.Submitted");
        Move(ReportStatus.Submitted, by, at, comment: null);
        (SubmittedAt, SubmittedBy) = (at, by.Name);
    }

    public void Approve(Actor by, DateTimeOffset at)
    {
        Require(IsAwaitingReviewIn(Status), "Transition.Approved");
        Reviewed(ReportStatus.Approved, by, at, comment: null);
    }

    /// <summary>Back to its body, with what needs fixing.</summary>
    public void Return(Actor by, DateTimeOffset at, string comment)
    {
        Require(IsAwaitingReviewIn(Status), "Transition.Returned");
        Reviewed(ReportStatus.Returned, by, at, Required(comment));
    }

    /// <summary>An approved report goes back to its body, with the reason, to be corrected and submitted again.</summary>
    public void Reopen(Actor by, DateTimeOffset at, string reason)
    {
        Require(IsReopenableIn(Status), "Transition.Reopened");
        Reviewed(ReportStatus.Returned, by, at, Required(reason));
    }

    private void Require(bool allowed, string transition)
    {
        if (!allowed)
        {
            throw new ReportTransitionRefused(Messages.Get("Report.CannotTransition", Messages.Get($"Status.{Status}"), Messages.Get(transition)));
        }
    }

    private void Reviewed(ReportStatus to, Actor by, DateTimeOffset at, string? comment)
    {
        Move(to, by, at, comment);
        (ReviewedAt, ReviewedBy, ReviewComment) = (at, by.Name, comment);
    }

    private void Move(ReportStatus to, Actor by, DateTimeOffset at, string? comment)
    {
        Events.Add(new ReportEvent { At = at, UserId = by.UserId, UserName = by.Name, From = Status, To = to, Comment = comment });
        Status = to;
    }

    // The service asks for the comment at its field first; this keeps a blank one out whoever calls.
    private static string Required(string text) =>
        string.IsNullOrWhiteSpace(text) ? throw new ArgumentException("A return or reopening needs its comment.", nameof(text)) : text.Trim();
}
