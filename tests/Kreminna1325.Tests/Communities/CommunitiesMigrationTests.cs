using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Kreminna1325.Tests.Communities;

/// <summary>
/// A database from before communities (the Notifications migration) with a plan, its bodies, a report, people in
/// the four roles and an audit trail: after the Communities migration all of it is Kreminna's and nothing is lost.
/// </summary>
public sealed class CommunitiesMigrationTests : IAsyncLifetime
{
    private const string BeforeCommunities = "20261128105644_Notifications";
    private string connectionString = "";

    public async Task InitializeAsync() => connectionString = await TestPostgres.CreateDatabaseAsync("k1325_communitiesmigration");

    public Task DisposeAsync() => TestPostgres.DropDatabaseAsync(connectionString);

    [Fact]
    public async Task Existing_data_and_roles_move_under_Kreminna_and_new_rows_take_their_parents_community()
    {
        await using (var db = Context())
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforeCommunities);
        }

        await ExecuteAsync("""
            INSERT INTO plans (id, municipality, title, start_year, end_year, reporting_cadence, grace_days)
                VALUES (1, 'Кремінська міська рада', 'План 1325', 2020, 2022, 'Quarterly', 10);
            INSERT INTO directions (id, plan_id, number, title, "order") VALUES (1, 1, 'I', 'Напрям', 1);
            INSERT INTO measures (id, direction_id, number, content, term_text, term_kind)
                VALUES (1, 1, 1, 'Захід', '2020-2022', 'Ongoing');
            INSERT INTO responsible_bodies (id, name, short_name, kind, aliases) VALUES (1, 'Відділ освіти', 'Освіта', 'CouncilDepartment', '{}');
            INSERT INTO measure_responsible_bodies (measure_id, responsible_body_id, position, by_agreement) VALUES (1, 1, 1, false);
            INSERT INTO reporting_periods (id, measure_id, year, sequence, kind, start, "end", due, is_orphaned)
                VALUES (1, 1, 2021, 1, 'Quarter', '2021-01-01', '2021-03-31', '2021-04-10', false);
            INSERT INTO reports (id, period_id, measure_id, status, is_demo) VALUES (1, 1, 1, 'Draft', false);
            INSERT INTO report_spending (report_id, measure_id, source, amount) VALUES (1, 1, 'Local', 2.5);
            INSERT INTO "AspNetRoles" (id, name, normalized_name) VALUES ('CouncilStaff', 'CouncilStaff', 'COUNCILSTAFF');
            INSERT INTO "AspNetUsers" (id, full_name, is_active, must_change_password, created_at, email_confirmed,
                    phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count, reminders_off, digest_off)
                VALUES ('u1', 'Оксана', true, false, now(), true, false, false, true, 0, false, false);
            INSERT INTO "AspNetUserRoles" (user_id, role_id) VALUES ('u1', 'CouncilStaff');
            INSERT INTO audit_entries (at, user_name, entity_type, entity_key, action, changes)
                VALUES (now(), 'system', 'Plan', '1', 'Insert', '[]');
            """);

        await using (var db = Context())
        {
            await db.Database.MigrateAsync();
        }

        await using var check = Context();
        var kreminna = await check.Communities.SingleAsync();
        Assert.Equal((KnownCommunities.Kreminna().Code, "kreminna", KnownCommunities.LuhanskOblastCode),
            (kreminna.Code, kreminna.Slug, kreminna.OblastCode));
        foreach (var table in new[] { "plans", "responsible_bodies", "measures", "reporting_periods", "reports", "report_spending", "audit_entries" })
        {
            Assert.Equal([kreminna.Id], await ScalarsAsync($"SELECT DISTINCT community_id FROM {table}"));
        }

        var grant = await check.CommunityGrants.SingleAsync();
        Assert.Equal(("u1", "CouncilStaff", (int?)kreminna.Id), (grant.UserId, grant.Role, grant.CommunityId));
        Assert.Empty(await check.UserRoles.ToListAsync());

        // A second community's rows: the measure and everything under it take the plan's community, not the column's default.
        await ExecuteAsync("""
            INSERT INTO communities (code, name, oblast_code, oblast_name, slug, created_at)
                VALUES ('UA44120090000062828', 'Рубіжанська', 'UA44000000000018893', 'Луганська область', 'rubizhne', now());
            INSERT INTO plans (id, community_id, municipality, title, start_year, end_year, reporting_cadence, grace_days)
                SELECT 2, id, 'Рубіжанська міська рада', 'План 1325', 2021, 2023, 'Quarterly', 10 FROM communities WHERE slug = 'rubizhne';
            INSERT INTO directions (id, plan_id, number, title, "order") VALUES (2, 2, 'I', 'Напрям', 1);
            INSERT INTO measures (id, direction_id, number, content, term_text, term_kind)
                VALUES (2, 2, 1, 'Захід', '2021-2023', 'Ongoing');
            INSERT INTO reporting_periods (id, measure_id, year, sequence, kind, start, "end", due, is_orphaned)
                VALUES (2, 2, 2021, 1, 'Quarter', '2021-01-01', '2021-03-31', '2021-04-10', false);
            INSERT INTO reports (id, period_id, measure_id, status, is_demo) VALUES (2, 2, 2, 'Draft', false);
            """);
        var rubizhne = await check.Communities.Where(c => c.Slug == "rubizhne").Select(c => c.Id).SingleAsync();
        Assert.Equal([rubizhne], await ScalarsAsync("SELECT community_id FROM measures WHERE id = 2"));
        Assert.Equal([rubizhne], await ScalarsAsync("SELECT community_id FROM reporting_periods WHERE id = 2"));
        Assert.Equal([rubizhne], await ScalarsAsync("SELECT community_id FROM reports WHERE id = 2"));

        // And the filter keeps each community to its own.
        await using var filtered = Context();
        filtered.CommunityId = rubizhne;
        Assert.Equal([2], await filtered.Reports.Select(r => r.Id).ToListAsync());
        Assert.Equal([2], await filtered.Plans.Select(p => p.Id).ToListAsync());
        Assert.Empty(await filtered.ResponsibleBodies.ToListAsync());
    }

    private AppDbContext Context() =>
        new((DbContextOptions<AppDbContext>)new DbContextOptionsBuilder<AppDbContext>().UseKreminnaDatabase(connectionString).Options);

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<int>> ScalarsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<int>();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetInt32(0));
        }

        return result;
    }
}
