using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kreminna1325.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Amendments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_printed_totals_plan_id_direction_id_source_year",
                table: "printed_totals");

            migrationBuilder.AddColumn<int>(
                name: "amendment_id",
                table: "printed_totals",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "plan_amendments",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    plan_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: false),
                    title = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_amendments", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_amendments_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "amendment_scans",
                columns: table => new
                {
                    amendment_id = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_amendment_scans", x => x.amendment_id);
                    table.ForeignKey(
                        name: "fk_amendment_scans_plan_amendments_amendment_id",
                        column: x => x.amendment_id,
                        principalTable: "plan_amendments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "version_amounts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    plan_id = table.Column<int>(type: "integer", nullable: false),
                    amendment_id = table.Column<int>(type: "integer", nullable: true),
                    measure_id = table.Column<int>(type: "integer", nullable: false),
                    direction_id = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_version_amounts", x => x.id);
                    table.CheckConstraint("ck_version_amounts_amount", "amount >= 0");
                    table.ForeignKey(
                        name: "fk_version_amounts_directions_direction_id",
                        column: x => x.direction_id,
                        principalTable: "directions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_version_amounts_plan_amendments_amendment_id",
                        column: x => x.amendment_id,
                        principalTable: "plan_amendments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_version_amounts_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_printed_totals_amendment_id",
                table: "printed_totals",
                column: "amendment_id");

            migrationBuilder.CreateIndex(
                name: "ix_printed_totals_plan_id_amendment_id_direction_id_source_year",
                table: "printed_totals",
                columns: new[] { "plan_id", "amendment_id", "direction_id", "source", "year" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_plan_amendments_plan_id_number_decided_on",
                table: "plan_amendments",
                columns: new[] { "plan_id", "number", "decided_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_version_amounts_amendment_id",
                table: "version_amounts",
                column: "amendment_id");

            migrationBuilder.CreateIndex(
                name: "ix_version_amounts_direction_id",
                table: "version_amounts",
                column: "direction_id");

            migrationBuilder.CreateIndex(
                name: "ix_version_amounts_plan_id_amendment_id",
                table: "version_amounts",
                columns: new[] { "plan_id", "amendment_id" });

            migrationBuilder.AddForeignKey(
                name: "fk_printed_totals_plan_amendments_amendment_id",
                table: "printed_totals",
                column: "amendment_id",
                principalTable: "plan_amendments",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_printed_totals_plan_amendments_amendment_id",
                table: "printed_totals");

            migrationBuilder.DropTable(
                name: "amendment_scans");

            migrationBuilder.DropTable(
                name: "version_amounts");

            migrationBuilder.DropTable(
                name: "plan_amendments");

            migrationBuilder.DropIndex(
                name: "ix_printed_totals_amendment_id",
                table: "printed_totals");

            migrationBuilder.DropIndex(
                name: "ix_printed_totals_plan_id_amendment_id_direction_id_source_year",
                table: "printed_totals");

            migrationBuilder.DropColumn(
                name: "amendment_id",
                table: "printed_totals");

            migrationBuilder.CreateIndex(
                name: "ix_printed_totals_plan_id_direction_id_source_year",
                table: "printed_totals",
                columns: new[] { "plan_id", "direction_id", "source", "year" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);
        }
    }
}
