using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kreminna1325.Tests.Plans;

/// <summary>Behind the validators, the database itself keeps out a breakdown the app does not know, and reading tolerates one.</summary>
public class StoredValueGuardTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task The_database_refuses_an_unknown_disaggregation()
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();
        var id = await db.Indicators.Select(i => i.Id).FirstAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"UPDATE indicators SET disaggregations = ARRAY['99'] WHERE id = {id}"));

        Assert.Equal("ck_indicators_disaggregations", refused.ConstraintName);
    }

    [Fact]
    public void A_report_form_leaves_out_a_breakdown_it_does_not_know()
    {
        var indicator = new Indicator
        {
            Id = 1, Text = "Кількість", Kind = IndicatorKind.Count,
            Disaggregations = [(Disaggregation)99, Disaggregation.Sex, Disaggregation.Sex],
        };

        var value = ValueForm.Of(indicator, null);

        Assert.Equal([Disaggregation.Sex], value.Requested);
        Assert.Equal([Disaggregation.Sex], value.Breakdown.Keys);
    }
}
