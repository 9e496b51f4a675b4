using System.Globalization;
using Kreminna1325.Tests.Infrastructure;
using Kreminna1325.Core;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Kreminna1325.Tests.Audit;

public class HistoryFoldingAndFilterTests(HistoryFixture f) : IClassFixture<HistoryFixture>
{
    private static readonly CultureInfo[] Languages = [CultureInfo.GetCultureInfo("uk-UA"), CultureInfo.GetCultureInfo("en")];

    [Fact]
    public async Task Every_audited_entity_field_and_enum_value_has_a_ukrainian_and_an_english_label()
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var missing = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => AuditInterceptor.IsAudited(e.ClrType)))
        {
            var name = entity.ClrType.Name;
            var fields = entity.GetProperties().Select(p => (Path: p.Name, Type: p.ClrType))
                .Concat(entity.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties().Select(p => (Path: $"{c.Name}.{p.Name}", Type: p.ClrType))));
            foreach (var culture in Languages)
            {
                foreach (var kind in new[] { "Entity", "Kind", "Many" })
                {
                    var key = $"Audit.{kind}.{AuditLabels.KeyOf(name)}";
                    if (Messages.In(culture, key) == key)
                    {
                        missing.Add($"{culture.Name} {key}");
                    }
                }

                foreach (var (path, type) in fields)
                {
                    if (AuditLabels.FieldKey(name, path, culture) is null)
                    {
                        missing.Add($"{culture.Name} field {name}.{path}");
                    }

                    var clr = Nullable.GetUnderlyingType(type) ?? type;
                    var enumType = clr.IsEnum ? clr : clr.IsGenericType && clr.GetGenericArguments()[0].IsEnum ? clr.GetGenericArguments()[0] : null;
                    foreach (var value in enumType is null ? [] : Enum.GetNames(enumType))
                    {
                        var key = $"Audit.Enum.{enumType!.Name}.{value}";
                        if (Messages.In(culture, key) == key)
                        {
                            missing.Add($"{culture.Name} {key}");
                        }
                    }
                }
            }
        }

        foreach (var culture in Languages)
        {
            missing.AddRange(Roles.All.Select(r => $"Audit.Enum.Roles.{r}").Where(k => Messages.In(culture, k) == k).Select(k => $"{culture.Name} {k}"));
        }

        foreach (var culture in Languages)
        {
            missing.AddRange(Breakdowns.Categories.Values.SelectMany(c => c).Select(c => $"Audit.Category.{c}")
                .Where(k => Messages.In(culture, k) == k).Select(k => $"{culture.Name} {k}"));
        }

        Assert.Empty(missing.Distinct());

        // The labels really are words in each language, not the field names.
        using var _ = new CultureScope("uk-UA");
        Assert.Equal("поза графіком, зберігається через звіт", AuditLabels.Field(nameof(ReportingPeriod), nameof(ReportingPeriod.IsOrphaned)));
        Assert.Equal("захід", AuditLabels.Field(nameof(ReportingPeriod), nameof(ReportingPeriod.MeasureId)));
        Assert.Equal("квартал", AuditLabels.Enum(PeriodKind.Quarter));
        Assert.Equal("місцевий бюджет", AuditLabels.Enum(FundingSource.Local));
        Assert.Equal("комунальна установа", AuditLabels.Enum(BodyKind.MunicipalInstitution));
        Assert.Equal("жінки", AuditLabels.Category("women"));
    }

    [Fact]
    public async Task Generated_periods_are_one_line_per_save_that_opens_to_every_period()
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var batches = await db.AuditEntries
            .Where(a => a.EntityType == nameof(ReportingPeriod) && a.Action == AuditAction.Insert && a.UserName == Actor.System.Name)
            .GroupBy(a => a.At).Select(g => g.Count()).ToListAsync();
        Assert.Contains(batches, n => n > 100);

        var filter = new AuditFilter(UserId: AuditFilter.SystemPerson, EntityType: nameof(ReportingPeriod), Action: AuditAction.Insert);
        HistoryPage uk, en;
        using (new CultureScope("uk-UA"))
        {
            uk = await f.Audit.LinesAsync(f.Executive, filter, 0, 50);
        }

        using (new CultureScope("en"))
        {
            en = await f.Audit.LinesAsync(f.Executive, filter, 0, 50);
        }

        Assert.Equal(batches.Count, uk.Total);
        Assert.Equal(batches.Order(), uk.Lines.Select(l => l.FoldedCount).Order());
        var big = uk.Lines.MaxBy(l => l.FoldedCount)!;
        Assert.Equal($"Система (автоматично): створено звітних періодів: {big.FoldedCount}", big.Sentence);
        Assert.Equal($"System (automatic) created {big.FoldedCount} reporting periods", en.Lines.MaxBy(l => l.FoldedCount)!.Sentence);
        Assert.Equal(big.FoldedCount, big.Folded.Count);
        Assert.All(big.Folded, p => Assert.Matches(@"^Система \(автоматично\): створено звітний період «[^«»]*20\d\d[^«»]*»$", p.Sentence));
        Assert.Contains(big.Folded, p => p.Sentence.Contains("квартал 2021") && p.Context is not null && p.Context.StartsWith("захід "));
    }

    [Fact]
    public async Task A_term_change_reads_as_the_edit_and_one_line_for_the_periods_it_retired()
    {
        f.As(f.Staff);
        int measureId;
        await using (var db = await f.DbFactory.CreateDbContextAsync())
        {
            var measure = await db.Measures.SingleAsync(m => m.Direction.Number == "II" && m.Number == 4);
            measureId = measure.Id;
            measure.Term = new Term { Text = "Щорічно (1 квартал)", Kind = TermKind.AnnualInQuarter, Quarter = 1 };
            await db.SaveChangesAsync();
            await PeriodSync.SyncMeasuresAsync(db, [measureId]);
            await db.SaveChangesAsync();
        }

        using var _ = new CultureScope("uk-UA");
        var history = await f.Audit.LinesOfMeasureAsync(f.Executive, measureId);
        var retired = history.First(l => l.EntityType == nameof(ReportingPeriod) && l.Action == AuditAction.Delete);
        Assert.True(retired.FoldedCount > 1);
        Assert.Equal($"Петро Рецензент: видалено звітних періодів: {retired.FoldedCount}", retired.Sentence);
        var edit = history.First(l => l.EntityType == nameof(Measure));
        Assert.StartsWith("Петро Рецензент: змінено захід «II.4 ", edit.Sentence);
        Assert.Contains(edit.Changes, c => c.Field == "термін виконання" && c.Old == "постійно" && c.New == "щорічно в певному кварталі");
        Assert.Contains(edit.Changes, c => c.Field == "квартал" && c.Old == "—" && c.New == "1");
    }

    [Fact]
    public async Task The_audit_filters_by_person_kind_of_change_and_entity_and_pages_in_the_database()
    {
        f.As(f.CentreOfficial);
        await using (var db = await f.DbFactory.CreateDbContextAsync())
        {
            var body = await db.ResponsibleBodies.SingleAsync(b => b.Name == "Центр гендерної рівності");
            body.ShortName = "ЦГР (оновлено)";
            await db.SaveChangesAsync();
        }

        using var _ = new CultureScope("uk-UA");
        var people = await f.Audit.PeopleAsync(f.Executive);
        Assert.Equal((AuditFilter.SystemPerson, "Система (автоматично)"), people[0]);
        Assert.Contains((f.OksanaId, HistoryFixture.Oksana), people);
        Assert.DoesNotContain(people, p => p.Name.Contains('@') && p.Id == f.OksanaId);

        var oksana = await f.Audit.LinesAsync(f.Executive, new AuditFilter(UserId: f.OksanaId), 0, 200);
        Assert.NotEmpty(oksana.Lines);
        Assert.All(oksana.Lines, l => Assert.Equal(HistoryFixture.Oksana, l.Who));
        Assert.Contains(oksana.Lines, l => l.Sentence == "Оксана Демо: виконавця «Центр гендерної рівності», коротка назва — було ЦГР, стало ЦГР (оновлено)"
            || l.Sentence.StartsWith("Оксана Демо: виконавця «Центр гендерної рівності», коротка назва — було "));

        var system = await f.Audit.LinesAsync(f.Executive, new AuditFilter(UserId: AuditFilter.SystemPerson), 0, 50);
        Assert.All(system.Lines, l => Assert.Equal("Система (автоматично)", l.Who));

        var inserts = await f.Audit.LinesAsync(f.Executive, new AuditFilter(Action: AuditAction.Insert, EntityType: nameof(Indicator)), 0, 200);
        Assert.All(inserts.Lines, l => Assert.True(l.Action == AuditAction.Insert && l.EntityType == nameof(Indicator)));
        Assert.Equal(75, inserts.Total);
        Assert.All(inserts.Lines, l => Assert.StartsWith("Система (автоматично): створено показник «", l.Sentence));
        var updates = await f.Audit.LinesAsync(f.Executive, new AuditFilter(Action: AuditAction.Update), 0, 200);
        Assert.NotEmpty(updates.Lines);
        Assert.All(updates.Lines, l => Assert.Equal(AuditAction.Update, l.Action));

        // Paging counts lines (a folded batch is one) and is done by the database: pages do not overlap and add up.
        // The executive reads Kreminna's trail: instance rows (accounts made by the fixture) are nobody's community's.
        await using var check = await f.DbFactory.CreateDbContextAsync();
        check.CommunityId = TestUsers.Kreminna;
        var records = await check.AuditEntries.CountAsync(a => a.EntityType != nameof(ReportingPeriod));
        var batches = await check.AuditEntries.Where(a => a.EntityType == nameof(ReportingPeriod))
            .Select(a => new { a.At, a.UserName, a.Action }).Distinct().CountAsync();
        var first = await f.Audit.LinesAsync(f.Executive, new AuditFilter(), 0, 20);
        var second = await f.Audit.LinesAsync(f.Executive, new AuditFilter(), 1, 20);
        Assert.Equal(records + batches, first.Total);
        Assert.Equal(20, first.Lines.Count);
        Assert.Empty(first.Lines.Select(l => l.Id).Intersect(second.Lines.Select(l => l.Id)));
        Assert.True(first.Lines.Concat(second.Lines).Zip(first.Lines.Concat(second.Lines).Skip(1)).All(p => p.First.At >= p.Second.At), "newest first");
    }
}
