using System.Data.Common;
using System.Security.Claims;
using Kreminna1325.Core;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Rollups;
using Kreminna1325.Core.Seed;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kreminna1325.Tests.Rollups;

/// <summary>
/// Three small communities of Luhansk oblast and one of Kharkiv oblast, each with a plan for 2022–2023 of two measures:
/// M1 "Постійно" (quarterly, a count of participants by sex, local money in 2022) and M2 "Щорічно" (a count, other money).
/// Today is 15 July 2022, so M1's Q1 and Q2 are due and M2's annual report is not.
/// </summary>
public sealed class RollupFixture : TestDatabase
{
    public const string Luhansk = KnownCommunities.LuhanskOblastCode;
    public const string Kharkiv = "UA63000000000041885";

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2022, 7, 15, 12, 0, 0, TimeSpan.Zero));
    public ClaimsPrincipal Staff { get; } = Principal(Roles.CouncilStaff);
    public ClaimsPrincipal Executive { get; } = Principal(Roles.Executive);
    public ClaimsPrincipal National { get; } = Principal(Roles.NationalCoordinator);
    public ClaimsPrincipal LuhanskCoordinator { get; } = Coordinator(Luhansk);
    public ClaimsPrincipal KharkivCoordinator { get; } = Coordinator(Kharkiv);

    /// <summary>Community name → (community id, plan id).</summary>
    public Dictionary<string, (int Community, int Plan)> Communities { get; } = [];

    public ReportService Reports => new(DbFactory, new ReportFormValidator(), new MeasureAccess(DbFactory), Clock, new ReportChanges(),
        new Core.Notifications.WorkflowNotices(Options.Create(new Core.Notifications.NotificationOptions { PublicBaseUrl = "https://1325.example/" })));

    public RollupService Service(IDbContextFactory<AppDbContext>? factory = null) => new(factory ?? DbFactory, new CommunityClock(Clock));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AddAsync("Громада А", "UA44120010000000001", Luhansk, "Луганська область", localM1: 10m, otherM2: 4m);
        await AddAsync("Громада Б", "UA44120020000000002", Luhansk, "Луганська область", localM1: 20m, otherM2: null);
        await AddAsync("Громада В", "UA44120040000000004", Luhansk, "Луганська область", localM1: 5m, otherM2: 1m);
        await AddAsync("Громада Г", "UA63120010000000005", Kharkiv, "Харківська область", localM1: 100m, otherM2: 100m);

        // А: Q1 approved and done (6 women, 4 men, 1,5 spent); Q2 submitted, waiting (its 100 women do not count).
        await ReportAsync("Громада А", 1, ImplementationStatus.Done, (6, 4), 1.5m, "approve");
        await ReportAsync("Громада А", 2, ImplementationStatus.InProgress, (100, 0), 9m, null);
        // Б: Q1 approved, in progress (3 women, 1 man, 2,0 spent); Q2 returned.
        await ReportAsync("Громада Б", 1, ImplementationStatus.InProgress, (3, 1), 2m, "approve");
        await ReportAsync("Громада Б", 2, ImplementationStatus.Done, (7, 7), 7m, "return");
        // В: only a draft of Q1: both quarters overdue.
        await ReportAsync("Громада В", 1, ImplementationStatus.Done, (1, 1), 1m, "draft");
        // Г, another oblast: Q1 approved, not done (50 women, 50 men, 30,0 spent).
        await ReportAsync("Громада Г", 1, ImplementationStatus.NotDone, (50, 50), 30m, "approve");
    }

    private async Task AddAsync(string name, string code, string oblast, string oblastName, decimal localM1, decimal? otherM2)
    {
        var community = new Community { Code = code, Name = name, OblastCode = oblast, OblastName = oblastName, Slug = code.ToLowerInvariant() };
        List<FundingLineDocument> m2Funding = otherM2 is { } other ? [new(FundingSource.Other, 2022, other)] : [];
        var document = new PlanDocument(name, oblastName, $"План {name}", 2022, 2023, ReportingCadence.Quarterly,
            [new BodyDocument("b", $"Відділ освіти ({name})", "Відділ освіти", BodyKind.CouncilDepartment, [])],
            [new DirectionDocument("I", "Безпека", [
                new MeasureDocument(1, "Навчання", null, [new ResponsibleDocument("b", false)], "Постійно",
                    ["Кількість учасників (жінок та чоловіків)"], "Місцевий бюджет", null,
                    [new(FundingSource.Local, 2022, localM1), new(FundingSource.Local, 2023, 99m)]),
                new MeasureDocument(2, "Звіт", null, [new ResponsibleDocument("b", false)], "Щорічно",
                    ["Кількість заходів"], "Інші", null, m2Funding),
            ], [])],
            []);
        var plan = await CreateLoader().LoadIfEmptyAsync(document, community) ?? throw new InvalidOperationException("not loaded");
        await using var db = await DbFactory.CreateDbContextAsync();
        Communities[name] = (await db.Plans.Where(p => p.Id == plan).Select(p => p.CommunityId).SingleAsync(), plan);
    }

    private async Task ReportAsync(string community, int quarter, ImplementationStatus status, (int Women, int Men) people, decimal spent, string? review)
    {
        var (communityId, plan) = Communities[community];
        var here = new Claim(CommunityClaims.Community, communityId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var staff = Principal(Roles.CouncilStaff, here);
        await using var db = await DbFactory.CreateDbContextAsync();
        var period = await db.ReportingPeriods
            .Where(p => p.Measure.Direction.PlanId == plan && p.Measure.Number == 1 && p.Year == 2022 && p.Sequence == quarter)
            .Select(p => p.Id).SingleAsync();
        var official = await OfficialAsync(db, plan, here);

        var form = (await Reports.LoadAsync(staff, period))!.Form;
        form.Implementation = status;
        form.NotDoneReason = status == ImplementationStatus.NotDone ? "Не було приміщення." : null;
        form.Narrative = "Звіт для зведення.";
        foreach (var v in form.Values)
        {
            v.Number = people.Women + people.Men;
            v.Breakdown[Disaggregation.Sex]["women"] = people.Women;
            v.Breakdown[Disaggregation.Sex]["men"] = people.Men;
        }

        form.Spending.Single(s => s.Source == FundingSource.Local).Amount = spent;
        if (review == "draft")
        {
            var draft = await Reports.SaveDraftAsync(official, form);
            Assert.True(draft.Saved, draft.Message);
            return;
        }

        var submitted = await Reports.SubmitAsync(official, form);
        Assert.True(submitted.Saved, submitted.Message);
        if (review == "approve")
        {
            Assert.True((await Reports.ApproveAsync(staff, submitted.Current!.ReportId, submitted.Current.Version)).Saved);
        }
        else if (review == "return")
        {
            Assert.True((await Reports.ReturnAsync(staff, submitted.Current!.ReportId, submitted.Current.Version, "Уточніть.")).Saved);
        }
    }

    /// <summary>An official of the plan's one body.</summary>
    private static async Task<ClaimsPrincipal> OfficialAsync(AppDbContext db, int plan, Claim community)
    {
        var body = await db.MeasureResponsibleBodies.Where(r => r.Measure.Direction.PlanId == plan).Select(r => r.ResponsibleBodyId).FirstAsync();
        var email = $"official{body}@example.org";
        if (await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleOrDefaultAsync() is not { } id)
        {
            var user = new AppUser { UserName = email, Email = email, FullName = email };
            db.Users.Add(user);
            db.UserResponsibleBodies.Add(new UserResponsibleBody { UserId = user.Id, ResponsibleBodyId = body });
            await db.SaveChangesAsync();
            id = user.Id;
        }

        return new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Role, Roles.ResponsibleOfficial), community], "test"));
    }

    public static ClaimsPrincipal Principal(string role, params Claim[] more) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, role + "-id"), new Claim(ClaimTypes.Role, role), .. more], "test"));

    /// <summary>As the sign-in cookie carries an oblast grant; the role claim is what the claims transformation adds.</summary>
    public static ClaimsPrincipal Coordinator(string oblast) =>
        Principal(Roles.OblastCoordinator, new Claim(CommunityClaims.Grant, CommunityClaims.GrantValue(Roles.OblastCoordinator, oblast)));

    /// <summary>
    /// Contexts as the web app makes them for a signed-in person (<see cref="AppDbContext.CommunityId"/> set), which count
    /// the SQL commands they send.
    /// </summary>
    public CountingFactory Counting(int? community) => new(ConnectionString, community);
}

public sealed class CountingFactory(string connectionString, int? community) : IDbContextFactory<AppDbContext>
{
    private readonly Counter counter = new();

    public int Commands => counter.Count;

    public void Reset() => counter.Count = 0;

    public AppDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseKreminnaDatabase(connectionString).AddInterceptors(counter);
        return new AppDbContext(options.Options) { CommunityId = community };
    }

    private sealed class Counter : DbCommandInterceptor
    {
        public int Count;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
