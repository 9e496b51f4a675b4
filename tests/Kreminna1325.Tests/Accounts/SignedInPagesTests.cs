using System.Net;
using Kreminna1325.Tests.Infrastructure;

namespace Kreminna1325.Tests.Accounts;

/// <summary>What the account pages answer to someone already signed in: a true 403.</summary>
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
}
