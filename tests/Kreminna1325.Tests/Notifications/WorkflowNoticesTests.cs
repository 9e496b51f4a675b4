using System.Net;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Notifications;

namespace Kreminna1325.Tests.Notifications;

/// <summary>
/// Who hears of each step of a report's review, and what they read: the subject, both parts of the e-mail in their
/// own language, the community, who did it, the comment as a quote, and an absolute link to the report.
/// </summary>
public class WorkflowNoticesTests(WorkflowNoticesFixture f) : IClassFixture<WorkflowNoticesFixture>
{
    [Fact]
    public async Task A_submitted_report_tells_each_active_council_staff_member_once_in_their_language()
    {
        var period = await f.PeriodAsync("I", 4, 2021, 1);

        await f.SubmittedAsync(period);

        var notices = await f.NoticesAsync(period);
        Assert.Equal(
            [f.EnglishStaff.Email, f.Reviewer.Email],
            notices.Select(n => n.ToAddress).Order(StringComparer.Ordinal));
        Assert.All(notices, n =>
        {
            Assert.Equal(NotificationKind.ReportSubmitted, n.Kind);
            Assert.Equal(NotificationPaths.Report(period), n.Link);
            Assert.Equal(f.Clock.GetUtcNow(), n.CreatedAt);
            Assert.Equal((DeliveryState.Pending, 0, (DateTimeOffset?)null, (DateTimeOffset?)null), (n.Delivery, n.Attempts, n.SentAt, n.ReadAt));
            Assert.Contains(WorkflowNoticesFixture.Community, n.TextBody);
            Assert.Contains(WebUtility.HtmlEncode(WorkflowNoticesFixture.Community), n.HtmlBody);
            // By the person's name, not the e-mail the record keeps.
            Assert.Contains(f.Oksana.Name, n.TextBody);
            Assert.DoesNotContain(f.Oksana.Email, n.TextBody);
            Assert.Contains(f.ReportAddress(period), n.TextBody);
            Assert.Contains($"href=\"{f.ReportAddress(period)}\"", n.HtmlBody);
        });

        var uk = notices.Single(n => n.UserId == f.Reviewer.Id);
        Assert.Equal("Звіт I.4 за I квартал 2021 подано на розгляд", uk.Subject);
        Assert.Contains("Хто подав: Оксана Центр, 20.05.2021 12:00 (за київським часом).", uk.TextBody);
        Assert.Contains("Розгляньте його: затвердьте або поверніть на доопрацювання з коментарем.", uk.TextBody);
        Assert.Contains("Відкрити звіт: " + f.ReportAddress(period), uk.TextBody);

        var en = notices.Single(n => n.UserId == f.EnglishStaff.Id);
        Assert.Equal("Report I.4 for Q1 2021 submitted for review", en.Subject);
        Assert.Contains("The report on measure I.4 “", en.TextBody);
        Assert.Contains("Submitted by Оксана Центр, 20.05.2021 12:00 (Kyiv time).", en.TextBody);
        Assert.Contains("Open the report: " + f.ReportAddress(period), en.TextBody);
        Assert.Contains(">Open the report</a>", en.HtmlBody);
        Assert.DoesNotContain("Відкрити звіт", en.TextBody);
    }

    [Fact]
    public async Task A_returned_report_tells_the_officials_of_the_measures_bodies_with_the_comment_quoted()
    {
        var period = await f.PeriodAsync("I", 4, 2021, 2);
        var submitted = await f.SubmittedAsync(period);
        var before = (await f.NoticesAsync(period)).Count;

        var returned = await f.Reports.ReturnAsync(
            f.Reviewer.Principal, submitted.ReportId, submitted.Version, "Додайте розбивку за віком.\nІ перелік шкіл.");

        Assert.True(returned.Saved, returned.Message);
        var notices = (await f.NoticesAsync(period)).Skip(before).ToList();
        // The police are not responsible for I.4; deactivated accounts hear nothing; staff are not told of their own step.
        Assert.Equal([f.Oksana.Email, f.EnglishOfficial.Email], notices.Select(n => n.ToAddress).Order(StringComparer.Ordinal));
        Assert.All(notices, n => Assert.Equal(NotificationKind.ReportReturned, n.Kind));

        var uk = notices.Single(n => n.UserId == f.Oksana.Id);
        Assert.Equal("Звіт I.4 за II квартал 2021 повернуто на доопрацювання", uk.Subject);
        Assert.Contains("Хто повернув: Петро Рецензент, 20.05.2021 12:00 (за київським часом).", uk.TextBody);
        Assert.Contains("Коментар:\n\n> Додайте розбивку за віком.\n> І перелік шкіл.\n", uk.TextBody);
        Assert.Contains(">Додайте розбивку за віком.\nІ перелік шкіл.</blockquote>", uk.HtmlBody);
        Assert.Contains("Виправте звіт і подайте його знову.", uk.TextBody);
        Assert.Contains($"href=\"{f.ReportAddress(period)}\"", uk.HtmlBody);

        var en = notices.Single(n => n.UserId == f.EnglishOfficial.Id);
        Assert.Equal("Report I.4 for Q2 2021 returned for changes", en.Subject);
        Assert.Contains("Returned by Петро Рецензент, 20.05.2021 12:00 (Kyiv time).", en.TextBody);
        Assert.Contains("Comment:\n\n> Додайте розбивку за віком.\n", en.TextBody);
        Assert.Contains("<p>Comment:</p><blockquote", en.HtmlBody);
    }

