using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Editing;
using Kreminna1325.Tests.Infrastructure;
using Kreminna1325.Tests.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Audit;

/// <summary>The reporting fixture with people who have names: the centre's official is Оксана Демо, staff is Петро Рецензент.</summary>
public sealed class HistoryFixture : ReportingFixture
{
    public const string Oksana = "Оксана Демо";
    public const string Petro = "Петро Рецензент";

    public string OksanaId { get; private set; } = "";

    public AuditQueries Audit => new(DbFactory);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await DbFactory.CreateDbContextAsync();
        var centre = await db.Users.SingleAsync(u => u.Email == "centre@kreminna.local");
        centre.FullName = Oksana;
        OksanaId = centre.Id;
        db.Users.Add(new AppUser { Id = "staff-id", UserName = "staff@kreminna.local", Email = "staff@kreminna.local", NormalizedEmail = "STAFF@KREMINNA.LOCAL", FullName = Petro });
        await db.SaveChangesAsync();
    }

    /// <summary>Does the work as this person, so the audit records them.</summary>
    public void As(ClaimsPrincipal person) => Actor.Current = Core.Audit.Actor.Of(person);
}

public class HistoryNarrationTests(HistoryFixture f) : IClassFixture<HistoryFixture>
{
    private async Task<HistoryLine> LatestAsync(string culture, AuditFilter filter)
    {
        using var _ = new CultureScope(culture);
        return (await f.Audit.LinesAsync(f.Executive, filter, 0, 1)).Lines.Single();
    }

    private async Task<(string Uk, string En, HistoryLine Line)> SaidAsync(string entityType, AuditAction? action = null)
    {
        var filter = new AuditFilter(EntityType: entityType, Action: action);
        return ((await LatestAsync("uk-UA", filter)).Sentence, (await LatestAsync("en", filter)).Sentence, await LatestAsync("uk-UA", filter));
    }

    [Fact]
    public async Task A_funding_amount_change_reads_as_a_sentence_with_the_persons_name_and_ukrainian_numbers()
    {
        int lineId;
        await using (var db = await f.DbFactory.CreateDbContextAsync())
        {
            var line = await db.FundingLines.Where(l => l.Source == FundingSource.Local && l.Year == 2022).OrderBy(l => l.Id).FirstAsync();
            lineId = line.Id;
            line.Amount = 2m;
            f.Actor.Current = Actor.System;
            await db.SaveChangesAsync();
            line.Amount = 2.5m;
            f.As(f.CentreOfficial);
            await db.SaveChangesAsync();
        }

        var (uk, en, said) = await SaidAsync(nameof(FundingLine));
        Assert.Equal("Оксана Демо: фінансування «місцевий бюджет, 2022», сума, тис. грн — було 2,0, стало 2,5", uk);
        Assert.Equal($"{HistoryFixture.Oksana} changed amount, thousand UAH of the funding ‘local budget, 2022’ from 2.0 to 2.5", en);
        Assert.StartsWith("захід ", said.Context);
        Assert.Equal(HistoryFixture.Oksana, said.Who);
        Assert.Matches(@"^\d\d\.\d\d\.\d{4} \d\d:\d\d$", said.When);
        Assert.DoesNotContain(lineId.ToString(), uk);
    }

