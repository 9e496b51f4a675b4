using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Kreminna1325.Core.Accounts;
using Kreminna1325.Tests.Accounts;
using Kreminna1325.Tests.Infrastructure;

namespace Kreminna1325.Tests.Exchange;

public sealed class AnnualReportApiFixture : WebFixture
{
    private readonly Dictionary<string, HttpClient> clients = [];

    /// <summary>One signed-in client per role, shared by the class (signing in is itself rate-limited).</summary>
    public async Task<HttpClient> ClientAsync(string? role)
    {
        var key = role ?? "anonymous";
        if (!clients.TryGetValue(key, out var client))
        {
            client = role is null ? SignIn.NewClient(Factory) : await SignIn.AsAsync(Factory, RoleMatrixTests.EmailOf(role));
            clients[key] = client;
        }

        return client;
    }
}

/// <summary>The annual report's page and document: the dashboard's readers only, and every wrong request answered in problem+json.</summary>
public class AnnualReportApiTests(AnnualReportApiFixture fixture) : IClassFixture<AnnualReportApiFixture>
{
    private const string Anonymous = "anonymous";

    private string Docx(object id, object year) => $"/api/plans/{id}/annual-report/{year}.docx";

    [Theory]
    [InlineData(Anonymous, HttpStatusCode.Unauthorized)]
    [InlineData(Roles.ResponsibleOfficial, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Executive, HttpStatusCode.OK)]
    [InlineData(Roles.CouncilStaff, HttpStatusCode.OK)]
    [InlineData(Roles.Administrator, HttpStatusCode.OK)]
    public async Task The_document_is_for_executives_staff_and_administrators(string role, HttpStatusCode expected)
    {
        var client = await fixture.ClientAsync(role == Anonymous ? null : role);

        using var response = await client.GetAsync(Docx(fixture.PlanId, 2021));

        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData(Anonymous, "/account/login")]
    [InlineData(Roles.ResponsibleOfficial, "/account/access-denied")]
    [InlineData(Roles.Executive, null)]
    [InlineData(Roles.CouncilStaff, null)]
    [InlineData(Roles.Administrator, null)]
    public async Task The_page_opens_only_for_them(string role, string? redirect)
    {
        var client = await fixture.ClientAsync(role == Anonymous ? null : role);

        using var response = await client.GetAsync($"/plans/{fixture.PlanId}/annual-report/2021");

        if (redirect is null)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(redirect, response.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task The_executive_downloads_a_valid_word_document_named_for_people()
    {
        var client = await fixture.ClientAsync(Roles.Executive);

        using var response = await client.GetAsync(Docx(fixture.PlanId, 2021));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("kreminna-annual-report-2021.docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = new MemoryStream();
        await response.Content.CopyToAsync(bytes);
        bytes.Position = 0;
        using var document = WordprocessingDocument.Open(bytes, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Contains("за 2021 рік", document.MainDocumentPart!.Document!.Body!.InnerText);
    }

    [Fact]
    public async Task Is_the_councils_ukrainian_document_whatever_language_the_reader_uses()
    {
        var client = await fixture.ClientAsync(Roles.Executive);
        const string english = "culture=en-US&ui-culture=en-US";
        Assert.Contains("Annual monitoring report", await client.GetStringAsync($"/plans/{fixture.PlanId}/annual-report/2021?{english}"));

        using var response = await client.GetAsync(Docx(fixture.PlanId, 2021) + "?" + english);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = WordprocessingDocument.Open(await response.Content.ReadAsStreamAsync(), false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Звіт про моніторинг виконання плану за 2021 рік", text);
        Assert.Contains("Додаток. Заходи без затвердженого звіту за 2021 рік", text);
        Assert.DoesNotContain("Annex", text);
    }

    [Theory]
    [InlineData("abc", "2021", HttpStatusCode.BadRequest)]
    [InlineData("{plan}", "20x1", HttpStatusCode.BadRequest)]
    [InlineData("{plan}", "-2021", HttpStatusCode.BadRequest)]
    [InlineData("{plan}", "2030", HttpStatusCode.BadRequest)]
    [InlineData("999999", "2021", HttpStatusCode.NotFound)]
    [InlineData("0", "2021", HttpStatusCode.NotFound)]
    public async Task Wrong_requests_answer_problem_json(string id, string year, HttpStatusCode status)
    {
        var client = await fixture.ClientAsync(Roles.Executive);

        using var response = await client.GetAsync(Docx(id.Replace("{plan}", fixture.PlanId.ToString()), year));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }
}
