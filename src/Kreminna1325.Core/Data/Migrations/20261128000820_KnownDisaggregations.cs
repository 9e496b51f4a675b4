using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kreminna1325.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class KnownDisaggregations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rows written before the validators refused them keep only the breakdowns the app knows, once each.
            migrationBuilder.Sql("""
                UPDATE indicators
                SET disaggregations = ARRAY(
                    SELECT DISTINCT d FROM unnest(disaggregations) AS d
                    WHERE d = ANY (ARRAY['Sex', 'Age', 'VulnerabilityCategory', 'PlaceOfResidence']))
                WHERE NOT (disaggregations <@ ARRAY['Sex', 'Age', 'VulnerabilityCategory', 'PlaceOfResidence']::text[]);
                """);

            migrationBuilder.AddCheckConstraint(
                name: "ck_indicators_disaggregations",
                table: "indicators",
                sql: "disaggregations <@ ARRAY['Sex', 'Age', 'VulnerabilityCategory', 'PlaceOfResidence']::text[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_indicators_disaggregations",
                table: "indicators");
        }
    }
}