    [Fact]
    public async Task A_measure_is_created_changed_and_deleted_in_words()
    {
        f.As(f.CentreOfficial);
        int id;
        await using (var db = await f.DbFactory.CreateDbContextAsync())
        {
            var direction = await db.Directions.SingleAsync(d => d.Number == "V");
            var measure = new Measure
            {
                DirectionId = direction.Id, Number = 99, Content = "Тестовий захід для історії",
                Term = new Term { Text = "Щорічно", Kind = TermKind.Annual }, FundingNote = FundingNote.NotRequired,
            };
            db.Measures.Add(measure);
            await db.SaveChangesAsync();
            id = measure.Id;
        }

        var (uk, en, created) = await SaidAsync(nameof(Measure), AuditAction.Insert);
        Assert.Equal("Оксана Демо: створено захід «V.99 Тестовий захід для історії»", uk);
        Assert.Equal($"{HistoryFixture.Oksana} created the measure ‘V.99 Тестовий захід для історії’", en);
        var fields = created.Changes.ToDictionary(c => c.Field, c => c.New);
        Assert.Equal("щорічно", fields["термін виконання"]);
        Assert.Equal("не потребує", fields["примітка щодо фінансування"]);
        Assert.StartsWith("V. ", fields["напрям"]);
        Assert.DoesNotContain("ідентифікатор", fields.Keys);

        await using (var db = await f.DbFactory.CreateDbContextAsync())
        {
            var measure = await db.Measures.SingleAsync(m => m.Id == id);
            measure.Term = new Term { Text = "Щокварталу", Kind = TermKind.Quarterly };
            await db.SaveChangesAsync();
        }

        (uk, en, var changed) = await SaidAsync(nameof(Measure), AuditAction.Update);
        Assert.Equal("Оксана Демо: змінено захід «V.99 Тестовий захід для історії»", uk);
        Assert.Contains(changed.Changes, c => c.Field == "термін виконання" && c.Old == "щорічно" && c.New == "щоквартально");
        Assert.Contains(changed.Changes, c => c.Field == "термін виконання (як надруковано)" && c.Old == "Щорічно" && c.New == "Щокварталу");

        await using (var db = await f.DbFactory.CreateDbContextAsync())
        {
            db.Measures.Remove(await db.Measures.SingleAsync(m => m.Id == id));
            await db.SaveChangesAsync();
        }

        (uk, en, _) = await SaidAsync(nameof(Measure), AuditAction.Delete);
        Assert.Equal("Оксана Демо: видалено захід «Тестовий захід для історії»", uk);
        Assert.Equal($"{HistoryFixture.Oksana} deleted the measure ‘Тестовий захід для історії’", en);
    }

    [Fact]
    public async Task An_indicator_and_a_body_show_their_kinds_and_lists_in_words()
    {
        f.As(f.Staff);
        await using (var db = await f.DbFactory.CreateDbContextAsync())
        {
            var indicator = await db.Indicators.Where(i => i.Measure.Direction.Number == "II" && i.Disaggregations.Count == 0).OrderBy(i => i.Id).FirstAsync();
            indicator.Disaggregations = [Disaggregation.Sex, Disaggregation.Age];
            await db.SaveChangesAsync();
        }

        var (uk, en, line) = await SaidAsync(nameof(Indicator));
        Assert.StartsWith("Петро Рецензент: показник «", uk);
        Assert.EndsWith("», розбивки — було —, стало за статтю; за віком", uk);
        Assert.EndsWith("from — to by sex; by age", en);
        Assert.StartsWith("захід II.", line.Context);

        await using (var db = await f.DbFactory.CreateDbContextAsync())
        {
            var body = await db.ResponsibleBodies.SingleAsync(b => b.Name == "Центр гендерної рівності");
            body.Kind = body.Kind == BodyKind.CivilSociety ? BodyKind.MunicipalInstitution : BodyKind.CivilSociety;
            body.Aliases = [];
            await db.SaveChangesAsync();
        }

        (uk, en, line) = await SaidAsync(nameof(ResponsibleBody));
        Assert.Contains("Петро Рецензент", uk);
        Assert.Contains("«Центр гендерної рівності»", uk);
        Assert.Contains(line.Changes, c => c.Field == "вид" && c.Old == "комунальна установа" && c.New == "громадська чи міжнародна організація");
        Assert.DoesNotContain("MunicipalInstitution", uk + en + string.Join(" ", line.Changes.Select(c => c.Old + c.New)));
        Assert.Contains(line.Changes, c => c.Field == "інші написання" && c.New == "—");
        Assert.DoesNotContain("[]", string.Join(" ", line.Changes.Select(c => c.Old + c.New)));
    }

