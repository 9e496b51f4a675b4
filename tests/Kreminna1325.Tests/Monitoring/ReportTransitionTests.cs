using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Tests.Editing;

namespace Kreminna1325.Tests.Monitoring;

/// <summary>The report's own transitions: each allowed only from its states, each refused elsewhere without a trace.</summary>
public class ReportTransitionTests
{
    private static readonly Actor Official = new("official-id", "centre@kreminna.local");
    private static readonly Actor Staff = new("staff-id", "staff@kreminna.local");
    private static readonly DateTimeOffset At = new(2021, 5, 20, 9, 0, 0, TimeSpan.Zero);

    public enum Step
    {
        Submit,
        Approve,
        Return,
        Reopen,
    }

    /// <summary>Every transition from every status: where it leads, or null where it is refused.</summary>
    public static TheoryData<Step, ReportStatus, ReportStatus?> Table => new()
    {
        { Step.Submit, ReportStatus.Draft, ReportStatus.Submitted },
        { Step.Submit, ReportStatus.Returned, ReportStatus.Submitted },
        { Step.Submit, ReportStatus.Submitted, null },
        { Step.Submit, ReportStatus.Approved, null },
        { Step.Approve, ReportStatus.Submitted, ReportStatus.Approved },
        { Step.Approve, ReportStatus.Draft, null },
        { Step.Approve, ReportStatus.Returned, null },
        { Step.Approve, ReportStatus.Approved, null },
        { Step.Return, ReportStatus.Submitted, ReportStatus.Returned },
        { Step.Return, ReportStatus.Draft, null },
        { Step.Return, ReportStatus.Returned, null },
        { Step.Return, ReportStatus.Approved, null },
        { Step.Reopen, ReportStatus.Approved, ReportStatus.Returned },
        { Step.Reopen, ReportStatus.Draft, null },
        { Step.Reopen, ReportStatus.Submitted, null },
        { Step.Reopen, ReportStatus.Returned, null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void A_transition_moves_only_from_its_own_states_and_is_recorded(Step step, ReportStatus from, ReportStatus? to)
    {
        using var _ = new CultureScope("uk-UA");
        var report = InState(from);
        var events = report.Events.Count;
        var later = At.AddHours(1);

        if (to is null)
        {
            var refused = Assert.Throws<ReportTransitionRefused>(() => Do(report, step, later));
            Assert.Equal($"Звіт зі статусом «{Uk(from)}» не можна {Verb(step)}.", refused.Message);
            Assert.Equal(from, report.Status);
            Assert.Equal(events, report.Events.Count);
            return;
        }

        Do(report, step, later);

        Assert.Equal(to, report.Status);
        var recorded = report.Events[^1];
        Assert.Equal(events + 1, report.Events.Count);
        Assert.Equal((from, to.Value, later), (recorded.From, recorded.To, recorded.At));
        var by = step == Step.Submit ? Official : Staff;
        Assert.Equal((by.UserId, by.Name), (recorded.UserId, recorded.UserName));
        if (step == Step.Submit)
        {
            Assert.Equal((later, Official.Name), (report.SubmittedAt, report.SubmittedBy));
        }
        else
        {
            Assert.Equal((later, Staff.Name), (report.ReviewedAt, report.ReviewedBy));
            Assert.Equal(step == Step.Approve ? null : $"{step} comment", report.ReviewComment);
            Assert.Equal(report.ReviewComment, recorded.Comment);
        }
    }

    [Theory]
    [InlineData(ReportStatus.Draft, true)]
    [InlineData(ReportStatus.Returned, true)]
    [InlineData(ReportStatus.Submitted, false)]
    [InlineData(ReportStatus.Approved, false)]
    public void Its_body_may_change_a_draft_or_a_returned_report_only(ReportStatus status, bool editable)
    {
        using var _ = new CultureScope("uk-UA");
        var report = InState(status);

        Assert.Equal(editable, report.IsEditable);
        Assert.Equal(editable, Report.IsEditableIn(status));
        Assert.Equal(editable ? null : $"Звіт зі статусом «{Uk(status)}» не можна змінювати.", report.EditRefusal);
    }

    [Theory]
    [InlineData(Step.Return)]
    [InlineData(Step.Reopen)]
    public void A_return_or_reopening_without_its_comment_changes_nothing(Step step)
    {
        var report = InState(step == Step.Return ? ReportStatus.Submitted : ReportStatus.Approved);
        var status = report.Status;

        Assert.Throws<ArgumentException>(() => (step == Step.Return ? (Action)(() => report.Return(Staff, At, "  ")) : () => report.Reopen(Staff, At, ""))());

        Assert.Equal(status, report.Status);
    }

    /// <summary>A report brought to a status the only way there is: through its transitions.</summary>
    internal static Report InState(ReportStatus status)
    {
        var report = new Report { PeriodId = 1, MeasureId = 1 };
        if (status != ReportStatus.Draft)
        {
            report.Submit(Official, At);
        }

        if (status == ReportStatus.Approved)
        {
            report.Approve(Staff, At);
        }
        else if (status == ReportStatus.Returned)
        {
            report.Return(Staff, At, "Додайте розбивку.");
        }

        Assert.Equal(status, report.Status);
        return report;
    }

    private static void Do(Report report, Step step, DateTimeOffset at)
    {
        switch (step)
        {
            case Step.Submit: report.Submit(Official, at); break;
            case Step.Approve: report.Approve(Staff, at); break;
            case Step.Return: report.Return(Staff, at, $" {step} comment "); break;
            default: report.Reopen(Staff, at, $"{step} comment"); break;
        }
    }

    private static string Uk(ReportStatus status) => status switch
    {
        ReportStatus.Draft => "чернетка",
        ReportStatus.Submitted => "подано",
        ReportStatus.Returned => "повернуто",
        _ => "затверджено",
    };

    private static string Verb(Step step) => step switch
    {
        Step.Submit => "подати",
        Step.Approve => "затвердити",
        Step.Return => "повернути",
        _ => "відкрити повторно",
    };
}
