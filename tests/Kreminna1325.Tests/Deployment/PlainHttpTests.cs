using System.Net;
using Kreminna1325.Tests.Infrastructure;

namespace Kreminna1325.Tests.Deployment;

/// <summary>Production on plain http://localhost, as run.sh and docker-compose serve it for a trial.</summary>
public class PlainHttpTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task With_the_switch_sign_in_and_a_signed_in_page_work_and_cookies_follow_the_scheme()
    {
        await using var factory = new KreminnaWebFactory(database.ConnectionString,
            settings: new Dictionary<string, string?> { ["Deployment:PlainHttp"] = "true" });
        Assert.Equal("http", factory.ClientOptions.BaseAddress.Scheme);

        var anonymous = SignIn.NewClient(factory);
        using var form = await anonymous.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var antiforgery = Assert.Single(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith("kreminna1325.antiforgery="));
        Assert.DoesNotContain("secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        var client = SignIn.NewClient(factory);
        using var signIn = await SignIn.PostLoginAsync(client, "staff@kreminna.local", SignIn.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("kreminna1325.auth="));

        using var measures = await client.GetAsync("/measures");
        Assert.Equal(HttpStatusCode.OK, measures.StatusCode);
        Assert.Contains("staff@kreminna.local", await measures.Content.ReadAsStringAsync());
        Assert.False(measures.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Without_the_switch_plain_http_is_sent_to_https_not_answered_with_an_error()
    {
        await using var factory = new KreminnaWebFactory(database.ConnectionString);
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });

        using var login = await client.GetAsync("/account/login");
        using var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, login.StatusCode);
        Assert.Equal("https://localhost/account/login", login.Headers.Location!.ToString());
        Assert.False(login.Headers.Contains("Set-Cookie"));
        // Probes from inside the host or container get their answer over plain HTTP.
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Over_https_every_cookie_is_secure()
    {
        await using var factory = new KreminnaWebFactory(database.ConnectionString);
        var client = SignIn.NewClient(factory);

        using var form = await client.GetAsync("/account/login");
        using var signIn = await SignIn.PostLoginAsync(client, "executive@kreminna.local", SignIn.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookies = form.Headers.GetValues("Set-Cookie").Concat(signIn.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("kreminna1325.auth="));
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }
}
