using Kreminna1325.Core.Monitoring;
using Kreminna1325.Core.Plans;
using Kreminna1325.Core.Plans.Editing;
using Kreminna1325.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kreminna1325.BrowserTests.Accessibility;

/// <summary>
/// The app with its demo data, one signed-in storage state per role (each role signs in once: the
/// sign-in is rate-limited) and one browser page per role, theme and width, reused by every row
/// of the matrix that shares them.
/// </summary>
public sealed class AccessibilityFixture : IAsyncLifetime
{
    private readonly Dictionary<string, string> signedIn = [];
    private readonly Dictionary<(string Role, string Theme, int Width), (IBrowserContext Context, IPage Page)> pages = [];
    private readonly System.Diagnostics.Stopwatch clock = new();

    public BrowserFixture App { get; } = new();

    /// <summary>Where the ids the matrix's paths name are found: {plan}, {measure}, {direction}, {draft}, {submitted}, {approved}.</summary>
    public IReadOnlyDictionary<string, int> Ids { get; private set; } = new Dictionary<string, int>();

    /// <summary>The short name of a body nobody uses, so /bodies offers to delete it (and its confirmation can be checked).</summary>
    public const string UnusedBody = "Тестовий орган";

    public async Task InitializeAsync()
    {
        clock.Start();
        await App.InitializeAsync();
        await using var db = await App.DbFactory.CreateDbContextAsync();
        var measure = await db.Measures.Where(m => m.Direction.Number == "I" && m.Number == 4).Select(m => new { m.Id, m.DirectionId }).SingleAsync();
        int PeriodOf(ReportStatus status) => db.Reports.Where(r => r.Status == status).OrderBy(r => r.PeriodId).Select(r => r.PeriodId).First();
        Ids = new Dictionary<string, int>
        {
            ["plan"] = App.PlanId,
            ["measure"] = measure.Id,
            ["direction"] = measure.DirectionId,
            ["draft"] = PeriodOf(ReportStatus.Draft),
            ["submitted"] = PeriodOf(ReportStatus.Submitted),
            ["approved"] = PeriodOf(ReportStatus.Approved),
        };
        await CoordinatorAccounts.EnsureNationalAsync(App.DbFactory);
        var community = await db.Plans.Where(p => p.Id == App.PlanId).Select(p => p.CommunityId).SingleAsync();
        db.ResponsibleBodies.Add(new ResponsibleBody { CommunityId = community, Name = "Тестовий орган без заходів", ShortName = UnusedBody, Kind = BodyKind.CivilSociety });

        // Unread notifications for the official, so the bell shows its count on every page and a list when open.
        var official = await db.Users.Where(u => u.Email == "official@kreminna.local").Select(u => u.Id).SingleAsync();
        foreach (var (subject, hours) in new[] { ("Звіт повернуто на доопрацювання: захід I.4, I квартал 2021", 2), ("Звіт затверджено: захід I.4, IV квартал 2020", 1) })
        {
            var at = DateTimeOffset.UtcNow.AddHours(-hours);
            db.Notifications.Add(new Kreminna1325.Core.Notifications.Notification
            {
                UserId = official, Subject = subject, TextBody = subject, HtmlBody = subject, Link = $"/reports/{Ids["draft"]}",
                CreatedAt = at, NextAttemptAt = at, ToAddress = "official@kreminna.local",
            });
        }

        await db.SaveChangesAsync();

        // A second plan, so the app bar offers the plan switcher.
        var editor = new PlanEditor(App.DbFactory, new PlanFormValidator());
        var copy = (await editor.CopyFormAsync(App.PlanId))!;
        copy.Title = "План заходів на 2023–2025 роки";
        var copied = await editor.CopyAsync(Kreminna1325.Tests.Infrastructure.TestUsers.Staff, App.PlanId, copy);
        if (!copied.Saved)
        {
            throw new InvalidOperationException(copied.Message);
        }
    }

    public string Resolve(string path) =>
        Ids.Aggregate(path, (p, id) => p.Replace("{" + id.Key + "}", id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The page of a role, theme and width; the first call for a role signs in.</summary>
    public async Task<IPage> PageAsync(string role, string theme, int width)
    {
        if (pages.TryGetValue((role, theme, width), out var open))
        {
            return open.Page;
        }

        string? state = null;
        if (role != Roles.Anonymous)
        {
            if (!signedIn.TryGetValue(role, out state))
            {
                var (signInContext, _) = await App.SignInAsync(Roles.EmailOf(role));
                state = await signInContext.StorageStateAsync();
                await signInContext.DisposeAsync();
                signedIn[role] = state;
            }
        }

        // The app's Content-Security-Policy allows no inline script, and axe is injected as one.
        var context = await App.Browser.NewContextAsync(new()
        {
            StorageState = state,
            ViewportSize = new() { Width = width, Height = width >= 1000 ? 768 : 844 },
            BypassCSP = true,
            Locale = "uk-UA",
        });
        await context.AddCookiesAsync(
        [
            new Cookie { Name = UiState.ThemeCookie, Value = theme, Url = App.BaseUrl },
            new Cookie { Name = UiState.PlanCookie, Value = App.PlanId.ToString(System.Globalization.CultureInfo.InvariantCulture), Url = App.BaseUrl },
        ]);
        var page = await context.NewPageAsync();
        pages[(role, theme, width)] = (context, page);
        return page;
    }

    public async Task DisposeAsync()
    {
        foreach (var (context, _) in pages.Values)
        {
            await context.DisposeAsync();
        }

        await App.DisposeAsync();
        // The matrix's cost, for the record: xunit shows a fixture's output nowhere else.
        Console.WriteLine($"Accessibility matrix: {clock.Elapsed.TotalSeconds:0} s for {pages.Count} browser contexts.");
    }

    /// <summary>The roles of the matrix and their demo accounts (those of scripts/run.sh's own cluster).</summary>
    public static class Roles
    {
        public const string Anonymous = "anonymous";
        public const string Official = "official";
        public const string Staff = "staff";
        public const string Executive = "executive";
        public const string Administrator = "administrator";
        public const string OblastCoordinator = "oblast-coordinator";
        public const string NationalCoordinator = "national-coordinator";
        public const string SystemAdministrator = "system-administrator";

        public static string EmailOf(string role) => role switch
        {
            Official => "official@kreminna.local",
            Staff => "staff@kreminna.local",
            Executive => "executive@kreminna.local",
            Administrator => "admin@kreminna.local",
            OblastCoordinator => CoordinatorAccounts.Oblast,
            NationalCoordinator => CoordinatorAccounts.National,
            SystemAdministrator => CoordinatorAccounts.System,
            _ => throw new ArgumentOutOfRangeException(nameof(role)),
        };
    }
}
