using Kreminna1325.Core.Data;

namespace Kreminna1325.Core.Plans;

/// <summary>
/// The measures a figure or a list is about: a plan's, narrowed to a direction and to a responsible
/// body (a measure with three bodies belongs to each). Dashboard, drill-downs, budget and grid use this one filter.
/// </summary>
public static class PlanScope
{
    public static IQueryable<Measure> Measures(AppDbContext db, int planId, int? directionId, int? bodyId)
    {
        var measures = db.Measures.Where(m => m.Direction.PlanId == planId);
        if (directionId is { } direction)
        {
            measures = measures.Where(m => m.DirectionId == direction);
        }

        if (bodyId is { } body)
        {
            measures = measures.Where(m => m.ResponsibleBodies.Any(r => r.ResponsibleBodyId == body));
        }

        return measures;
    }
}