    [Fact]
    public async Task Report_values_and_each_workflow_step_read_in_words_with_names()
    {
        var period = await f.PeriodAsync("I", 4, 2021, 3);
        var form = (await f.Reports.LoadAsync(f.Staff, period))!.Form;
        ReportWorkflowTests.FillTraining(form);
        f.As(f.CentreOfficial);
        var submitted = await f.Reports.SubmitAsync(f.CentreOfficial, form);
        Assert.True(submitted.Saved, submitted.Message);

        // The first submit creates the report already submitted.
        var (uk, en, line) = await SaidAsync(nameof(Report), AuditAction.Insert);
        Assert.Equal("Оксана Демо: звіт «III квартал 2021» подано на перевірку", uk);
        Assert.Equal($"{HistoryFixture.Oksana} submitted the report ‘Q3 2021’ for review", en);
        Assert.Equal("захід I.4", line.Context);
        Assert.Contains(line.Changes, c => c.Field == "хто подав" && c.New == HistoryFixture.Oksana);
        Assert.Contains(line.Changes, c => c.Field == "стан" && c.New == "подано");
        var breakdown = (await SaidAsync(nameof(ValueBreakdown), AuditAction.Insert)).Uk;
        Assert.Matches("^Оксана Демо: створено розбивку значення «[^«»]+: за статтю, (жінки|чоловіки)»$", breakdown);

        f.As(f.Staff);
        var returned = await f.Reports.ReturnAsync(f.Staff, submitted.Current!.ReportId, submitted.Current.Version, "Уточніть кількість.");
        Assert.True(returned.Saved, returned.Message);
        (uk, en, line) = await SaidAsync(nameof(Report), AuditAction.Update);
        Assert.Equal("Петро Рецензент: звіт «III квартал 2021» повернуто на доопрацювання", uk);
        Assert.Equal($"{HistoryFixture.Petro} returned the report ‘Q3 2021’ for rework", en);
        Assert.Contains(line.Changes, c => c.Field == "коментар перевірки" && c.New == "Уточніть кількість.");

        var again = (await f.Reports.LoadAsync(f.CentreOfficial, period))!.Form;
        again.Values[0].Number = 3;
        f.As(f.CentreOfficial);
        var resubmitted = await f.Reports.SubmitAsync(f.CentreOfficial, again);
        Assert.True(resubmitted.Saved, resubmitted.Message);
        (uk, en, line) = await SaidAsync(nameof(IndicatorValue), AuditAction.Update);
        Assert.StartsWith("Оксана Демо: значення показника «", uk);
        Assert.EndsWith("», число — було 2, стало 3", uk);
        Assert.EndsWith("from 2 to 3", en);

        f.As(f.Staff);
        var approved = await f.Reports.ApproveAsync(f.Staff, resubmitted.Current!.ReportId, resubmitted.Current.Version);
        Assert.True(approved.Saved, approved.Message);
        (uk, en, _) = await SaidAsync(nameof(Report), AuditAction.Update);
        Assert.Equal("Петро Рецензент: звіт «III квартал 2021» затверджено", uk);
        Assert.Equal($"{HistoryFixture.Petro} approved the report ‘Q3 2021’", en);

        // The report page, the review queue and the evidence list name people, not e-mails.
        var view = (await f.Reports.LoadAsync(f.Staff, period))!;
        Assert.Equal([HistoryFixture.Oksana, HistoryFixture.Petro, HistoryFixture.Oksana, HistoryFixture.Petro], view.History.Select(h => h.UserName));
    }

