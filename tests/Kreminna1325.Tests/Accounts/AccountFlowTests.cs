using System.Net;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Core.Audit;
using Kreminna1325.Tests.Infrastructure;
using Kreminna1325.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kreminna1325.Tests.Accounts;

public class AccountFlowTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private async Task<string> CreateUserAsync(string email, params string[] roles)
    {
        var admin = await fixture.PrincipalAsync("admin@kreminna.local");
        var result = await fixture.InScopeAsync(services => services.GetRequiredService<UserAdministration>().CreateAsync(admin, new UserForm
        {
            Email = email,
            FullName = "Тетяна Тестова",
            Position = "Спеціалістка",
            Roles = roles.ToHashSet(),
        }));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return result.OneTimePassword!;
    }

    [Fact]
    public async Task A_wrong_password_is_a_clear_message_not_an_error_page()
    {
        var client = SignIn.NewClient(fixture.Factory);

        using var response = await SignIn.PostLoginAsync(client, "nobody@kreminna.local", "whatever-whatever");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Невірна електронна пошта або пароль", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_one_time_password_must_be_changed_before_anything_else()
    {
        const string email = "newcomer@kreminna.local";
        var oneTime = await CreateUserAsync(email, Roles.CouncilStaff);
        var client = SignIn.NewClient(fixture.Factory);

        using var signIn = await SignIn.PostLoginAsync(client, email, oneTime, returnUrl: "/measures");
        Assert.Equal("/account/change-password", PathOf(signIn.Headers.Location!));

        using var elsewhere = await client.GetAsync("/measures");
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.Equal("/account/change-password", PathOf(elsewhere.Headers.Location!));
        using var api = await client.PutAsync("/api/measures/1", JsonContent("{}"));
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);

        var page = await client.GetStringAsync("/account/change-password");
        Assert.Contains("одноразовим паролем", page);

        var token = await SignIn.FormTokenAsync(client, "/account/change-password");
        using var changed = await client.PostAsync("/account/change-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Current"] = oneTime,
            ["Input.New"] = "мій новий пароль 2026",
            ["Input.Confirm"] = "мій новий пароль 2026",
            ["_handler"] = "change-password",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.StartsWith("/measures", PathOf(changed.Headers.Location!));

        using var now = await client.GetAsync("/measures");
        Assert.Equal(HttpStatusCode.OK, now.StatusCode);

        // The old one-time password no longer works; the new one does.
        using var old = await SignIn.PostLoginAsync(SignIn.NewClient(fixture.Factory), email, oneTime);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        using var fresh = await SignIn.PostLoginAsync(SignIn.NewClient(fixture.Factory), email, "мій новий пароль 2026");
        Assert.Equal("/measures", PathOf(fresh.Headers.Location!));
    }

    [Fact]
    public async Task A_changed_password_is_confirmed_on_the_page_people_land_on()
    {
        const string email = "confirmed@kreminna.local";
        var oneTime = await CreateUserAsync(email, Roles.Executive);
        var client = SignIn.NewClient(fixture.Factory);
        using var signIn = await SignIn.PostLoginAsync(client, email, oneTime);

        var token = await SignIn.FormTokenAsync(client, "/account/change-password");
        using var changed = await client.PostAsync("/account/change-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Current"] = oneTime,
            ["Input.New"] = "інший новий пароль 2026",
            ["Input.Confirm"] = "інший новий пароль 2026",
            ["_handler"] = "change-password",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var landing = await client.GetStringAsync(PathOf(changed.Headers.Location!));
        Assert.Contains("Пароль змінено.", landing);
        Assert.DoesNotContain("Пароль змінено.", await client.GetStringAsync("/measures"));
    }

    [Fact]
    public async Task Passwords_shorter_than_twelve_characters_are_refused()
    {
        var outcome = await fixture.InScopeAsync(services =>
            services.GetRequiredService<AccountSetup>().CreateAdministratorAsync("short@kreminna.local", "Коротко", "short-pw"));

        Assert.False(outcome.Succeeded);
        Assert.Contains(outcome.Errors, e => e.Code == "PasswordTooShort");
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in_and_keeps_their_history()
    {
        const string email = "leaver@kreminna.local";
        var password = await CreateUserAsync(email, Roles.Executive);
        var admin = await fixture.PrincipalAsync("admin@kreminna.local");
        var userId = await fixture.InScopeAsync(async services =>
            (await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id);

        var result = await fixture.InScopeAsync(services =>
            services.GetRequiredService<UserAdministration>().SetActiveAsync(admin, userId, active: false));
        Assert.True(result.Succeeded);

        using var response = await SignIn.PostLoginAsync(SignIn.NewClient(fixture.Factory), email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("вимкнено", await response.Content.ReadAsStringAsync());

        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        Assert.True(await db.Users.AnyAsync(u => u.Id == userId && !u.IsActive));
        var deactivation = await db.AuditEntries.Where(a => a.EntityType == nameof(AppUser) && a.EntityKey == userId && a.Action == AuditAction.Update)
            .OrderByDescending(a => a.Id).ToListAsync();
        Assert.Contains(deactivation, a => a.UserName == "admin@kreminna.local" && a.Changes.Contains("\"IsActive\""));
    }

    [Fact]
    public async Task Administrators_cannot_lock_themselves_out()
    {
        var admin = await fixture.PrincipalAsync("admin@kreminna.local");

        var result = await fixture.InScopeAsync(services =>
            services.GetRequiredService<UserAdministration>().LockAsync(admin, Permissions.UserId(admin)!));

        Assert.False(result.Succeeded);
    }

    private static string PathOf(Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}

/// <summary>Guessing passwords from one address is capped per minute, whichever accounts it tries.</summary>
public class SignInRateLimitTests(SignInRateLimitTests.Fixture fixture) : IClassFixture<SignInRateLimitTests.Fixture>
{
    public sealed class Fixture : WebFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Accounts:SignInAttemptsPerMinute"] = "3" };
    }

    [Fact]
    public async Task The_fourth_attempt_in_a_minute_is_refused_with_429()
    {
        var client = SignIn.NewClient(fixture.Factory);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await SignIn.PostLoginAsync(client, $"guess{i}@kreminna.local", "guessing-passwords");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
