using Kreminna1325.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Plans.Editing;

/// <summary>
/// The rules of a measure that need the database, checked after <see cref="MeasureFormValidator"/>:
/// every responsible body exists, every indicator with an id is one of this measure's, and an
/// indicator that reports already hold values for keeps its kind (the values would no longer mean anything).
/// </summary>
internal static class MeasureReferences
{
    public static async Task<Dictionary<string, string[]>?> CheckAsync(AppDbContext db, MeasureForm form, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var bodyIds = form.ResponsibleBodies.Select(r => r.BodyId).Distinct().ToList();
        if (await db.ResponsibleBodies.CountAsync(b => bodyIds.Contains(b.Id), ct) != bodyIds.Count)
        {
            errors[nameof(MeasureForm.ResponsibleBodies)] = [Messages.Get("Measure.BodyUnknown")];
        }

        var indicatorIds = form.Indicators.Where(i => i.Id != 0).Select(i => i.Id).ToList();
        var stored = await db.Indicators.AsNoTracking()
            .Where(i => i.MeasureId == form.Id && indicatorIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Kind, HasValues = db.IndicatorValues.Any(v => v.IndicatorId == i.Id) })
            .ToDictionaryAsync(i => i.Id, ct);
        for (var k = 0; k < form.Indicators.Count; k++)
        {
            var indicator = form.Indicators[k];
            if (indicator.Id == 0)
            {
                continue;
            }

            if (!stored.TryGetValue(indicator.Id, out var was))
            {
                errors[$"Indicators[{k}].Id"] = [Messages.Get("Indicator.Unknown")];
            }
            else if (was.Kind != indicator.Kind && was.HasValues)
            {
                errors[$"Indicators[{k}].Kind"] = [Messages.Get("Indicator.KindHasValues")];
            }
        }

        return errors.Count == 0 ? null : errors;
    }
}
