using System.Net;
using Ical.Net;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Data;
using Kreminna1325.Core.Notifications;
using Kreminna1325.Tests.Accounts;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Tests.Notifications;

public sealed class CalendarFixture : WebFixture
{
    public const string PublicBaseUrl = "https://plan.example.org";

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Notifications:PublicBaseUrl"] = PublicBaseUrl,
        [Kreminna1325.Web.Accounts.DemoCommunities.SecondCommunityKey] = "true",
    };
}

/// <summary>
/// The private calendar address, over HTTP as a calendar app reads it, parsed back with Ical.Net: whose periods it
/// holds, what each event says, and that a renewed token, an unknown one and a deactivated account's answer 404.
/// </summary>
public sealed class CalendarFeedTests(CalendarFixture f) : IClassFixture<CalendarFixture>
{
    private Task<string> TokenAsync(string email, bool renew = false) => f.InScopeAsync(async services =>
    {
        var user = await f.PrincipalAsync(email);
        var settings = services.GetRequiredService<NotificationSettings>();
        return renew ? await settings.RenewCalendarTokenAsync(user) : await settings.CalendarTokenAsync(user);
    });

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<Calendar> FeedAsync(string token)
    {
        using var response = await f.Factory.NewClient().GetAsync($"/calendar/{token}.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.True(response.Headers.CacheControl.Private);
        return Calendar.Load(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task AssertNotFoundAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task An_officials_calendar_holds_one_all_day_event_per_period_of_their_measures()
    {
        var token = await TokenAsync("official@kreminna.local");
        var officialId = await UserIdAsync("official@kreminna.local");
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var measures = MeasureAccess.MeasuresOf(db, officialId);
        var expected = await db.ReportingPeriods.Where(p => !p.IsOrphaned && measures.Contains(p.MeasureId))
            .ToDictionaryAsync(p => CalendarFeed.Uid(p.Id), p => p.Due);
        var all = await db.ReportingPeriods.CountAsync(p => !p.IsOrphaned);
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < all);

        var calendar = await FeedAsync(token);

        Assert.Equal(expected.Keys.Order(), calendar.Events.Select(e => e.Uid!).Order());
        foreach (var e in calendar.Events)
        {
            Assert.False(e.DtStart!.HasTime);
            Assert.Equal(expected[e.Uid!], e.DtStart.Date);
            Assert.Equal(expected[e.Uid!].AddDays(1), e.DtEnd!.Date);
        }

        // Named after the community the person works in, not after a plan of whichever community.
        Assert.Equal("Кремінська міська територіальна громада: строки звітів за планом дій 1325", calendar.Properties["X-WR-CALNAME"]!.Value);
    }

    [Fact]
    public async Task An_event_names_the_measure_and_period_in_the_persons_language_and_links_to_the_report()
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var period = await db.ReportingPeriods
            .Where(p => p.Measure.Direction.Number == "I" && p.Measure.Number == 4 && p.Year == 2021 && p.Sequence == 1 && !p.IsOrphaned
                && p.CommunityId == db.Communities.Where(c => c.Slug == "kreminna").Select(c => c.Id).Single())
            .Select(p => new { p.Id, p.Due, p.CommunityId })
            .SingleAsync();

        var staff = (await FeedAsync(await TokenAsync("staff@kreminna.local"))).Events.Single(e => e.Uid == CalendarFeed.Uid(period.Id));

        Assert.Equal("Звіт: захід I.4, I квартал 2021", staff.Summary);
        // The link opens the report in its community, whichever community the person last worked in.
        var link = $"{CalendarFixture.PublicBaseUrl}/preferences?community={period.CommunityId}&returnUrl=%2Freports%2F{period.Id}";
        Assert.Equal(new Uri(link), staff.Url);
        Assert.Contains(link, staff.Description);
        Assert.StartsWith("Кремінська міська територіальна громада\n", staff.Description);

        // The executive chose English: the same event in English.
        await using (var edit = await f.DbFactory.CreateDbContextAsync())
        {
            await edit.Users.Where(u => u.Email == "executive@kreminna.local").ExecuteUpdateAsync(s => s.SetProperty(u => u.Culture, "en-US"));
        }

        var english = (await FeedAsync(await TokenAsync("executive@kreminna.local"))).Events.Single(e => e.Uid == CalendarFeed.Uid(period.Id));
        Assert.Equal("Report: measure I.4, Q1 2021", english.Summary);
    }

    [Theory]
    [InlineData("kreminna")]
    [InlineData("rubizhne")]
    public async Task Staff_executives_and_administrators_see_every_period_of_their_communitys_plans_but_orphaned_ones(string community)
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        var row = await db.Communities.Where(c => c.Slug == community).Select(c => new { c.Id, c.Name }).SingleAsync();
        var (id, name) = (row.Id, row.Name);
        var expected = (await db.ReportingPeriods.Where(p => !p.IsOrphaned && p.CommunityId == id).Select(p => p.Id).ToListAsync())
            .Select(CalendarFeed.Uid).Order().ToList();
        Assert.True(expected.Count < await db.ReportingPeriods.CountAsync(p => !p.IsOrphaned), "the other community's periods are left out");

        foreach (var email in new[] { $"staff@{community}.local", $"executive@{community}.local", $"admin@{community}.local" })
        {
            var calendar = await FeedAsync(await TokenAsync(email));
            Assert.Equal(expected, calendar.Events.Select(e => e.Uid!).Order());
            Assert.Equal($"{name}: строки звітів за планом дій 1325", calendar.Properties["X-WR-CALNAME"]!.Value);
        }
    }

