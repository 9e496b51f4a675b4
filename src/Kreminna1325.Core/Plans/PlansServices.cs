using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Core.Seed;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Core.Plans;

public static class PlansServices
{
    /// <summary>The plan, its registry of bodies and its editing. Scoped like the context factory they use, so writes are audited in the caller's name.</summary>
    public static IServiceCollection AddPlans(this IServiceCollection services) => services
        .AddScoped<PlanQueries>()
        .AddScoped<PlanLoader>()
        .AddScoped<MeasureSearch>()
        .AddScoped<MeasureEditor>()
        .AddScoped<DirectionEditor>()
        .AddScoped<BodyRegistry>()
        .AddScoped<PlanEditor>()
        .AddScoped<Amendments.PlanVersions>()
        .AddScoped<Amendments.AmendmentRecorder>();
}
