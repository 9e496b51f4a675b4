using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Editing;

public class BodyRegistryTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private BodyRegistry Registry => new(database.DbFactory, new BodyFormValidator());

    [Fact]
    public async Task Merging_moves_every_reference_and_keeps_the_name_as_an_alias()
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();
        var plain = await db.ResponsibleBodies.SingleAsync(b => b.Name == "Заступник міського голови");
        var head = await db.ResponsibleBodies.SingleAsync(b => b.Name == "Заступник міського голови – голова Координаційної ради");
        var plainMeasures = await db.MeasureResponsibleBodies.Where(r => r.ResponsibleBodyId == plain.Id).Select(r => r.MeasureId).ToListAsync();
        var headMeasures = await db.MeasureResponsibleBodies.Where(r => r.ResponsibleBodyId == head.Id).Select(r => r.MeasureId).ToListAsync();
        db.UserResponsibleBodies.Add(new UserResponsibleBody { UserId = await AUserAsync(db), ResponsibleBodyId = plain.Id });
        await db.SaveChangesAsync();

        var result = await Registry.MergeAsync(TestUsers.Staff, plain.Id, head.Id);

        Assert.True(result.Saved, result.Message);
        await using var check = await database.DbFactory.CreateDbContextAsync();
        Assert.False(await check.ResponsibleBodies.AnyAsync(b => b.Id == plain.Id));
        var now = await check.MeasureResponsibleBodies.Where(r => r.ResponsibleBodyId == head.Id).Select(r => r.MeasureId).ToListAsync();
        Assert.Equal(plainMeasures.Union(headMeasures).Order(), now.Order());
        Assert.False(await check.MeasureResponsibleBodies.AnyAsync(r => r.ResponsibleBodyId == plain.Id));
        Assert.True(await check.UserResponsibleBodies.AnyAsync(u => u.ResponsibleBodyId == head.Id));
        var merged = await check.ResponsibleBodies.SingleAsync(b => b.Id == head.Id);
        Assert.Contains("Заступник міського голови", merged.Aliases);

        // Every measure still lists its bodies as 1..n.
        var positions = await check.MeasureResponsibleBodies.GroupBy(r => r.MeasureId)
            .Select(g => new { Count = g.Count(), Max = g.Max(r => r.Position), Distinct = g.Select(r => r.Position).Distinct().Count() })
            .ToListAsync();
        Assert.All(positions, p => Assert.Equal((p.Count, p.Count), (p.Max, p.Distinct)));
    }

    [Fact]
    public async Task A_body_still_named_by_a_measure_cannot_be_deleted()
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();
        var centre = await db.ResponsibleBodies.SingleAsync(b => b.Name == "Центр гендерної рівності");

        using var _ = new CultureScope("uk-UA");
        var result = await Registry.DeleteAsync(TestUsers.Staff, centre.Id);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Contains("не можна видалити", result.Message);
        Assert.True(await db.ResponsibleBodies.AnyAsync(b => b.Id == centre.Id));
    }

    [Fact]
    public async Task A_new_body_can_be_created_renamed_and_deleted_while_unused()
    {
        var created = await Registry.SaveAsync(TestUsers.Staff, new BodyForm { Name = "Молодіжна рада", ShortName = "Молодіжна рада", Kind = BodyKind.CivilSociety, Aliases = ["молодіжна рада міста"] });
        Assert.True(created.Saved, created.Message);

        var form = created.Current!;
        form.ShortName = "МР";
        Assert.True((await Registry.SaveAsync(TestUsers.Staff, form)).Saved);

        var duplicate = await Registry.SaveAsync(TestUsers.Staff, new BodyForm { Name = "Молодіжна рада", ShortName = "x" });
        Assert.Equal(EditOutcome.Invalid, duplicate.Outcome);
        Assert.True(duplicate.Errors.ContainsKey("Name"));

        Assert.True((await Registry.DeleteAsync(TestUsers.Staff, form.Id)).Saved);
    }

    [Fact]
    public async Task Only_staff_and_administrators_change_the_registry() =>
        await Assert.ThrowsAsync<ForbiddenException>(() => Registry.SaveAsync(TestUsers.Executive, new BodyForm { Name = "x", ShortName = "x" }));

    private static async Task<string> AUserAsync(Kreminna1325.Core.Data.AppDbContext db)
    {
        var user = new AppUser { UserName = "merge@test", Email = "merge@test", FullName = "Тест Злиття" };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }
}

