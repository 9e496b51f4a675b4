using Kreminna1325.Tests.Api;

namespace Kreminna1325.Tests.Accounts;

public class SecurityHeadersTests(OpenDataApiFixture fixture) : IClassFixture<OpenDataApiFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/api/plans")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = fixture.Factory.CreateClient();

        using var response = await client.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("connect-src 'self';", csp);
        Assert.DoesNotContain("localhost", csp);
        Assert.DoesNotContain("http", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task The_sign_in_form_carries_an_antiforgery_token_and_cookies_are_httponly()
    {
        using var client = fixture.Factory.CreateClient();

        using var response = await client.GetAsync("/account/login");

        Assert.Contains("__RequestVerificationToken", await response.Content.ReadAsStringAsync());
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("kreminna1325.antiforgery=") && c.Contains("httponly") && c.Contains("samesite=strict"));
    }
}
