using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Seed;
using Kreminna1325.Tests.Infrastructure;
using Kreminna1325.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Tests.Accounts;

/// <summary>
/// The app with two communities of one oblast: Kreminna (A, the demo accounts) and Rubizhne (B, the built-in plan loaded
/// again, its own four people), and an oblast coordinator of both. B's plan title and its measure I.4 carry
/// <see cref="Marker"/>, so a page or answer that shows B's data to A's people is seen doing so.
/// </summary>
public sealed class RoleMatrixFixture : WebFixture
{
    public const string Marker = "Рубіжне-ізоляція";
    public const string Coordinator = "oblast@matrix.test";

    private readonly Dictionary<string, HttpClient> clients = [];

    public int MeasureId { get; private set; }

    public int PeriodId { get; private set; }

    public int KreminnaId { get; private set; }

    public int RubizhneId { get; private set; }

    public int PlanB { get; private set; }

    public int MeasureB { get; private set; }

    public int PeriodB { get; private set; }

    public int DirectionB { get; private set; }

    public int BodyB { get; private set; }

    /// <summary>B's people, by role: administrator, staff, official (of B's Gender Equality Centre), executive.</summary>
    public static string EmailB(string role) => $"{role.ToLowerInvariant()}@rubizhne.test";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await DbFactory.CreateDbContextAsync();
        MeasureId = await db.Measures.Where(m => m.Direction.Number == "I" && m.Number == 4 && m.Direction.PlanId == PlanId).Select(m => m.Id).SingleAsync();
        PeriodId = await db.ReportingPeriods.Where(p => p.MeasureId == MeasureId).OrderBy(p => p.Start).Select(p => p.Id).FirstAsync();

        var rubizhne = KnownCommunities.Rubizhne();
        await CreateLoader().LoadIfEmptyAsync(BuiltInPlan.Read(), rubizhne);
        KreminnaId = await db.Communities.Where(c => c.Code == KnownCommunities.Kreminna().Code).Select(c => c.Id).SingleAsync();
        RubizhneId = await db.Communities.Where(c => c.Code == rubizhne.Code).Select(c => c.Id).SingleAsync();
        PlanB = await db.Plans.Where(p => p.CommunityId == RubizhneId).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        MeasureB = await db.Measures.Where(m => m.Direction.Number == "I" && m.Number == 4 && m.Direction.PlanId == PlanB).Select(m => m.Id).SingleAsync();
        DirectionB = await db.Measures.Where(m => m.Id == MeasureB).Select(m => m.DirectionId).SingleAsync();
        PeriodB = await db.ReportingPeriods.Where(p => p.MeasureId == MeasureB).OrderBy(p => p.Start).Select(p => p.Id).FirstAsync();
        BodyB = await db.ResponsibleBodies.Where(b => b.CommunityId == RubizhneId && b.Name == DemoCommunities.OfficialBody).Select(b => b.Id).SingleAsync();
        await db.Plans.Where(p => p.Id == PlanB).ExecuteUpdateAsync(p => p.SetProperty(x => x.Title, Marker));
        await db.Measures.Where(m => m.Id == MeasureB).ExecuteUpdateAsync(m => m.SetProperty(x => x.Content, Marker));

        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var role in Roles.All)
        {
            var person = await CreatePersonAsync(users, EmailB(role));
            db.CommunityGrants.Add(new CommunityGrant { UserId = person.Id, Role = role, CommunityId = RubizhneId });
            if (role == Roles.ResponsibleOfficial)
            {
                db.UserResponsibleBodies.Add(new UserResponsibleBody { UserId = person.Id, ResponsibleBodyId = BodyB });
            }
        }

        var coordinator = await CreatePersonAsync(users, Coordinator);
        db.CommunityGrants.Add(new CommunityGrant { UserId = coordinator.Id, Role = Roles.OblastCoordinator, OblastCode = rubizhne.OblastCode });
        await db.SaveChangesAsync();
    }

    private static async Task<AppUser> CreatePersonAsync(UserManager<AppUser> users, string email)
    {
        var person = new AppUser { UserName = email, Email = email, FullName = email, EmailConfirmed = true, IsActive = true };
        var created = await users.CreateAsync(person, SignIn.DemoPassword);
        return created.Succeeded ? person : throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
    }

    /// <summary>One signed-in client per role of Kreminna, shared by the class (signing in is itself rate-limited).</summary>
    public Task<HttpClient> ClientAsync(string? role) => SignedInAsync(role is null ? null : RoleMatrixTests.EmailOf(role));

    /// <summary>A client signed in as anyone (null: anonymous), shared by the class; its tests run one at a time.</summary>
    public async Task<HttpClient> SignedInAsync(string? email)
    {
        var key = email ?? "anonymous";
        if (!clients.TryGetValue(key, out var client))
        {
            client = email is null ? SignIn.NewClient(Factory) : await SignIn.AsAsync(Factory, email);
            clients[key] = client;
        }

        return client;
    }
}
