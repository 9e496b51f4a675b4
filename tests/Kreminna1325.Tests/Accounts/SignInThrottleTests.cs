using System.Net;
using System.Text.RegularExpressions;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Tests.Infrastructure;
using Kreminna1325.Web.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kreminna1325.Tests.Accounts;

/// <summary>
/// Stands in for the network: each request comes from the address in its X-Test-Client-Address header,
/// set as the connection's address (what Kestrel, or UseForwardedHeaders behind a trusted proxy, would set).
/// </summary>
public sealed class ClientAddressFilter : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };

    public static HttpClient ClientFrom(WebApplicationFactory<Program> factory, string address)
    {
        var client = SignIn.NewClient(factory);
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }
}

/// <summary>The app with a clock the test moves and requests from chosen client addresses.</summary>
public class ThrottleFixture : WebFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public WebApplicationFactory<Program> App { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        App = Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, ClientAddressFilter>();
        }));
        _ = App.Server;
    }

    public override async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await base.DisposeAsync();
    }

    public async Task<string> CreateUserAsync(string email)
    {
        var admin = await PrincipalAsync("admin@kreminna.local");
        var result = await InScopeAsync(services => services.GetRequiredService<UserAdministration>().CreateAsync(admin, new UserForm
        {
            Email = email,
            FullName = "Олена Посадова",
            Position = "Відповідальна особа",
            Roles = [Roles.Executive],
        }));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return result.OneTimePassword!;
    }
}

public partial class SignInThrottleTests(ThrottleFixture fixture) : IClassFixture<ThrottleFixture>
{
    private async Task<(HttpStatusCode Status, string? Error)> TryAsync(string address, string email, string password)
    {
        using var client = ClientAddressFilter.ClientFrom(fixture.App, address);
        using var response = await SignIn.PostLoginAsync(client, email, password);
        var html = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, FormError().Match(html) is { Success: true } m ? m.Groups[1].Value : null);
    }

    [Fact]
    public async Task Guessing_from_one_address_slows_that_address_and_never_locks_the_official_out()
    {
        const string email = "targeted@kreminna.local";
        var password = await fixture.CreateUserAsync(email);
        var messages = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            var (status, error) = await TryAsync("203.0.113.10", email, $"guess number {i} for you");
            Assert.Equal(HttpStatusCode.OK, status);
            messages.Add(error);
        }

        // The attacker's address now waits: even the right password is refused there, with the same message.
        var refused = await TryAsync("203.0.113.10", email, password);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        messages.Add(refused.Error);
        Assert.Single(messages.Distinct());
        Assert.Contains("Невірна електронна пошта або пароль", messages[0]);

        // The official, from their own address, gets in meanwhile; the account was never locked.
        var official = await TryAsync("198.51.100.20", email, password);
        Assert.Equal(HttpStatusCode.Redirect, official.Status);
        var (lockoutEnd, failedCount) = await fixture.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            return (await users.GetLockoutEndDateAsync(user), await users.GetAccessFailedCountAsync(user));
        });
        Assert.Null(lockoutEnd);
        Assert.Equal(0, failedCount);

        // After the back-off the first address may try again, and the right password works there too.
        fixture.Clock.Advance(TimeSpan.FromSeconds(61));
        var later = await TryAsync("203.0.113.10", email, password);
        Assert.Equal(HttpStatusCode.Redirect, later.Status);
    }

    [Fact]
    public async Task Unknown_email_wrong_password_deactivated_and_locked_accounts_get_one_answer()
    {
        var deactivatedPassword = await fixture.CreateUserAsync("deactivated@kreminna.local");
        var lockedPassword = await fixture.CreateUserAsync("adminlocked@kreminna.local");
        var admin = await fixture.PrincipalAsync("admin@kreminna.local");
        await fixture.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var administration = services.GetRequiredService<UserAdministration>();
            Assert.True((await administration.SetActiveAsync(admin, (await users.FindByEmailAsync("deactivated@kreminna.local"))!.Id, active: false)).Succeeded);
            Assert.True((await administration.LockAsync(admin, (await users.FindByEmailAsync("adminlocked@kreminna.local"))!.Id)).Succeeded);
            return 0;
        });

        // Each from an address of its own, so no case is throttled by another.
        (HttpStatusCode, string?)[] answers =
        [
            await TryAsync("192.0.2.1", "nobody-here@kreminna.local", "some long password"),
            await TryAsync("192.0.2.2", "executive@kreminna.local", "not the demo password"),
            await TryAsync("192.0.2.3", "deactivated@kreminna.local", deactivatedPassword),
            await TryAsync("192.0.2.4", "adminlocked@kreminna.local", lockedPassword),
        ];

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Item1));
        Assert.NotNull(answers[0].Item2);
        Assert.Single(answers.Select(a => a.Item2).Distinct());
    }

    [GeneratedRegex("<div class=\"form-error\" role=\"alert\">(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex FormError();
}

/// <summary>The per-address cap on sign-in posts counts each client address on its own, whatever headers the client sends.</summary>
public class SignInRateLimitPartitionTests(SignInRateLimitPartitionTests.Fixture fixture) : IClassFixture<SignInRateLimitPartitionTests.Fixture>
{
    public sealed class Fixture : ThrottleFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Accounts:SignInAttemptsPerMinute"] = "3" };
    }

    private async Task<HttpStatusCode> PostAsync(string address, string? forwardedFor = null)
    {
        using var client = ClientAddressFilter.ClientFrom(fixture.App, address);
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await SignIn.PostLoginAsync(client, $"guess-{Guid.NewGuid():N}@kreminna.local", "guessing-passwords");
        return response.StatusCode;
    }

    [Fact]
    public async Task One_address_over_the_limit_does_not_stop_another_and_a_forged_header_does_not_help()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await PostAsync("203.0.113.30"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await PostAsync("203.0.113.30"));

        // A client that is not a trusted proxy cannot pick its partition by a header.
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostAsync("203.0.113.30", forwardedFor: "198.51.100.77"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostAsync("203.0.113.30", forwardedFor: "198.51.100.78"));

        Assert.Equal(HttpStatusCode.OK, await PostAsync("203.0.113.31"));
    }
}