public class DirectionAndPlanTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task A_direction_with_measures_cannot_be_deleted_and_an_empty_one_can()
    {
        var editor = new DirectionEditor(database.DbFactory);
        var rows = await editor.ListAsync(database.PlanId);
        var second = rows.Single(d => d.Number == "II");

        using var _ = new CultureScope("uk-UA");
        var refused = await editor.DeleteAsync(TestUsers.Staff, second.Id, second.Version);
        Assert.Equal(EditOutcome.Invalid, refused.Outcome);
        Assert.Contains("має заходи (4)", refused.Message);

        var added = await editor.AddAsync(TestUsers.Staff, database.PlanId, "Економічні можливості жінок");
        Assert.True(added.Saved, added.Message);
        Assert.Equal("VI", added.Current!.Number);

        var up = await editor.MoveAsync(TestUsers.Staff, added.Current.Id, -1, added.Current.Version);
        Assert.True(up.Saved, up.Message);
        Assert.Equal("V", up.Current!.Number);
        Assert.Equal(["I", "II", "III", "IV", "V", "VI"], (await editor.ListAsync(database.PlanId)).Select(d => d.Number));

        var deleted = await editor.DeleteAsync(TestUsers.Staff, up.Current.Id, up.Current.Version);
        Assert.True(deleted.Saved, deleted.Message);
        var after = await editor.ListAsync(database.PlanId);
        Assert.Equal(["I", "II", "III", "IV", "V"], after.Select(d => d.Number));
        Assert.StartsWith("Моніторинг", after[4].Title);
    }

    [Fact]
    public async Task A_new_plan_copies_structure_but_not_funding()
    {
        var editor = new PlanEditor(database.DbFactory, new PlanFormValidator());
        var details = new PlanForm { Municipality = "Кремінська міська рада", Title = "Міський план заходів на 2023–2025 роки", StartYear = 2023, EndYear = 2025 };

        var result = await editor.CopyAsync(TestUsers.Staff, database.PlanId, details);

        Assert.True(result.Saved, result.Message);
        var copyId = result.Current!.Id;
        await using var db = await database.DbFactory.CreateDbContextAsync();
        int Count<T>(IQueryable<T> q) => q.Count();
        Assert.Equal(5, Count(db.Directions.Where(d => d.PlanId == copyId)));
        Assert.Equal(28, Count(db.Measures.Where(m => m.Direction.PlanId == copyId)));
        Assert.Equal(75, Count(db.Indicators.Where(i => i.Measure.Direction.PlanId == copyId)));
        Assert.Equal(
            Count(db.MeasureResponsibleBodies.Where(r => r.Measure.Direction.PlanId == database.PlanId)),
            Count(db.MeasureResponsibleBodies.Where(r => r.Measure.Direction.PlanId == copyId)));
        Assert.Equal(0, Count(db.FundingLines.Where(f => f.Measure.Direction.PlanId == copyId)));
        Assert.Equal(0, Count(db.PrintedTotals.Where(t => t.PlanId == copyId)));

        // The original is untouched and the copy's budget is zero, year by year.
        Assert.Equal(36, Count(db.FundingLines.Where(f => f.Measure.Direction.PlanId == database.PlanId)));
        var budget = (await new Kreminna1325.Core.Budget.BudgetReportService(database.DbFactory).GetAsync(copyId))!;
        Assert.Equal([2023, 2024, 2025], budget.Years);
        Assert.All(budget.GrandTotals, t => Assert.Equal(0m, t.Amount));
        Assert.Empty(budget.Mismatches);
    }

    [Fact]
    public async Task A_copy_keeps_the_oblast_cadence_and_grace_days()
    {
        var editor = new PlanEditor(database.DbFactory, new PlanFormValidator());
        var source = (await editor.LoadAsync(database.PlanId))!;
        Assert.False(string.IsNullOrWhiteSpace(source.Region));

        var details = (await editor.CopyFormAsync(database.PlanId))!;
        Assert.Equal(source.Region, details.Region);
        Assert.Equal(source.EndYear + 1, details.StartYear);
        details.Title = "План заходів з обласною прив'язкою";
        var result = await editor.CopyAsync(TestUsers.Staff, database.PlanId, details);

        Assert.True(result.Saved, result.Message);
        await using var db = await database.DbFactory.CreateDbContextAsync();
        var copy = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == result.Current!.Id);
        Assert.Equal(source.Region, copy.Region);
        Assert.Equal(source.ReportingCadence, copy.ReportingCadence);
        Assert.Equal(source.GraceDays, copy.GraceDays);
        Assert.Null(await editor.CopyFormAsync(-1));
    }

    [Fact]
    public async Task The_plans_years_cannot_shrink_past_its_funding_lines()
    {
        var editor = new PlanEditor(database.DbFactory, new PlanFormValidator());
        var form = (await editor.LoadAsync(database.PlanId))!;
        form.EndYear = 2021;

        using var _ = new CultureScope("uk-UA");
        var result = await editor.SaveAsync(TestUsers.Staff, form);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Contains("за 2022 рік", result.Message);
    }
}