    [Fact]
    public async Task Approving_and_reopening_tell_the_same_officials_the_reason_quoted()
    {
        var period = await f.PeriodAsync("I", 4, 2021, 3);
        var submitted = await f.SubmittedAsync(period);
        var before = (await f.NoticesAsync(period)).Count;

        var approved = await f.Reports.ApproveAsync(f.Reviewer.Principal, submitted.ReportId, submitted.Version);
        Assert.True(approved.Saved, approved.Message);
        var reopened = await f.Reports.ReopenAsync(f.Reviewer.Principal, submitted.ReportId, approved.Current!.Version, "Помилка в кількості учасників.");
        Assert.True(reopened.Saved, reopened.Message);

        var notices = (await f.NoticesAsync(period)).Skip(before).ToList();
        var officials = new[] { f.Oksana.Email, f.EnglishOfficial.Email };
        Assert.Equal(officials, notices.Where(n => n.Kind == NotificationKind.ReportApproved).Select(n => n.ToAddress).Order(StringComparer.Ordinal));
        Assert.Equal(officials, notices.Where(n => n.Kind == NotificationKind.ReportReopened).Select(n => n.ToAddress).Order(StringComparer.Ordinal));
        Assert.Equal(4, notices.Count);

        var approvedUk = notices.Single(n => n.Kind == NotificationKind.ReportApproved && n.UserId == f.Oksana.Id);
        Assert.Equal("Звіт I.4 за III квартал 2021 затверджено", approvedUk.Subject);
        Assert.Contains("Хто затвердив: Петро Рецензент", approvedUk.TextBody);
        Assert.DoesNotContain("<blockquote", approvedUk.HtmlBody);

        var reopenedUk = notices.Single(n => n.Kind == NotificationKind.ReportReopened && n.UserId == f.Oksana.Id);
        Assert.Equal("Звіт I.4 за III квартал 2021 знову відкрито для виправлення", reopenedUk.Subject);
        Assert.Contains("Причина:\n\n> Помилка в кількості учасників.\n", reopenedUk.TextBody);
        Assert.Contains(">Помилка в кількості учасників.</blockquote>", reopenedUk.HtmlBody);

        var reopenedEn = notices.Single(n => n.Kind == NotificationKind.ReportReopened && n.UserId == f.EnglishOfficial.Id);
        Assert.Equal("Report I.4 for Q3 2021 reopened for correction", reopenedEn.Subject);
        Assert.Contains("Reason:\n\n> Помилка в кількості учасників.\n", reopenedEn.TextBody);
        Assert.Contains("Reopened by Петро Рецензент", reopenedEn.TextBody);
    }

    [Fact]
    public async Task A_hostile_comment_is_encoded_in_the_html_part_and_verbatim_in_the_text_part()
    {
        const string hostile = "<script>alert(1)</script><img src=x onerror=\"alert(2)\"> & «лапки»";
        var period = await f.PeriodAsync("I", 4, 2021, 4);
        var submitted = await f.SubmittedAsync(period);
        var before = (await f.NoticesAsync(period)).Count;

        var returned = await f.Reports.ReturnAsync(f.Reviewer.Principal, submitted.ReportId, submitted.Version, hostile);

        Assert.True(returned.Saved, returned.Message);
        var notices = (await f.NoticesAsync(period)).Skip(before).ToList();
        Assert.Equal(2, notices.Count);
        Assert.All(notices, n =>
        {
            Assert.Contains("> " + hostile + "\n", n.TextBody);
            Assert.Contains(WebUtility.HtmlEncode(hostile), n.HtmlBody);
            Assert.DoesNotContain("<script", n.HtmlBody, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", n.HtmlBody, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onerror=\"", n.HtmlBody, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task The_reviewer_is_not_told_of_their_own_step_nor_an_administrator_of_a_submission()
    {
        var period = await f.PeriodAsync("I", 4, 2022, 1);
        var submitted = await f.SubmittedAsync(period);

        var approved = await f.Reports.ApproveAsync(f.EnglishStaff.Principal, submitted.ReportId, submitted.Version);

        Assert.True(approved.Saved, approved.Message);
        var notices = await f.NoticesAsync(period);
        // Hanna approved it: she was told of the submission, not of her own approval.
        Assert.Equal(
            [(NotificationKind.ReportSubmitted, f.EnglishStaff.Email), (NotificationKind.ReportSubmitted, f.Reviewer.Email),
             (NotificationKind.ReportApproved, f.Oksana.Email), (NotificationKind.ReportApproved, f.EnglishOfficial.Email)],
            notices.Select(n => (n.Kind, n.ToAddress)).OrderBy(n => n.Kind).ThenBy(n => n.ToAddress, StringComparer.Ordinal));
        Assert.DoesNotContain(notices, n => n.UserId == f.Admin.Id || n.UserId == f.Policeman.Id || n.UserId == f.GoneOfficial.Id || n.UserId == f.GoneStaff.Id);
        var en = notices.Single(n => n.Kind == NotificationKind.ReportApproved && n.UserId == f.EnglishOfficial.Id);
        Assert.Equal("Report I.4 for Q1 2022 approved", en.Subject);
        Assert.Contains("Approved by Hanna Reviewer, 20.05.2021 12:00 (Kyiv time).", en.TextBody);
        Assert.Contains("Nothing more is needed.", en.TextBody);
    }
}
