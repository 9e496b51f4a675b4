using Kreminna1325.Core.Plans;
using Kreminna1325.Tests.Infrastructure;

namespace Kreminna1325.Tests.Plans;

/// <summary>Kreminna's plan and a newer one of another community, whose body the Kreminna pages must not offer.</summary>
public sealed class TwoPlansFixture : SeededDatabase
{
    public int NewerPlanId { get; private set; }
    public int OtherBodyId { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await DbFactory.CreateDbContextAsync();
        var community = Core.Communities.KnownCommunities.Rubizhne();
        db.Communities.Add(community);
        await db.SaveChangesAsync();
        var body = new ResponsibleBody { CommunityId = community.Id, Name = "Відділ освіти іншої громади", ShortName = "Освіта (інша)", Kind = BodyKind.CouncilDepartment };
        var plan = new Plan
        {
            CommunityId = community.Id, Municipality = "Інша громада", Title = "Новіший план", StartYear = 2030, EndYear = 2031,
            Directions =
            [
                new Direction
                {
                    Number = "I", Title = "Напрям", Order = 1,
                    Measures =
                    [
                        new Measure
                        {
                            Number = 1, Content = "Захід", Term = new Term { Text = "щокварталу", Kind = TermKind.Quarterly },
                            ResponsibleBodies = [new MeasureResponsibleBody { ResponsibleBody = body, Position = 1 }],
                        },
                    ],
                },
            ],
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        NewerPlanId = plan.Id;
        OtherBodyId = body.Id;
    }

    public PlanQueries Queries => new(DbFactory);
}

public class PlanQueriesTests(TwoPlansFixture f) : IClassFixture<TwoPlansFixture>
{
    [Fact]
    public async Task A_plans_body_filter_offers_the_bodies_of_its_measures_only()
    {
        var plan = (await f.Queries.GetAsync(f.PlanId))!;
        var named = plan.Directions.SelectMany(d => d.Measures).SelectMany(m => m.ResponsibleBodies).Select(b => b.Id).Distinct().Order().ToList();

        var bodies = await f.Queries.BodiesOfPlanAsync(f.PlanId);

        Assert.Equal(named, bodies.Select(b => b.Id).Order().ToList());
        Assert.DoesNotContain(bodies, b => b.Id == f.OtherBodyId);
        // In the registry's order, as the whole-registry list had them.
        Assert.Equal((await f.Queries.ListBodiesAsync()).Where(b => named.Contains(b.Id)).Select(b => b.Id), bodies.Select(b => b.Id));
        Assert.Equal([f.OtherBodyId], (await f.Queries.BodiesOfPlanAsync(f.NewerPlanId)).Select(b => b.Id));
        Assert.Equal("Освіта (інша)", (await f.Queries.FindBodyAsync(f.OtherBodyId))!.ShortName);
        Assert.Null(await f.Queries.FindBodyAsync(int.MaxValue));
    }

    [Fact]
    public async Task The_chosen_plan_is_the_persons_while_it_exists_else_the_newest()
    {
        Assert.Equal(f.PlanId, (await f.Queries.ChooseAsync(f.PlanId))!.Id);
        Assert.Equal(f.NewerPlanId, (await f.Queries.ChooseAsync(null))!.Id);
        Assert.Equal(f.NewerPlanId, (await f.Queries.ChooseAsync(int.MaxValue))!.Id);
        Assert.Equal((await f.Queries.ListAsync())[0], await f.Queries.ChooseAsync(null));
        Assert.True(await f.Queries.ExistsAsync(f.PlanId));
        Assert.False(await f.Queries.ExistsAsync(int.MaxValue));
        Assert.Equal("Інша громада", (await f.Queries.FindAsync(f.NewerPlanId))!.Municipality);
    }
}
