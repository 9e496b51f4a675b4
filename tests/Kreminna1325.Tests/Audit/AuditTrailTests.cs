using System.Net;
using System.Net.Http.Json;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Audit;
using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Accounts;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kreminna1325.Tests.Audit;

public class AuditTrailTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private async Task<Measure> MeasureAsync(string direction, int number)
    {
        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        return await db.Measures.AsNoTracking().SingleAsync(m => m.Direction.Number == direction && m.Number == number);
    }

    [Fact]
    public async Task An_edit_is_recorded_with_who_when_and_each_fields_old_and_new_value()
    {
        var before = await MeasureAsync("II", 4);
        var staff = await SignIn.AsAsync(fixture.Factory, "staff@kreminna.local");
        var started = DateTimeOffset.UtcNow;

        var form = (await staff.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/measures/{before.Id}/form"))!;
        form["content"] = before.Content + " Уточнено на засіданні ради.";
        form["term"] = new System.Text.Json.Nodes.JsonObject { ["text"] = "Щорічно (1 квартал)", ["kind"] = "annualInQuarter", ["quarter"] = 1 };
        using var response = await staff.PutAsJsonAsync($"/api/measures/{before.Id}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        var record = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(Measure) && a.Action == AuditAction.Update && a.MeasureId == before.Id);
        var staffId = await db.Users.Where(u => u.Email == "staff@kreminna.local").Select(u => u.Id).SingleAsync();
        Assert.Equal(staffId, record.UserId);
        Assert.Equal("staff@kreminna.local", record.UserName);
        Assert.Equal(before.Id.ToString(), record.EntityKey);
        Assert.InRange(record.At, started.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));

        var changes = FieldChange.Parse(record.Changes).ToDictionary(c => c.Field);
        Assert.Equal(["Content", "Term.Kind", "Term.Quarter", "Term.Text"], changes.Keys.Order());
        Assert.Equal(before.Content, changes["Content"].Old!.GetValue<string>());
        Assert.EndsWith("Уточнено на засіданні ради.", changes["Content"].New!.GetValue<string>());
        Assert.Equal("Постійно", changes["Term.Text"].Old!.GetValue<string>());
        Assert.Equal("Щорічно (1 квартал)", changes["Term.Text"].New!.GetValue<string>());
        Assert.Equal("Ongoing", changes["Term.Kind"].Old!.GetValue<string>());
        Assert.Equal("AnnualInQuarter", changes["Term.Kind"].New!.GetValue<string>());

        // The measure's history panel shows it, newest first.
        // Its history panel shows it, with the periods the new term retired in the same change: of the
        // twelve quarters, the three first quarters are exactly the new annual periods and stay.
        var executive = await fixture.PrincipalAsync("executive@kreminna.local");
        var history = await fixture.InScopeAsync(services => services.GetRequiredService<AuditQueries>().HistoryOfMeasureAsync(executive, before.Id));
        var edit = history.First(h => h.EntityType == nameof(Measure));
        Assert.Equal(AuditAction.Update, edit.Action);
        Assert.Equal("staff@kreminna.local", edit.UserName);
        Assert.Equal(9, history.Count(h => h.EntityType == "ReportingPeriod" && h.Action == AuditAction.Delete && h.UserName == "staff@kreminna.local"));
        Assert.Equal(0, history.Count(h => h.EntityType == "ReportingPeriod" && h.Action == AuditAction.Insert && h.UserName == "staff@kreminna.local"));
    }

    [Fact]
    public async Task The_built_in_plan_was_recorded_as_inserted_by_the_system()
    {
        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        var inserted = await db.AuditEntries.Where(a => a.Action == AuditAction.Insert && a.UserName == "system")
            .GroupBy(a => a.EntityType).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);

        Assert.Equal(28, inserted[nameof(Measure)]);
        Assert.Equal(75, inserted[nameof(Indicator)]);
        Assert.Equal(36, inserted[nameof(FundingLine)]);
        var line = await db.AuditEntries.FirstAsync(a => a.EntityType == nameof(FundingLine));
        Assert.NotNull(line.MeasureId);
        Assert.Contains(FieldChange.Parse(line.Changes), c => c.Field == "Amount" && c.Old == null && c.New != null);
    }

    [Fact]
    public async Task A_failed_change_leaves_no_record_and_no_half_write()
    {
        var measure = await MeasureAsync("IV", 7);
        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        var records = await db.AuditEntries.CountAsync();
        var lines = await db.FundingLines.CountAsync();

        // A new line for 2023 is valid on its own; the duplicate of an existing line is not.
        db.FundingLines.Add(new FundingLine { MeasureId = measure.Id, Source = FundingSource.Other, Year = 2023, Amount = 1m });
        db.FundingLines.Add(new FundingLine { MeasureId = measure.Id, Source = FundingSource.Local, Year = 2020, Amount = 1m });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        await using var check = await fixture.DbFactory.CreateDbContextAsync();
        Assert.Equal(records, await check.AuditEntries.CountAsync());
        Assert.Equal(lines, await check.FundingLines.CountAsync());
    }

    [Fact]
    public async Task Role_assignments_are_recorded()
    {
        var admin = await fixture.PrincipalAsync("admin@kreminna.local");
        var created = await fixture.InScopeAsync(services => services.GetRequiredService<UserAdministration>()
            .CreateAsync(admin, new UserForm { Email = "audited@kreminna.local", FullName = "Аудит Тестовий", Roles = [Roles.CouncilStaff] }));
        Assert.True(created.Succeeded);

        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        var userId = await db.Users.Where(u => u.Email == "audited@kreminna.local").Select(u => u.Id).SingleAsync();
        // Roles are grants in a community now: the grant's insert names the person and the role.
        var grants = await db.AuditEntries.IgnoreQueryFilters().Where(a => a.EntityType == nameof(Core.Communities.CommunityGrant) && a.Action == AuditAction.Insert).ToListAsync();
        var role = grants.Single(a => FieldChange.Parse(a.Changes).Any(c => c.Field == "UserId" && c.New!.GetValue<string>() == userId));
        Assert.Equal("admin@kreminna.local", role.UserName);
        Assert.Contains(FieldChange.Parse(role.Changes), c => c.Field == "Role" && c.New!.GetValue<string>() == Roles.CouncilStaff);

        var user = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(AppUser) && a.EntityKey == userId && a.Action == AuditAction.Insert);
        var fields = FieldChange.Parse(user.Changes).ToDictionary(c => c.Field);
        Assert.Equal("***", fields["PasswordHash"].New!.GetValue<string>());
        Assert.Equal("Аудит Тестовий", fields["FullName"].New!.GetValue<string>());
    }

    [Fact]
    public async Task Nothing_can_edit_or_delete_audit_records()
    {
        await using (var db = await fixture.DbFactory.CreateDbContextAsync())
        {
            var record = await db.AuditEntries.FirstAsync();
            record.UserName = "someone else";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in new[] { "UPDATE audit_entries SET user_name = 'x'", "DELETE FROM audit_entries", "TRUNCATE audit_entries" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", error.MessageText);
        }
    }

    [Fact]
    public async Task The_audit_page_filters_by_person_entity_and_dates_and_pages()
    {
        var queries = fixture.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<AuditQueries>();

        var all = await queries.ListAsync(TestUsers.Executive, new AuditFilter(), page: 0, pageSize: 10);
        Assert.Equal(10, all.Items.Count);
        Assert.True(all.Total > 200);
        Assert.True(all.Items.Zip(all.Items.Skip(1)).All(p => p.First.At >= p.Second.At), "newest first");

        var second = await queries.ListAsync(TestUsers.Executive, new AuditFilter(), page: 1, pageSize: 10);
        Assert.Empty(second.Items.Select(i => i.Id).Intersect(all.Items.Select(i => i.Id)));

        var indicators = await queries.ListAsync(TestUsers.Executive, new AuditFilter(EntityType: nameof(Indicator)), 0, 200);
        Assert.All(indicators.Items, i => Assert.Equal(nameof(Indicator), i.EntityType));
        Assert.True(indicators.Total >= 75);

        // The page's days are Kyiv days: from 21:00/22:00 UTC the community is already on the next one.
        var today = Kreminna1325.Core.CommunityClock.DayOf(DateTimeOffset.UtcNow);
        Assert.Equal(all.Total, (await queries.ListAsync(TestUsers.Executive, new AuditFilter(From: today, To: today), 0, 1)).Total);
        Assert.Equal(0, (await queries.ListAsync(TestUsers.Executive, new AuditFilter(To: today.AddDays(-1)), 0, 1)).Total);

        var people = await queries.PeopleAsync(TestUsers.Executive);
        var admin = people.Single(p => p.Name == "Адміністраторка Демо");
        var byAdmin = await queries.ListAsync(TestUsers.Executive, new AuditFilter(UserId: admin.Id), 0, 200);
        Assert.All(byAdmin.Items, i => Assert.Equal("admin@kreminna.local", i.UserName));
    }
}
