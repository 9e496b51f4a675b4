using System.Net;
using Kreminna1325.Tests.Api;

namespace Kreminna1325.Tests.Accounts;

/// <summary>Ukrainian first; English and the dark theme when chosen, remembered in a cookie.</summary>
public class PreferencesTests(OpenDataApiFixture fixture) : IClassFixture<OpenDataApiFixture>
{
    [Fact]
    public async Task The_app_speaks_ukrainian_even_to_an_english_browser_until_english_is_chosen()
    {
        var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

        var before = await client.GetStringAsync("/");
        Assert.Contains("<html lang=\"uk\"", before);
        Assert.Contains("ВСЬОГО ЗА ПІДСУМКОМ:", before);
        Assert.Contains("57,0", before);

        using var choose = await client.GetAsync("/preferences?culture=en-US&theme=dark&returnUrl=%2F");
        Assert.True(choose.IsSuccessStatusCode || choose.StatusCode == HttpStatusCode.Redirect);

        var after = await client.GetStringAsync("/");
        Assert.Contains("<html lang=\"en\"", after);
        Assert.Contains("GRAND TOTAL:", after);
        Assert.Contains("57.0", after);
        Assert.Contains("--mud-palette-appbar-background: rgba(21,50,77,1)", after);
    }

    [Fact]
    public async Task A_preference_link_never_sends_anyone_to_another_site()
    {
        var client = fixture.Factory.NewClient();

        using var response = await client.GetAsync("/preferences?culture=uk-UA&returnUrl=https%3A%2F%2Fevil.example%2F");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/measures?page=2", "/measures?page=2")]
    [InlineData("/заходи", "/%D0%B7%D0%B0%D1%85%D0%BE%D0%B4%D0%B8")]
    [InlineData("/a b", "/a%20b")]
    [InlineData("/\u0001", "/")]
    [InlineData("\u0001", "/")]
    [InlineData("/measures\r\nSet-Cookie: stolen=1", "/")]
    [InlineData("/x\u0000", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("\\\\evil.example\\", "/")]
    // A backslash after the first two characters stays on the site (browsers read it as "/"): ASP.NET Core's IsLocalUrl keeps it.
    [InlineData("/x\\..\\..", "/x\\..\\..")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("", "/")]
    public async Task A_hostile_return_url_goes_home_and_never_fails(string returnUrl, string expected)
    {
        var client = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = fixture.Factory.ClientOptions.BaseAddress });

        using var response = await client.GetAsync("/preferences?theme=dark&returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }
}
