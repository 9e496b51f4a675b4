using System.Net;
using System.Text.RegularExpressions;
using Kreminna1325.Tests.Accounts;

namespace Kreminna1325.Tests.Deployment;

public partial class FaviconTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    public async Task Every_page_links_the_apps_own_svg_icon_and_it_is_served(string page)
    {
        using var client = fixture.Factory.CreateClient();
        var html = await client.GetStringAsync(page);

        var link = IconLink().Match(html);
        Assert.True(link.Success, "no <link rel=\"icon\"> in the page");
        Assert.Equal("image/svg+xml", WebUtility.HtmlDecode(link.Groups[1].Value));
        var href = WebUtility.HtmlDecode(link.Groups[2].Value);
        Assert.DoesNotContain("//", href); // served by the app itself, never a CDN

        using var icon = await client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", await icon.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("<link rel=\"icon\" type=\"([^\"]+)\" href=\"([^\"]+)\"")]
    private static partial Regex IconLink();
}
