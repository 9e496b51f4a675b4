using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kreminna1325.Core.Data.Migrations
{
    /// <summary>
    /// A measure's status in a year (<see cref="Monitoring.MeasureYearStatus"/>): the implementation its latest approved
    /// report of the year states. The community leads the DISTINCT ON and the year follows the measure, so a filter on
    /// either is pushed into the reports and periods it reads (one community's dashboard reads only its own reports, a
    /// roll-up one year's).
    /// </summary>
    public partial class MeasureYearStatuses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIEW measure_year_statuses AS
                SELECT DISTINCT ON (r.community_id, r.measure_id, p.year)
                       r.community_id, r.measure_id, p.year, r.implementation
                FROM reports r
                JOIN reporting_periods p ON p.id = r.period_id
                WHERE r.status = 'Approved'
                ORDER BY r.community_id, r.measure_id, p.year, p."end" DESC, p.is_orphaned, r.id DESC;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW measure_year_statuses;");
        }
    }
}
