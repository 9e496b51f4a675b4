using Kreminna1325.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Plans.Editing;

/// <summary>Measures are numbered 1..n within their direction; these keep the numbering whole under concurrent edits.</summary>
internal static class MeasureNumbering
{
    /// <summary>Serialises numbering within the directions touched, so two people adding at once get 5 and 6, not 5 and 5.</summary>
    internal static async Task LockDirectionsAsync(AppDbContext db, int[] directionIds, CancellationToken ct)
    {
        foreach (var id in directionIds.Distinct().Order())
        {
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM directions WHERE id = {id} FOR UPDATE", ct);
        }
    }

    internal static async Task<int> NextAsync(AppDbContext db, int directionId, CancellationToken ct) =>
        (await db.Measures.Where(m => m.DirectionId == directionId).MaxAsync(m => (int?)m.Number, ct) ?? 0) + 1;

    internal static async Task CloseUpAsync(AppDbContext db, int directionId, int removedNumber, CancellationToken ct)
    {
        var after = await db.Measures.Where(m => m.DirectionId == directionId && m.Number > removedNumber).ToListAsync(ct);
        foreach (var m in after)
        {
            m.Number--;
        }
    }
}
