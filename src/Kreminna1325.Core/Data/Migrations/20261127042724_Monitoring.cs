using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kreminna1325.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Monitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "grace_days",
                table: "plans",
                type: "integer",
                nullable: false,
                defaultValue: 10);

            migrationBuilder.CreateTable(
                name: "reporting_periods",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    measure_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    start = table.Column<DateOnly>(type: "date", nullable: false),
                    end = table.Column<DateOnly>(type: "date", nullable: false),
                    due = table.Column<DateOnly>(type: "date", nullable: false),
                    is_orphaned = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reporting_periods", x => x.id);
                    table.ForeignKey(
                        name: "fk_reporting_periods_measures_measure_id",
                        column: x => x.measure_id,
                        principalTable: "measures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reports",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    period_id = table.Column<int>(type: "integer", nullable: false),
                    measure_id = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    implementation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    not_done_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    narrative = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    review_comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submitted_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reviewed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_reports_measures_measure_id",
                        column: x => x.measure_id,
                        principalTable: "measures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_reports_reporting_periods_period_id",
                        column: x => x.period_id,
                        principalTable: "reporting_periods",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "evidence",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    report_id = table.Column<int>(type: "integer", nullable: false),
                    measure_id = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence", x => x.id);
                    table.ForeignKey(
                        name: "fk_evidence_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "indicator_values",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    report_id = table.Column<int>(type: "integer", nullable: false),
                    indicator_id = table.Column<int>(type: "integer", nullable: false),
                    measure_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<decimal>(type: "numeric(14,1)", precision: 14, scale: 1, nullable: true),
                    present = table.Column<bool>(type: "boolean", nullable: true),
                    document_reference = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    entries = table.Column<List<string>>(type: "text[]", nullable: false),
                    text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicator_values", x => x.id);
                    table.ForeignKey(
                        name: "fk_indicator_values_indicators_indicator_id",
                        column: x => x.indicator_id,
                        principalTable: "indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_indicator_values_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    report_id = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    from = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    to = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_report_events_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_spending",
                columns: table => new
                {
                    report_id = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    measure_id = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_spending", x => new { x.report_id, x.source });
                    table.CheckConstraint("ck_report_spending_amount", "amount >= 0");
                    table.ForeignKey(
                        name: "fk_report_spending_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "value_breakdowns",
                columns: table => new
                {
                    indicator_value_id = table.Column<int>(type: "integer", nullable: false),
                    dimension = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    measure_id = table.Column<int>(type: "integer", nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_value_breakdowns", x => new { x.indicator_value_id, x.dimension, x.category });
                    table.CheckConstraint("ck_value_breakdowns_count", "count >= 0");
                    table.ForeignKey(
                        name: "fk_value_breakdowns_indicator_values_indicator_value_id",
                        column: x => x.indicator_value_id,
                        principalTable: "indicator_values",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_evidence_report_id",
                table: "evidence",
                column: "report_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicator_values_indicator_id",
                table: "indicator_values",
                column: "indicator_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicator_values_report_id_indicator_id",
                table: "indicator_values",
                columns: new[] { "report_id", "indicator_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_report_events_report_id_at",
                table: "report_events",
                columns: new[] { "report_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_reporting_periods_due",
                table: "reporting_periods",
                column: "due");

            migrationBuilder.CreateIndex(
                name: "ix_reporting_periods_measure_id_start_end",
                table: "reporting_periods",
                columns: new[] { "measure_id", "start", "end" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reports_measure_id",
                table: "reports",
                column: "measure_id");

            migrationBuilder.CreateIndex(
                name: "ix_reports_period_id",
                table: "reports",
                column: "period_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reports_status_measure_id",
                table: "reports",
                columns: new[] { "status", "measure_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evidence");

            migrationBuilder.DropTable(
                name: "report_events");

            migrationBuilder.DropTable(
                name: "report_spending");

            migrationBuilder.DropTable(
                name: "value_breakdowns");

            migrationBuilder.DropTable(
                name: "indicator_values");

            migrationBuilder.DropTable(
                name: "reports");

            migrationBuilder.DropTable(
                name: "reporting_periods");

            migrationBuilder.DropColumn(
                name: "grace_days",
                table: "plans");
        }
    }
}