public class MeasureSearchTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private Task<MeasureGridPage> FindAsync(MeasureQuery query) => new MeasureSearch(database.DbFactory).FindAsync(TestUsers.Staff, query);

    [Theory]
    [InlineData("ромськ", 1)]              // II.1 content: "ромської громади"
    [InlineData("РОМСЬК", 1)]              // case-insensitive in Cyrillic
    [InlineData("сім'ї", 11)]              // typed apostrophe: ЦСССДМ's full name, in 11 measures
    [InlineData("сім’ї", 11)]              // a typographic apostrophe finds the same
    [InlineData("ДСНС", 2)]                // a body's short name: III.1, III.2
    [InlineData("Кременська РДА", 6)]      // a printed alias of the district administration
    [InlineData("фокус-груп", 1)]          // an indicator's text
    [InlineData("100%", 0)]                // wildcards are taken literally
    public async Task Search_reads_content_indicators_and_body_names(string text, int expected)
    {
        var page = await FindAsync(new MeasureQuery(database.PlanId, Search: text));

        Assert.Equal(expected, page.Total);
    }

    [Fact]
    public async Task Filters_combine_and_paging_is_done_by_the_database()
    {
        var all = await FindAsync(new MeasureQuery(database.PlanId, PageSize: 10));
        Assert.Equal(28, all.Total);
        Assert.Equal(10, all.Items.Count);
        Assert.Equal(("I", 1), (all.Items[0].Direction, all.Items[0].Number));

        var third = await FindAsync(new MeasureQuery(database.PlanId, Page: 2, PageSize: 10));
        Assert.Equal(8, third.Items.Count);

        var funded = await FindAsync(new MeasureQuery(database.PlanId, Source: FundingSource.Local));
        Assert.Equal(5, funded.Total);
        var seven = funded.Items.Single(m => m.Direction == "IV" && m.Number == 7);
        Assert.Equal([60.0m, 80.0m, 90.0m], seven.FundingByYear.Select(y => y.Amount));

        var scheduled = await FindAsync(new MeasureQuery(database.PlanId, TermKind: TermKind.OngoingScheduled));
        Assert.Equal(3, scheduled.Total);

        await using var db = await database.DbFactory.CreateDbContextAsync();
        var centre = await db.ResponsibleBodies.Where(b => b.Name == "Центр гендерної рівності").Select(b => b.Id).SingleAsync();
        var third2 = await db.Directions.Where(d => d.Number == "III").Select(d => d.Id).SingleAsync();
        var both = await FindAsync(new MeasureQuery(database.PlanId, DirectionId: third2, BodyId: centre));
        Assert.Equal(5, both.Total);

        var descending = await FindAsync(new MeasureQuery(database.PlanId, Sort: MeasureSort.Number, Descending: true, PageSize: 1));
        Assert.Equal(("V", 3), (descending.Items[0].Direction, descending.Items[0].Number));
    }
}