    [Fact]
    public async Task The_review_queue_and_evidence_show_names_not_e_mails()
    {
        var period = await f.PeriodAsync("I", 4, 2021, 4);
        var form = (await f.Reports.LoadAsync(f.Staff, period))!.Form;
        ReportWorkflowTests.FillTraining(form);
        f.As(f.CentreOfficial);
        var draft = await f.Reports.SaveDraftAsync(f.CentreOfficial, form);
        Assert.True(draft.Saved, draft.Message);
        using var pdf = new MemoryStream(EvidenceSamples.Pdf());
        var uploaded = await f.Files.UploadAsync(f.CentreOfficial, draft.Current!.ReportId, "акт.pdf", pdf);
        Assert.True(uploaded.Saved, uploaded.Message);
        Assert.Equal(HistoryFixture.Oksana, uploaded.Current!.UploadedBy);
        var submitted = await f.Reports.SubmitAsync(f.CentreOfficial, (await f.Reports.LoadAsync(f.CentreOfficial, period))!.Form);
        Assert.True(submitted.Saved, submitted.Message);

        var queued = (await f.Queries.ReviewQueueAsync(f.Staff)).Single(r => r.Period.Id == period);
        Assert.Equal(HistoryFixture.Oksana, queued.SubmittedBy);
        Assert.Equal([HistoryFixture.Oksana], (await f.Reports.LoadAsync(f.Staff, period))!.Evidence.Select(e => e.UploadedBy));
        var content = await f.Queries.ContentOfMeasureAsync(f.Staff, (await f.Reports.LoadAsync(f.Staff, period))!.Form.MeasureId);
        Assert.Equal([HistoryFixture.Oksana], content[period].Evidence.Select(e => e.UploadedBy));

        var (uk, _, line) = await SaidAsync(nameof(Evidence), AuditAction.Insert);
        Assert.Equal("Оксана Демо: створено підтвердний файл «акт.pdf»", uk);
        Assert.Contains(line.Changes, c => c.Field == "хто завантажив" && c.New == HistoryFixture.Oksana);
        Assert.Contains(line.Changes, c => c.Field == "вміст" && c.New == $"{EvidenceSamples.Pdf().Length} байт");
    }

    [Fact]
    public async Task User_changes_and_role_assignments_read_in_words()
    {
        f.As(f.Staff);
        string userId;
        await using (var db = await f.DbFactory.CreateDbContextAsync())
        {
            // Made while working in Kreminna, as the account page would: the entries are Kreminna's trail.
            db.CommunityId = TestUsers.Kreminna;
            var user = new AppUser { UserName = "mykola@kreminna.local", Email = "mykola@kreminna.local", FullName = "Микола Новий", IsActive = true };
            db.Users.Add(user);
            if (!await db.Roles.AnyAsync(r => r.Id == Roles.Executive))
            {
                db.Roles.Add(new Microsoft.AspNetCore.Identity.IdentityRole { Id = Roles.Executive, Name = Roles.Executive, NormalizedName = "EXECUTIVE" });
            }

            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = user.Id, RoleId = Roles.Executive });
            await db.SaveChangesAsync();
            userId = user.Id;
            user.IsActive = false;
            await db.SaveChangesAsync();
        }

        var (uk, en, _) = await SaidAsync(nameof(AppUser), AuditAction.Update);
        Assert.Equal("Петро Рецензент: обліковий запис «Микола Новий», активний — було так, стало ні", uk);
        Assert.Equal($"{HistoryFixture.Petro} changed active of the account of ‘Микола Новий’ from yes to no", en);

        (uk, en, var created) = await SaidAsync(nameof(AppUser), AuditAction.Insert);
        Assert.Equal("Петро Рецензент: створено обліковий запис «Микола Новий»", uk);
        Assert.Contains(created.Changes, c => c.Field == "пароль" || c.Field == "електронна пошта");
        Assert.DoesNotContain(created.Changes, c => c.Field == "мітка безпеки" || c.Field == "мітка версії");

        (uk, en, var role) = await SaidAsync("IdentityUserRole`1", AuditAction.Insert);
        Assert.Equal("Петро Рецензент: створено роль користувача «Микола Новий: керівник (заступник міського голови)»", uk);
        Assert.Contains(role.Changes, c => c.Field == "користувач" && c.New == "Микола Новий");
        Assert.DoesNotContain(userId, uk + string.Join(" ", role.Changes.Select(c => c.New)));
    }
}
