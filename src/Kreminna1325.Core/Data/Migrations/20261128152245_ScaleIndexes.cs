using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kreminna1325.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_value_breakdowns_community_id",
                table: "value_breakdowns");

            migrationBuilder.DropIndex(
                name: "ix_reports_community_id",
                table: "reports");

            migrationBuilder.CreateIndex(
                name: "ix_value_breakdowns_community_id_dimension_category",
                table: "value_breakdowns",
                columns: new[] { "community_id", "dimension", "category" })
                .Annotation("Npgsql:IndexInclude", new[] { "count" });

            migrationBuilder.CreateIndex(
                name: "ix_reports_community_id_status",
                table: "reports",
                columns: new[] { "community_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_value_breakdowns_community_id_dimension_category",
                table: "value_breakdowns");

            migrationBuilder.DropIndex(
                name: "ix_reports_community_id_status",
                table: "reports");

            migrationBuilder.CreateIndex(
                name: "ix_value_breakdowns_community_id",
                table: "value_breakdowns",
                column: "community_id");

            migrationBuilder.CreateIndex(
                name: "ix_reports_community_id",
                table: "reports",
                column: "community_id");
        }
    }
}
