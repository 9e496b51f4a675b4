using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kreminna1325.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Communities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_responsible_bodies_name",
                table: "responsible_bodies");

            migrationBuilder.AddColumn<int>(
                name: "community_id",
                table: "value_breakdowns",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "community_id",
                table: "responsible_bodies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "community_id",
                table: "reports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "community_id",
                table: "reporting_periods",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "community_id",
                table: "report_spending",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "community_id",
                table: "plans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "community_id",
                table: "measures",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "community_id",
                table: "audit_entries",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "communities",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "uk_ua_icu"),
                    oblast_code = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    oblast_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "uk_ua_icu"),
                    slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_communities", x => x.id);
                    table.CheckConstraint("ck_communities_code", "code ~ '^UA[0-9]{17}$'");
                    table.CheckConstraint("ck_communities_oblast_code", "oblast_code ~ '^UA[0-9]{17}$'");
                    table.CheckConstraint("ck_communities_slug", "slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'");
                });

            migrationBuilder.CreateTable(
                name: "community_grants",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    community_id = table.Column<int>(type: "integer", nullable: true),
                    oblast_code = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_community_grants", x => x.id);
                    table.CheckConstraint("ck_community_grants_scope", "(role = 'OblastCoordinator' AND oblast_code IS NOT NULL AND community_id IS NULL)\nOR (role IN ('NationalCoordinator', 'SystemAdministrator') AND oblast_code IS NULL AND community_id IS NULL)\nOR (role IN ('Administrator', 'CouncilStaff', 'ResponsibleOfficial', 'Executive')\n    AND community_id IS NOT NULL AND oblast_code IS NULL)");
                    table.ForeignKey(
                        name: "fk_community_grants_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_community_grants_communities_community_id",
                        column: x => x.community_id,
                        principalTable: "communities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Everything kept before communities existed was Kreminna's: it moves under Kreminna, nothing lost.
            migrationBuilder.Sql("""
                INSERT INTO communities (code, name, oblast_code, oblast_name, slug, created_at)
                SELECT 'UA44120030000094047', 'Кремінська міська територіальна громада',
                       'UA44000000000018893', 'Луганська область', 'kreminna', now()
                WHERE EXISTS (SELECT 1 FROM plans) OR EXISTS (SELECT 1 FROM responsible_bodies)
                   OR EXISTS (SELECT 1 FROM "AspNetUserRoles");
                UPDATE plans SET community_id = c.id FROM communities c WHERE c.code = 'UA44120030000094047';
                UPDATE responsible_bodies SET community_id = c.id FROM communities c WHERE c.code = 'UA44120030000094047';
                UPDATE measures SET community_id = c.id FROM communities c WHERE c.code = 'UA44120030000094047';
                UPDATE reporting_periods SET community_id = c.id FROM communities c WHERE c.code = 'UA44120030000094047';
                UPDATE reports SET community_id = c.id FROM communities c WHERE c.code = 'UA44120030000094047';
                UPDATE value_breakdowns SET community_id = c.id FROM communities c WHERE c.code = 'UA44120030000094047';
                UPDATE report_spending SET community_id = c.id FROM communities c WHERE c.code = 'UA44120030000094047';
                -- The trail stays append-only for everyone else: only this one-time filing of the new column passes.
                ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update_or_delete;
                UPDATE audit_entries SET community_id = c.id FROM communities c WHERE c.code = 'UA44120030000094047';
                ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_update_or_delete;

                -- The four roles were the instance's; they become grants in Kreminna.
                INSERT INTO community_grants (user_id, role, community_id)
                SELECT ur.user_id, ur.role_id, c.id
                FROM "AspNetUserRoles" ur CROSS JOIN communities c
                WHERE c.code = 'UA44120030000094047'
                  AND ur.role_id IN ('Administrator', 'CouncilStaff', 'ResponsibleOfficial', 'Executive');
                DELETE FROM "AspNetUserRoles"
                WHERE role_id IN ('Administrator', 'CouncilStaff', 'ResponsibleOfficial', 'Executive');
                """);

            // The large tables carry their community for community-leading indexes and one-hop filters. The
            // database copies it from the parent row, so no insert path (services, imports, bulk SQL) can get it wrong.
            migrationBuilder.Sql("""
                CREATE FUNCTION community_from_direction() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    SELECT p.community_id INTO NEW.community_id
                    FROM directions d JOIN plans p ON p.id = d.plan_id WHERE d.id = NEW.direction_id;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER measures_community BEFORE INSERT OR UPDATE OF direction_id ON measures
                    FOR EACH ROW EXECUTE FUNCTION community_from_direction();

                CREATE FUNCTION community_from_measure() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    SELECT m.community_id INTO NEW.community_id FROM measures m WHERE m.id = NEW.measure_id;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER reporting_periods_community BEFORE INSERT OR UPDATE OF measure_id ON reporting_periods
                    FOR EACH ROW EXECUTE FUNCTION community_from_measure();
                CREATE TRIGGER reports_community BEFORE INSERT OR UPDATE OF measure_id ON reports
                    FOR EACH ROW EXECUTE FUNCTION community_from_measure();
                CREATE TRIGGER value_breakdowns_community BEFORE INSERT OR UPDATE OF measure_id ON value_breakdowns
                    FOR EACH ROW EXECUTE FUNCTION community_from_measure();
                CREATE TRIGGER report_spending_community BEFORE INSERT OR UPDATE OF measure_id ON report_spending
                    FOR EACH ROW EXECUTE FUNCTION community_from_measure();

                -- An audit row about a measure's rows belongs to the measure's community when the writer did not say.
                CREATE FUNCTION audit_community_from_measure() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    SELECT m.community_id INTO NEW.community_id FROM measures m WHERE m.id = NEW.measure_id;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER audit_entries_community BEFORE INSERT ON audit_entries
                    FOR EACH ROW WHEN (NEW.community_id IS NULL AND NEW.measure_id IS NOT NULL)
                    EXECUTE FUNCTION audit_community_from_measure();
                """);

            migrationBuilder.CreateIndex(
                name: "ix_value_breakdowns_community_id",
                table: "value_breakdowns",
                column: "community_id");

            migrationBuilder.CreateIndex(
                name: "ix_responsible_bodies_community_id_name",
                table: "responsible_bodies",
                columns: new[] { "community_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reports_community_id",
                table: "reports",
                column: "community_id");

            migrationBuilder.CreateIndex(
                name: "ix_reporting_periods_community_id",
                table: "reporting_periods",
                column: "community_id");

            migrationBuilder.CreateIndex(
                name: "ix_report_spending_community_id",
                table: "report_spending",
                column: "community_id");

            migrationBuilder.CreateIndex(
                name: "ix_plans_community_id",
                table: "plans",
                column: "community_id");

            migrationBuilder.CreateIndex(
                name: "ix_measures_community_id",
                table: "measures",
                column: "community_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_community_id",
                table: "audit_entries",
                column: "community_id");

            migrationBuilder.CreateIndex(
                name: "ix_communities_code",
                table: "communities",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_communities_oblast_code_name",
                table: "communities",
                columns: new[] { "oblast_code", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_communities_slug",
                table: "communities",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_community_grants_community_id_role",
                table: "community_grants",
                columns: new[] { "community_id", "role" });

            migrationBuilder.CreateIndex(
                name: "ix_community_grants_user_id_role_community_id_oblast_code",
                table: "community_grants",
                columns: new[] { "user_id", "role", "community_id", "oblast_code" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.AddForeignKey(
                name: "fk_audit_entries_communities_community_id",
                table: "audit_entries",
                column: "community_id",
                principalTable: "communities",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_measures_communities_community_id",
                table: "measures",
                column: "community_id",
                principalTable: "communities",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_plans_communities_community_id",
                table: "plans",
                column: "community_id",
                principalTable: "communities",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_report_spending_communities_community_id",
                table: "report_spending",
                column: "community_id",
                principalTable: "communities",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_reporting_periods_communities_community_id",
                table: "reporting_periods",
                column: "community_id",
                principalTable: "communities",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_reports_communities_community_id",
                table: "reports",
                column: "community_id",
                principalTable: "communities",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_responsible_bodies_communities_community_id",
                table: "responsible_bodies",
                column: "community_id",
                principalTable: "communities",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_value_breakdowns_communities_community_id",
                table: "value_breakdowns",
                column: "community_id",
                principalTable: "communities",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER measures_community ON measures;
                DROP TRIGGER reporting_periods_community ON reporting_periods;
                DROP TRIGGER reports_community ON reports;
                DROP TRIGGER value_breakdowns_community ON value_breakdowns;
                DROP TRIGGER report_spending_community ON report_spending;
                DROP TRIGGER audit_entries_community ON audit_entries;
                DROP FUNCTION community_from_direction();
                DROP FUNCTION community_from_measure();
                DROP FUNCTION audit_community_from_measure();
                INSERT INTO "AspNetUserRoles" (user_id, role_id)
                SELECT DISTINCT user_id, role FROM community_grants WHERE community_id IS NOT NULL
                ON CONFLICT DO NOTHING;
                """);

            migrationBuilder.DropForeignKey(
                name: "fk_audit_entries_communities_community_id",
                table: "audit_entries");

            migrationBuilder.DropForeignKey(
                name: "fk_measures_communities_community_id",
                table: "measures");

            migrationBuilder.DropForeignKey(
                name: "fk_plans_communities_community_id",
                table: "plans");

            migrationBuilder.DropForeignKey(
                name: "fk_report_spending_communities_community_id",
                table: "report_spending");

            migrationBuilder.DropForeignKey(
                name: "fk_reporting_periods_communities_community_id",
                table: "reporting_periods");

            migrationBuilder.DropForeignKey(
                name: "fk_reports_communities_community_id",
                table: "reports");

            migrationBuilder.DropForeignKey(
                name: "fk_responsible_bodies_communities_community_id",
                table: "responsible_bodies");

            migrationBuilder.DropForeignKey(
                name: "fk_value_breakdowns_communities_community_id",
                table: "value_breakdowns");

            migrationBuilder.DropTable(
                name: "community_grants");

            migrationBuilder.DropTable(
                name: "communities");

            migrationBuilder.DropIndex(
                name: "ix_value_breakdowns_community_id",
                table: "value_breakdowns");

            migrationBuilder.DropIndex(
                name: "ix_responsible_bodies_community_id_name",
                table: "responsible_bodies");

            migrationBuilder.DropIndex(
                name: "ix_reports_community_id",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "ix_reporting_periods_community_id",
                table: "reporting_periods");

            migrationBuilder.DropIndex(
                name: "ix_report_spending_community_id",
                table: "report_spending");

            migrationBuilder.DropIndex(
                name: "ix_plans_community_id",
                table: "plans");

            migrationBuilder.DropIndex(
                name: "ix_measures_community_id",
                table: "measures");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_community_id",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "community_id",
                table: "value_breakdowns");

            migrationBuilder.DropColumn(
                name: "community_id",
                table: "responsible_bodies");

            migrationBuilder.DropColumn(
                name: "community_id",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "community_id",
                table: "reporting_periods");

            migrationBuilder.DropColumn(
                name: "community_id",
                table: "report_spending");

            migrationBuilder.DropColumn(
                name: "community_id",
                table: "plans");

            migrationBuilder.DropColumn(
                name: "community_id",
                table: "measures");

            migrationBuilder.DropColumn(
                name: "community_id",
                table: "audit_entries");

            migrationBuilder.CreateIndex(
                name: "ix_responsible_bodies_name",
                table: "responsible_bodies",
                column: "name",
                unique: true);
        }
    }
}