    [Fact]
    public async Task A_renewed_token_makes_the_old_address_answer_404_and_the_new_one_works()
    {
        var client = f.Factory.NewClient();
        var old = await TokenAsync("staff@kreminna.local");
        (await FeedAsync(old)).Events.ToList();

        var renewed = await TokenAsync("staff@kreminna.local", renew: true);

        Assert.NotEqual(old, renewed);
        Assert.Equal(43, renewed.Length);
        await AssertNotFoundAsync(client, $"/calendar/{old}.ics");
        Assert.NotEmpty((await FeedAsync(renewed)).Events);
        Assert.Equal(renewed, await TokenAsync("staff@kreminna.local"));
    }

    [Theory]
    [InlineData("/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics")]
    [InlineData("/calendar/not%20a%20token.ics")]
    [InlineData("/calendar/%27%3B--.ics")]
    public async Task An_unknown_or_malformed_token_answers_404(string path) =>
        await AssertNotFoundAsync(f.Factory.NewClient(), path);

    [Fact]
    public async Task A_deactivated_persons_address_answers_404()
    {
        var token = NotificationSettings.NewToken();
        await f.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var person = new AppUser { UserName = "left@kreminna.local", Email = "left@kreminna.local", FullName = "Колишня Працівниця", CalendarToken = token };
            Assert.True((await users.CreateAsync(person)).Succeeded);
            var db = services.GetRequiredService<AppDbContext>();
            var kreminna = await db.Communities.Where(c => c.Slug == "kreminna").Select(c => c.Id).SingleAsync();
            db.CommunityGrants.Add(new Core.Communities.CommunityGrant { UserId = person.Id, Role = Roles.CouncilStaff, CommunityId = kreminna });
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.NotEmpty((await FeedAsync(token)).Events);

        await using (var db = await f.DbFactory.CreateDbContextAsync())
        {
            await db.Users.Where(u => u.Email == "left@kreminna.local").ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));
        }

        await AssertNotFoundAsync(f.Factory.NewClient(), $"/calendar/{token}.ics");
    }

    [Theory]
    [InlineData("/calendar/q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c.ics", "/calendar/***.ics")]
    [InlineData("/Calendar/whatever", "/calendar/***.ics")]
    [InlineData("/reports/12", "/reports/12")]
    public void The_request_log_writes_a_calendar_address_without_its_secret(string path, string logged) =>
        Assert.Equal(logged, Kreminna1325.Web.Notifications.CalendarEndpoint.LoggedPath(path));

    [Fact]
    public async Task Switching_the_language_while_signed_in_stores_it_on_the_person()
    {
        var client = await SignIn.AsAsync(f.Factory, "official@kreminna.local");

        using var english = await client.GetAsync("/preferences?culture=en-US&returnUrl=/my-reports");
        Assert.Equal(HttpStatusCode.Redirect, english.StatusCode);
        Assert.Equal("en-US", await CultureAsync("official@kreminna.local"));

        using var ukrainian = await client.GetAsync("/preferences?culture=uk-UA&returnUrl=/my-reports");
        Assert.Equal("uk-UA", await CultureAsync("official@kreminna.local"));

        // Anonymous: only the cookie, nobody's account.
        using var anonymous = await f.Factory.NewClient().GetAsync("/preferences?culture=en-US");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    private async Task<string?> CultureAsync(string email)
    {
        await using var db = await f.DbFactory.CreateDbContextAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Culture).SingleAsync();
    }
}