/// <summary>The back-off itself, on the database the instances share.</summary>
public class SignInBackOffTests(SignInBackOffTests.Fixture fixture) : IClassFixture<SignInBackOffTests.Fixture>
{
    public sealed class Fixture : TestDatabase
    {
        public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    }

    private SignInThrottle Throttle => new(fixture.DbFactory, fixture.Clock, new SignInThrottleSettings());

    [Fact]
    public async Task The_wait_doubles_with_each_failure_past_the_free_ones_and_only_for_that_account_and_address()
    {
        const string email = "Doubling@Kreminna.local";
        for (var i = 0; i < 4; i++)
        {
            await Throttle.RecordFailureAsync(email, "203.0.113.7");
            Assert.Null(await Throttle.WaitAsync(email, "203.0.113.7"));
        }

        await Throttle.RecordFailureAsync(email, "203.0.113.7");
        Assert.Equal(TimeSpan.FromMinutes(1), await Throttle.WaitAsync("doubling@kreminna.local ", "203.0.113.7"));
        Assert.Null(await Throttle.WaitAsync(email, "203.0.113.8"));
        Assert.Null(await Throttle.WaitAsync("someone.else@kreminna.local", "203.0.113.7"));

        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await Throttle.WaitAsync(email, "203.0.113.7"));
        await Throttle.RecordFailureAsync(email, "203.0.113.7");
        Assert.Equal(TimeSpan.FromMinutes(2), await Throttle.WaitAsync(email, "203.0.113.7"));

        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await Throttle.RecordFailureAsync(email, "203.0.113.7");
        Assert.Equal(TimeSpan.FromMinutes(4), await Throttle.WaitAsync(email, "203.0.113.7"));

        // A success from that address clears the account's count there.
        fixture.Clock.Advance(TimeSpan.FromMinutes(4));
        await Throttle.RecordSuccessAsync(email, "203.0.113.7");
        await Throttle.RecordFailureAsync(email, "203.0.113.7");
        Assert.Null(await Throttle.WaitAsync(email, "203.0.113.7"));
    }

    [Fact]
    public async Task Spraying_many_accounts_from_one_address_makes_that_address_wait()
    {
        var settings = new SignInThrottleSettings();
        for (var i = 0; i < settings.FreeFailuresPerAddress; i++)
        {
            await Throttle.RecordFailureAsync($"sprayed{i}@kreminna.local", "203.0.113.99");
        }

        Assert.Equal(settings.FirstDelay, await Throttle.WaitAsync("not-tried-yet@kreminna.local", "203.0.113.99"));
        Assert.Null(await Throttle.WaitAsync("not-tried-yet@kreminna.local", "203.0.113.100"));
    }

    [Fact]
    public async Task Nothing_a_person_typed_is_stored()
    {
        await Throttle.RecordFailureAsync("my-secret-password@kreminna.local", "203.0.113.50");

        await using var db = await fixture.DbFactory.CreateDbContextAsync();
        var keys = db.SignInFailures.Select(f => f.Key).ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Matches("^[0-9a-f]{64}$", k));
    }
}
