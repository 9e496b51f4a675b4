using System.Net;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Audit;
using Kreminna1325.Tests.Accounts;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Tests.Audit;

/// <summary>
/// A measure's field-level history is the audit trail narrowed to one measure: the rule that decides
/// who reads /audit (administrators and executives) decides it on the measure page and in the query.
/// </summary>
public class MeasureHistoryAccessTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private async Task<int> MeasureIdAsync()
    {
        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        return await db.Measures.Where(m => m.Direction.Number == "I" && m.Number == 4).Select(m => m.Id).SingleAsync();
    }

    private Task<IReadOnlyList<AuditRecord>> HistoryAsync(System.Security.Claims.ClaimsPrincipal user, int measureId) =>
        fixture.InScopeAsync(services => services.GetRequiredService<AuditQueries>().HistoryOfMeasureAsync(user, measureId));

    [Theory]
    [InlineData("admin@kreminna.local")]
    [InlineData("executive@kreminna.local")]
    public async Task Those_who_read_the_audit_read_a_measures_history(string email)
    {
        var user = await fixture.PrincipalAsync(email);
        Assert.True(Permissions.CanViewAudit(user));
        var measureId = await MeasureIdAsync();

        var history = await HistoryAsync(user, measureId);

        // The built-in plan's load recorded the measure and its rows.
        Assert.Contains(history, r => r.EntityType == "Measure" && r.Action == AuditAction.Insert);
        Assert.All(history, r => Assert.Equal(measureId, r.MeasureId));
    }

    [Theory]
    [InlineData("staff@kreminna.local")]
    [InlineData("official@kreminna.local")]
    public async Task Anyone_else_is_refused_by_the_query_itself(string email)
    {
        var user = await fixture.PrincipalAsync(email);
        Assert.False(Permissions.CanViewAudit(user));
        var measureId = await MeasureIdAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() => HistoryAsync(user, measureId));
    }

    [Fact]
    public async Task An_anonymous_caller_is_refused_by_the_query()
    {
        var measureId = await MeasureIdAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() => HistoryAsync(new System.Security.Claims.ClaimsPrincipal(), measureId));
    }

    [Theory]
    [InlineData("admin@kreminna.local", true)]
    [InlineData("executive@kreminna.local", true)]
    [InlineData("staff@kreminna.local", false)]
    [InlineData("official@kreminna.local", false)]
    public async Task The_measure_page_shows_the_history_by_the_same_rule(string email, bool shown)
    {
        var measureId = await MeasureIdAsync();
        var client = await SignIn.AsAsync(fixture.Factory, email);

        using var response = await client.GetAsync($"/measures/{measureId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        // The page itself is there for everyone signed in; only the history is not.
        Assert.Contains("measure-details", html);
        Assert.Equal(shown, html.Contains("id=\"history-heading\"", StringComparison.Ordinal));
        Assert.Equal(shown, html.Contains("audit-row", StringComparison.Ordinal));
    }
}
