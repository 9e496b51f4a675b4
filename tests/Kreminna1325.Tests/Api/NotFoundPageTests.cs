using System.Net;

namespace Kreminna1325.Tests.Api;

/// <summary>A page for an id that does not exist is the not-found page with status 404, never a 200 saying so or a 500.</summary>
public class NotFoundPageTests(MeasureApiFixture fixture) : IClassFixture<MeasureApiFixture>
{
    [Theory]
    [InlineData("/measures/999999")]
    [InlineData("/measures/0")]
    [InlineData("/measures/999999/edit")]
    [InlineData("/measures/0/edit")]
    [InlineData("/directions/999999/measures/new")]
    [InlineData("/reports/999999")]
    [InlineData("/reports/0")]
    [InlineData("/plans/999999")]
    [InlineData("/no/such/page")]
    public async Task An_unknown_id_is_a_404_page(string path)
    {
        using var response = await fixture.Staff.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Сторінку не знайдено", await response.Content.ReadAsStringAsync());
    }
}
