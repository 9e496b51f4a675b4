using System.Security.Claims;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Communities;
using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Notifications;
using Kreminna1325.Tests.Monitoring;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Notifications;

/// <summary>A person the workflow may tell something: their account and how they sign in.</summary>
public sealed record Person(string Id, string Email, string Name, ClaimsPrincipal Principal);

/// <summary>
/// The reporting fixture with real accounts in real roles: two active council staff members (one chose English), one
/// deactivated, an administrator who is not staff; two active officials of the Gender Equality Centre (one chose
/// English), one deactivated, and an official of the police, which is not responsible for I.4 or III.5.
/// </summary>
public class WorkflowNoticesFixture : ReportingFixture
{
    public const string Community = "Кремінська міська рада";
    public const string Centre = "Центр гендерної рівності";
    public const string Police = "Кремінський відділ поліції Головного управління Національної поліції України в Луганській області";

    public Person Reviewer { get; private set; } = null!;
    public Person EnglishStaff { get; private set; } = null!;
    public Person GoneStaff { get; private set; } = null!;
    public Person Admin { get; private set; } = null!;
    public Person Oksana { get; private set; } = null!;
    public Person EnglishOfficial { get; private set; } = null!;
    public Person GoneOfficial { get; private set; } = null!;
    public Person Policeman { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var db = await DbFactory.CreateDbContextAsync())
        {
            db.Roles.AddRange(Roles.All.Select(r => new IdentityRole { Id = r, Name = r, NormalizedName = r.ToUpperInvariant() }));
            await db.SaveChangesAsync();
        }

        Reviewer = await PersonAsync("petro@kreminna.local", "Петро Рецензент", Roles.CouncilStaff);
        EnglishStaff = await PersonAsync("hanna@kreminna.local", "Hanna Reviewer", Roles.CouncilStaff, culture: "en-US");
        GoneStaff = await PersonAsync("gone.staff@kreminna.local", "Колишня Працівниця", Roles.CouncilStaff, active: false);
        Admin = await PersonAsync("admin@kreminna.local", "Адміністратор Системи", Roles.Administrator);
        Oksana = await PersonAsync("oksana@kreminna.local", "Оксана Центр", Roles.ResponsibleOfficial, Centre);
        EnglishOfficial = await PersonAsync("olena@kreminna.local", "Olena Centre", Roles.ResponsibleOfficial, Centre, culture: "en-US");
        GoneOfficial = await PersonAsync("gone.official@kreminna.local", "Колишня Посадовиця", Roles.ResponsibleOfficial, Centre, active: false);
        Policeman = await PersonAsync("police.official@kreminna.local", "Іван Поліцейський", Roles.ResponsibleOfficial, Police);
    }

    public async Task<Person> PersonAsync(string email, string name, string role, string? body = null, string? culture = null, bool active = true)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        var user = new AppUser
        {
            UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), FullName = name, Culture = culture, IsActive = active,
        };
        db.Users.Add(user);
        // The community roles are grants in the plan's community, as the app keeps them.
        var community = await db.Plans.Where(p => p.Id == PlanId).Select(p => p.CommunityId).SingleAsync();
        db.CommunityGrants.Add(new CommunityGrant { UserId = user.Id, Role = role, CommunityId = community });
        if (body is not null)
        {
            var bodyId = await db.ResponsibleBodies.Where(b => b.Name == body).Select(b => b.Id).SingleAsync();
            db.UserResponsibleBodies.Add(new UserResponsibleBody { UserId = user.Id, ResponsibleBodyId = bodyId });
        }

        await db.SaveChangesAsync();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Email, email), new Claim(ClaimTypes.Role, role), new Claim(Core.Communities.CommunityClaims.Community, "1")], "test"));
        return new Person(user.Id, email, name, principal);
    }

    /// <summary>The messages about one period's report, oldest first.</summary>
    public async Task<List<Notification>> NoticesAsync(int periodId)
    {
        var link = NotificationPaths.Report(periodId);
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.Notifications.AsNoTracking().Where(n => n.Link == link).OrderBy(n => n.Id).ToListAsync();
    }

    /// <summary>A filled report of I.4 (training) submitted by Oksana for the period.</summary>
    public async Task<ReportForm> SubmittedAsync(int periodId)
    {
        var form = (await Reports.LoadAsync(Oksana.Principal, periodId))!.Form;
        ReportWorkflowTests.FillTraining(form);
        var submitted = await Reports.SubmitAsync(Oksana.Principal, form);
        Assert.True(submitted.Saved, submitted.Message);
        return submitted.Current!;
    }

    public string ReportAddress(int periodId) => Notifications.Absolute(NotificationPaths.Report(periodId));
}
