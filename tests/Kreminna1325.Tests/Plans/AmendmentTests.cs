using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Budget;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Amendments;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Tests.Infrastructure;
using Kreminna1325.Tests.Editing;
using Kreminna1325.Tests.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Plans;

public class AmendmentTests(AmendmentFixture database) : IClassFixture<AmendmentFixture>
{
    // The adopted document's own slip: direction III and the plan print 2,0 and 92,0 for the local budget in 2022.
    private static readonly (BudgetScope, string?, FundingSource, int, decimal?, decimal)[] AdoptedMismatches =
    [
        (BudgetScope.Direction, "III", FundingSource.Local, 2022, 2.0m, 3.0m),
        (BudgetScope.Plan, null, FundingSource.Local, 2022, 92.0m, 93.0m),
    ];

    private static IEnumerable<(BudgetScope, string?, FundingSource, int, decimal?, decimal)> Shape(BudgetReport report) =>
        report.Mismatches.Select(m => (m.Scope, m.Direction, m.Source, m.Year, m.Printed, m.Computed));

    [Fact]
    public async Task An_amendment_changes_amounts_and_printed_totals_and_the_adopted_plan_stays_readable()
    {
        var line = await database.LineAsync("I", FundingSource.Local, 2021);
        var before = (await database.Budgets.GetAsync(database.PlanId))!;
        var form = await database.FormAsync(line, 5.5m, "12/3");
        database.Actor.ActAs(TestUsers.Staff);

        var result = await database.Recorder.RecordAsync(TestUsers.Staff, form);

        Assert.True(result.Saved, result.Message);
        var amendment = result.Current!;

        // The plan as it stands: the new amount, the decision's totals, and no warning of its own.
        var current = (await database.Budgets.GetAsync(database.PlanId))!;
        Assert.Equal(before.Total(FundingSource.Local, 2021) + 5.5m, current.Total(FundingSource.Local, 2021));
        Assert.Contains(current.PrintedTotals, t => t.Source == FundingSource.Local && t.Year == 2021 && t.Amount == form.PrintedTotals[1].Amount);
        Assert.Equal(AdoptedMismatches, Shape(current));

        // As amended by this decision: the same figures, and it says which version it is.
        var amended = (await database.Budgets.GetAsync(database.PlanId, PlanVersion.Of(amendment.Id)))!;
        Assert.Equal((PlanVersionKind.Amendment, "12/3", new DateOnly(2021, 6, 10)), (amended.Version.Kind, amended.Version.Number, amended.Version.DecidedOn));
        Assert.Equal(current.Total(FundingSource.Local, 2021), amended.Total(FundingSource.Local, 2021));
        Assert.Equal(AdoptedMismatches, Shape(amended));
        var amendedPlan = (await database.Versions.GetPlanAsync(database.PlanId, PlanVersion.Of(amendment.Id)))!;
        Assert.Equal(line.Amount + 5.5m, AmountIn(amendedPlan, line));

        // As adopted: the original amount, the original printed totals, and the document's own slip only.
        var adopted = (await database.Budgets.GetAsync(database.PlanId, PlanVersion.Adopted))!;
        Assert.Equal(PlanVersionKind.Adopted, adopted.Version.Kind);
        Assert.Equal([57.0m, 82.0m, 93.0m], adopted.Years.Select(y => adopted.Total(FundingSource.Local, y)));
        await using (var read = await database.DbFactory.CreateDbContextAsync())
        {
            var document = await read.PrintedTotals.Where(t => t.PlanId == database.PlanId && t.AmendmentId == null)
                .OrderBy(t => t.Source).ThenBy(t => t.Year).ToListAsync();
            Assert.Equal(document.Where(t => t.DirectionId == null).Select(t => new BudgetAmount(t.Source, t.Year, t.Amount)), adopted.PrintedTotals);
            Assert.All(adopted.Directions, d => Assert.Equal(
                document.Where(t => t.DirectionId == d.DirectionId).Select(t => new BudgetAmount(t.Source, t.Year, t.Amount)), d.PrintedTotals));
        }

        Assert.Equal(AdoptedMismatches, Shape(adopted));
        var adoptedPlan = (await database.Versions.GetPlanAsync(database.PlanId, PlanVersion.Adopted))!;
        Assert.Equal(line.Amount, AmountIn(adoptedPlan, line));

        var listed = await database.Versions.ListAsync(database.PlanId);
        Assert.Contains(listed, a => a.Id == amendment.Id && a.Number == "12/3" && a.Title == form.Title && a.Scan is null);

        // Written in the staff member's name, field by field, like any other change.
        await using var db = await database.DbFactory.CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(FundingLine) && e.MeasureId == line.MeasureId && e.UserId == "staff"));
    }

    [Fact]
    public async Task A_scanned_copy_is_kept_and_read_back_as_it_was()
    {
        var pdf = EvidenceSamples.Pdf();
        var form = new AmendmentForm { PlanId = database.PlanId, Number = "7", DecidedOn = new DateOnly(2020, 2, 1), Title = "Про зміну назви заходу" };

        var result = await database.Recorder.RecordAsync(TestUsers.Staff, form, new AmendmentRecorder.ScanUpload("рішення 7.pdf", new MemoryStream(pdf)));

        Assert.True(result.Saved, result.Message);
        Assert.Equal(("рішення 7.pdf", "application/pdf", (long)pdf.Length), (result.Current!.Scan!.FileName, result.Current.Scan.ContentType, result.Current.Scan.Size));
        var stored = await database.Recorder.GetScanAsync(database.PlanId, result.Current.Id);
        Assert.Equal(pdf, stored!.Content);
        Assert.Null(await database.Recorder.GetScanAsync(database.PlanId + 1, result.Current.Id));
    }

    public static TheoryData<string, string?, int?, string> Refused => new()
    {
        { "Number", "", 2021, "Вкажіть номер рішення." },
        { "Number", "   ", 2021, "Вкажіть номер рішення." },
        { "DecidedOn", "5", null, "Вкажіть дату рішення." },
        { "DecidedOn", "5", 2018, "Дата рішення має бути між 01.01.2019 і 28.11.2026." },
        { "DecidedOn", "5", 2027, "Дата рішення має бути між 01.01.2019 і 28.11.2026." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_decision_without_a_number_or_a_sensible_date_is_refused_and_nothing_is_written(string field, string? number, int? year, string message)
    {
        using var _ = new CultureScope("uk-UA");
        var line = await database.LineAsync("II", FundingSource.Local, 2020);
        var form = await database.FormAsync(line, 1m, number!);
        form.DecidedOn = year is { } y ? new DateOnly(y, 6, 1) : null;
        var before = await database.CountsAsync();

        var result = await database.Recorder.RecordAsync(TestUsers.Staff, form);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal([message], result.Errors[field]);
        Assert.Equal(before, await database.CountsAsync());
    }

    [Fact]
    public async Task Changes_outside_the_plan_a_title_and_duplicate_decisions_are_refused()
    {
        using var _ = new CultureScope("uk-UA");
        var line = await database.LineAsync("II", FundingSource.Local, 2020);
        var before = await database.CountsAsync();

        var noTitle = await database.FormAsync(line, 1m, "A-1");
        noTitle.Title = " ";
        Assert.Equal(["Вкажіть назву рішення або що саме воно змінює."], (await database.Recorder.RecordAsync(TestUsers.Staff, noTitle)).Errors["Title"]);

        var negative = await database.FormAsync(line, -line.Amount - 1m, "A-2");
        Assert.Equal(EditOutcome.Invalid, (await database.Recorder.RecordAsync(TestUsers.Staff, negative)).Outcome);

        var outOfYears = await database.FormAsync(line, 1m, "A-3");
        outOfYears.Lines[0].Year = 2023;
        Assert.Equal(EditOutcome.Invalid, (await database.Recorder.RecordAsync(TestUsers.Staff, outOfYears)).Outcome);

        var unknownMeasure = await database.FormAsync(line, 1m, "A-4");
        unknownMeasure.Lines[0].MeasureId = int.MaxValue;
        Assert.Equal(["Зміна стосується заходу, якого в цьому плані немає."], (await database.Recorder.RecordAsync(TestUsers.Staff, unknownMeasure)).Errors["Lines"]);
        Assert.Equal(before, await database.CountsAsync());

        var first = new AmendmentForm { PlanId = database.PlanId, Number = "99", DecidedOn = new DateOnly(2022, 3, 1), Title = "Перше" };
        Assert.True((await database.Recorder.RecordAsync(TestUsers.Staff, first)).Saved);
        var again = new AmendmentForm { PlanId = database.PlanId, Number = " 99 ", DecidedOn = new DateOnly(2022, 3, 1), Title = "Повторне" };
        Assert.Equal(["Рішення № 99 від 01.03.2022 уже внесено."], (await database.Recorder.RecordAsync(TestUsers.Staff, again)).Errors["Number"]);
    }

    public static TheoryData<string, string> Files => new()
    {
        { "docx", "Файл «рішення.docx» не є PDF, JPG чи PNG (перевірено за вмістом, а не за назвою)." },
        { "renamed", "Файл «рішення.pdf» не є PDF, JPG чи PNG (перевірено за вмістом, а не за назвою)." },
        { "empty", "Файл «рішення.pdf» порожній." },
        { "large", "Файл «рішення.pdf» більший за 10 МБ." },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_scan_that_is_not_a_pdf_or_picture_within_10_MB_is_refused_and_nothing_is_written(string kind, string message)
    {
        using var _ = new CultureScope("uk-UA");
        var (name, bytes) = kind switch
        {
            "docx" => ("рішення.docx", EvidenceSamples.Office()),
            "renamed" => ("рішення.pdf", "MZ not a pdf at all"u8.ToArray()),
            "empty" => ("рішення.pdf", []),
            _ => ("рішення.pdf", EvidenceSamples.Pdf(10 * 1024 * 1024 + 1)),
        };
        var line = await database.LineAsync("II", FundingSource.Local, 2020);
        var form = await database.FormAsync(line, 1m, $"F-{kind}");
        var before = await database.CountsAsync();

        var result = await database.Recorder.RecordAsync(TestUsers.Staff, form, new AmendmentRecorder.ScanUpload(name, new MemoryStream(bytes)));

        Assert.Equal([message], result.Errors["Scan"]);
        Assert.Equal(before, await database.CountsAsync());
    }

    [Fact]
    public async Task Only_staff_and_administrators_record_amendments()
    {
        var line = await database.LineAsync("II", FundingSource.Local, 2020);
        var form = await database.FormAsync(line, 1m, "P-1");
        var before = await database.CountsAsync();
        ClaimsPrincipal[] refused = [TestUsers.InRole(Roles.ResponsibleOfficial), TestUsers.Executive, new ClaimsPrincipal(new ClaimsIdentity())];

        foreach (var user in refused)
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => database.Recorder.RecordAsync(user, form));
        }

        Assert.Equal(before, await database.CountsAsync());
        Assert.True((await database.Recorder.RecordAsync(TestUsers.InRole(Roles.Administrator, "admin"), form)).Saved);
    }

    private static decimal? AmountIn(PlanView plan, LineAt line) =>
        plan.Directions.SelectMany(d => d.Measures).Single(m => m.Id == line.MeasureId)
            .Funding.Lines.SingleOrDefault(l => l.Source == line.Source && l.Year == line.Year)?.Amount;
}
