using System.Net;
using Kreminna1325.Tests.Infrastructure;

namespace Kreminna1325.Tests.Accounts;

/// <summary>What the account pages answer to someone already signed in: a true 403, and no second sign-in form.</summary>
public class SignedInPagesTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task An_official_opening_an_admin_page_gets_a_403_with_the_friendly_page()
    {
        var client = await SignIn.AsAsync(fixture.Factory, "official@kreminna.local");

        using var admin = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Equal("/account/access-denied", admin.Headers.Location!.AbsolutePath);

        using var denied = await client.GetAsync(admin.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var html = await denied.Content.ReadAsStringAsync();
        Assert.Contains("Недостатньо прав", html);
        Assert.Contains("зверніться до адміністратора", html);
    }

    [Theory]
    [InlineData("official@kreminna.local", null, "/my-reports")]
    [InlineData("staff@kreminna.local", null, "/measures")]
    [InlineData("executive@kreminna.local", "/dashboard?year=2022", "/dashboard?year=2022")]
    [InlineData("staff@kreminna.local", "https://evil.example/phish", "/measures")]
    [InlineData("staff@kreminna.local", "/account/login", "/measures")]
    public async Task A_signed_in_person_is_sent_on_from_the_sign_in_page(string email, string? returnUrl, string expected)
    {
        var client = await SignIn.AsAsync(fixture.Factory, email);

        using var again = await client.GetAsync(returnUrl is null ? "/account/login" : "/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var location = again.Headers.Location!;
        Assert.Equal(expected, location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
    }

    [Fact]
    public async Task Someone_not_signed_in_still_gets_the_form()
    {
        using var page = await SignIn.NewClient(fixture.Factory).GetAsync("/account/login?ReturnUrl=%2Fmeasures");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("name=\"Input.Password\"", await page.Content.ReadAsStringAsync());
    }
}
