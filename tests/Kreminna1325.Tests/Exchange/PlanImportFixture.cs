using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Kreminna1325.Core.Exchange;
using Kreminna1325.Tests.Accounts;
using Kreminna1325.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kreminna1325.Tests.Exchange;

/// <summary>The app over a seeded database with staff and an executive signed in, and how the import's tests post a workbook.</summary>
public sealed class PlanImportFixture : WebFixture
{
    public HttpClient Staff { get; private set; } = null!;
    public HttpClient Executive { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Staff = await SignIn.AsAsync(Factory, "staff@kreminna.local");
        Executive = await SignIn.AsAsync(Factory, "executive@kreminna.local");
    }

    /// <summary>What a refused or unconfirmed import must leave as it was.</summary>
    public async Task<(int Plans, int Measures, int Bodies, int Audit)> StoredAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return (await db.Plans.CountAsync(), await db.Measures.CountAsync(), await db.ResponsibleBodies.CountAsync(), await db.AuditEntries.CountAsync());
    }

    private static int titles;

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] file, bool confirm = false, string? title = null,
        int start = 2020, int end = 2022, string contentType = PlanSheet.ContentType)
    {
        title ??= $"Імпортований план {Interlocked.Increment(ref titles)}";
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"/api/plans/import?title={Uri.EscapeDataString(title)}&municipality={Uri.EscapeDataString("Тестова громада")}&startYear={start}&endYear={end}&confirm={(confirm ? "true" : "false")}")
        {
            Content = content,
        };
        return await client.SendAsync(request);
    }

    /// <summary>Posts the file as a dry run and confirmed: both 400, nothing written; the messages of the second.</summary>
    public async Task<List<string>> RefusedAsync(byte[] file)
    {
        var before = await StoredAsync();
        foreach (var confirm in new[] { false, true })
        {
            using var response = await PostAsync(Staff, file, confirm);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            if (confirm)
            {
                Assert.Equal(before, await StoredAsync());
                return [.. problem.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()!)];
            }
        }

        throw new InvalidOperationException();
    }
}
