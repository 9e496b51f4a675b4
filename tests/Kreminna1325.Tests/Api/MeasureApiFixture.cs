using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Tests.Accounts;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Tests.Api;

/// <summary>
/// The app with a staff member signed in, measure I.4 (training: a count, a list, a count by sex) to
/// write to, and a draft report of the Gender Equality Centre holding a value for its first indicator.
/// </summary>
public sealed class MeasureApiFixture : WebFixture
{
    public HttpClient Staff { get; private set; } = null!;
    public int MeasureId { get; private set; }
    public int OtherMeasuresIndicatorId { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Staff = await SignIn.AsAsync(Factory, "staff@kreminna.local");
        await using var db = await DbFactory.CreateDbContextAsync();
        MeasureId = await db.Measures.Where(m => m.Direction.Number == "I" && m.Number == 4).Select(m => m.Id).SingleAsync();
        OtherMeasuresIndicatorId = await db.Indicators.Where(i => i.MeasureId != MeasureId).Select(i => i.Id).FirstAsync();
        var first = await db.Indicators.Where(i => i.MeasureId == MeasureId).OrderBy(i => i.Position).Select(i => i.Id).FirstAsync();
        if (await db.IndicatorValues.AnyAsync(v => v.IndicatorId == first && v.Number != null))
        {
            return; // the demo reports of local mode already hold one
        }

        var period = await db.ReportingPeriods.Where(p => p.MeasureId == MeasureId && !db.Reports.Any(r => r.PeriodId == p.Id))
            .OrderBy(p => p.Start).Select(p => p.Id).FirstAsync();
        var official = await PrincipalAsync("official@kreminna.local");
        var saved = await InScopeAsync(async services =>
        {
            var reports = services.GetRequiredService<ReportService>();
            var form = (await reports.LoadAsync(official, period))!.Form;
            form.Values[0].Number = 2;
            return await reports.SaveDraftAsync(official, form);
        });
        if (!saved.Saved)
        {
            throw new InvalidOperationException(saved.Message);
        }
    }

    /// <summary>The measure as the API gives it now, to change and send back.</summary>
    public async Task<JsonObject> FormAsync() =>
        (await Staff.GetFromJsonAsync<JsonObject>($"/api/measures/{MeasureId}/form"))!;

    /// <summary>What a refused request must leave untouched: the measure's row and children, and the audit trail.</summary>
    public async Task<(uint Version, string Content, int Indicators, int Audit)> StoredAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        var measure = await db.Measures.AsNoTracking().SingleAsync(m => m.Id == MeasureId);
        return (measure.Version, measure.Content, await db.Indicators.CountAsync(i => i.MeasureId == MeasureId),
            await db.AuditEntries.CountAsync());
    }

    public async Task<int> MeasureCountAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.Measures.CountAsync();
    }
}
