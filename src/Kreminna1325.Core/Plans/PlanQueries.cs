using System.Linq.Expressions;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Core.Plans;

/// <summary>Reads plans for the public page and the open-data API.</summary>
public sealed class PlanQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<IReadOnlyList<PlanSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Summaries(db.Plans.AsNoTracking()).ToListAsync(ct);
    }

    /// <summary>
    /// The plan a person chose if they may still see it, else the newest; null when there is none. Two small queries,
    /// not the list of every plan: with many communities the list grows, the choice does not.
    /// </summary>
    public async Task<PlanSummary?> ChooseAsync(int? preferred, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plans = db.Plans.AsNoTracking();
        return await Summaries(plans.Where(p => p.Id == preferred)).SingleOrDefaultAsync(ct)
            ?? await Summaries(plans).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// The plans of the chosen plan's community, for the app bar's plan switcher: a signed-in person's context is kept
    /// to their current community already, and the public sees the community whose plan it is reading.
    /// </summary>
    public async Task<IReadOnlyList<PlanSummary>> SiblingsAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var community = db.Plans.Where(p => p.Id == planId).Select(p => p.CommunityId);
        return await Summaries(db.Plans.AsNoTracking().Where(p => community.Contains(p.CommunityId))).ToListAsync(ct);
    }

    /// <summary>One plan's summary; null when there is no such plan.</summary>
    public async Task<PlanSummary?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Summaries(db.Plans.AsNoTracking().Where(p => p.Id == id)).SingleOrDefaultAsync(ct);
    }

    public async Task<bool> ExistsAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Plans.AnyAsync(p => p.Id == id, ct);
    }

    /// <summary>Plans as every list shows them, in <see cref="NewestFirst"/> order: the one home of their shape.</summary>
    internal static IQueryable<PlanSummary> Summaries(IQueryable<Plan> plans) => NewestFirst(plans)
        .Select(p => new PlanSummary(p.Id, p.Municipality, p.Title, p.StartYear, p.EndYear));

    /// <summary>
    /// The one home of the plans' order: newest first (the switcher's, and which plan is "the newest" when a person has
    /// not chosen one). Given a year, the plans whose years include it come first, so the first of a community's plans is
    /// the plan that speaks for it in that year: the one covering it, else its newest (the roll-ups' and the digest's rule).
    /// </summary>
    internal static IOrderedQueryable<Plan> NewestFirst(IQueryable<Plan> plans, int? coveringFirst = null)
    {
        var ordered = coveringFirst is { } year
            ? plans.OrderByDescending(Covers(year)).ThenByDescending(p => p.StartYear)
            : plans.OrderByDescending(p => p.StartYear);
        return ordered.ThenBy(p => p.Municipality).ThenBy(p => p.Id);
    }

    /// <summary>
    /// Every plan that speaks for its community in a year, newest first: all whose years include it, and for a community
    /// with none (its plan has ended and no new one is entered yet) its newest — the first in <see cref="NewestFirst"/>.
    /// </summary>
    internal static IOrderedQueryable<Plan> OfYear(IQueryable<Plan> plans, int year)
    {
        var preferred = NewestFirst(plans, year);
        return NewestFirst(plans.Where(Covers(year))
            .Union(plans.Where(p => p.Id == preferred.Where(f => f.CommunityId == p.CommunityId).Select(f => f.Id).First())));
    }

    private static Expression<Func<Plan, bool>> Covers(int year) => p => p.StartYear <= year && year <= p.EndYear;

    /// <summary>Returns null when there is no such plan.</summary>
    public async Task<PlanView?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreatePublicAsync(ct);
        return await db.Plans.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new PlanView(
                p.Id, p.Municipality, p.Region, p.Title, p.StartYear, p.EndYear, p.ReportingCadence,
                p.Directions.OrderBy(d => d.Order).Select(d => new DirectionView(
                    d.Id, d.Number, d.Title,
                    d.Measures.OrderBy(m => m.Number).Select(m => new MeasureView(
                        m.Id,
                        m.Number,
                        m.Content,
                        new TermView(m.Term.Text, m.Term.Kind),
                        m.ResponsibleBodies.OrderBy(r => r.Position).Select(r => new ResponsibleBodyRef(
                            r.ResponsibleBodyId, r.ResponsibleBody.Name, r.ResponsibleBody.ShortName, r.ByAgreement)).ToList(),
                        m.Indicators.OrderBy(i => i.Position).Select(i => new IndicatorView(
                            i.Id, i.Text, i.Kind, i.Disaggregations)).ToList(),
                        new FundingView(
                            m.FundingNote,
                            m.FundingLines.OrderBy(f => f.Source).ThenBy(f => f.Year)
                                .Select(f => new FundingLineView(f.Source, f.Year, f.Amount)).ToList()))).ToList()))
                    .ToList()))
            .AsSplitQuery()
            .SingleOrDefaultAsync(ct);
    }

    public async Task<int?> PlanOfDirectionAsync(int directionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Directions.Where(d => d.Id == directionId).Select(d => (int?)d.PlanId).SingleOrDefaultAsync(ct);
    }

    /// <summary>One measure with where it stands in its plan; null when there is no such measure.</summary>
    public async Task<MeasureInPlan?> GetMeasureAsync(int measureId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var place = await db.Measures.AsNoTracking()
            .Where(m => m.Id == measureId)
            .Select(m => new { m.Direction.PlanId, PlanTitle = m.Direction.Plan.Title, m.Direction.Id })
            .SingleOrDefaultAsync(ct);
        if (place is null)
        {
            return null;
        }

        var plan = await GetAsync(place.PlanId, ct);
        var direction = plan!.Directions.Single(d => d.Id == place.Id);
        return new MeasureInPlan(plan.Id, plan.Title, plan.StartYear, plan.EndYear, direction.Number, direction.Title,
            direction.Measures.Single(m => m.Id == measureId));
    }

    public async Task<IReadOnlyList<ResponsibleBodyView>> ListBodiesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await BodyViews(db.ResponsibleBodies.AsNoTracking()).ToListAsync(ct);
    }

    /// <summary>
    /// The bodies responsible for at least one of the plan's measures: what a filter over the plan's measures
    /// can offer, however many communities' bodies the registry holds.
    /// </summary>
    public async Task<IReadOnlyList<ResponsibleBodyView>> BodiesOfPlanAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var linked = db.MeasureResponsibleBodies.Where(r => r.Measure.Direction.PlanId == planId).Select(r => r.ResponsibleBodyId);
        return await BodyViews(db.ResponsibleBodies.AsNoTracking().Where(b => linked.Contains(b.Id))).ToListAsync(ct);
    }

    /// <summary>One body; null when there is no such body.</summary>
    public async Task<ResponsibleBodyView?> FindBodyAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await BodyViews(db.ResponsibleBodies.AsNoTracking().Where(b => b.Id == id)).SingleOrDefaultAsync(ct);
    }

    private static IQueryable<ResponsibleBodyView> BodyViews(IQueryable<ResponsibleBody> bodies) =>
        bodies.OrderBy(b => b.Name).Select(b => new ResponsibleBodyView(b.Id, b.Name, b.ShortName, b.Aliases, b.Kind));
}
