using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kreminna1325.Tests.Infrastructure;
using Kreminna1325.Web.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kreminna1325.Tests.Api;

/// <summary>Each status the API answers, as a client sees it: the status, problem+json, and what it says.</summary>
public class ApiStatusTests(MeasureApiFixture fixture) : IClassFixture<MeasureApiFixture>
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    [Fact]
    public async Task A_valid_change_is_saved_and_answered_with_the_measure()
    {
        var form = await fixture.FormAsync();
        form["content"] = form["content"]!.GetValue<string>() + " Із табуляцією\tта рядками\nу змісті.";

        using var response = await fixture.Staff.PutAsJsonAsync($"/api/measures/{fixture.MeasureId}", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.EndsWith("Із табуляцією\tта рядками\nу змісті.", saved["content"]!.GetValue<string>());
        Assert.NotEqual(form["version"]!.GetValue<uint>(), saved["version"]!.GetValue<uint>());
    }

    [Fact]
    public async Task Validation_errors_are_400_with_each_field_named_as_in_the_json()
    {
        var form = await fixture.FormAsync();
        form["content"] = " ";
        form["indicators"]![1]!["text"] = "Перелік\u202Eустанов";

        using var response = await fixture.Staff.PutAsJsonAsync($"/api/measures/{fixture.MeasureId}", form);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal("Зміст заходу обов'язковий.", errors.GetProperty("content")[0].GetString());
        Assert.Contains("U+202E", errors.GetProperty("indicators[1].text")[0].GetString());
    }

    [Fact]
    public async Task Changing_the_kind_of_an_indicator_with_reported_values_says_why_it_is_refused()
    {
        var form = await fixture.FormAsync();
        form["indicators"]![0]!["kind"] = "percentage";

        using var response = await fixture.Staff.PutAsJsonAsync($"/api/measures/{fixture.MeasureId}", form);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(
            "Вид показника не можна змінити: за ним уже є звітні значення. Додайте новий показник натомість.",
            problem.GetProperty("errors").GetProperty("indicators[0].kind")[0].GetString());
    }

    [Fact]
    public async Task A_stale_version_is_a_409_with_what_is_stored_now()
    {
        var form = await fixture.FormAsync();
        var stale = form["version"]!.GetValue<uint>();
        var fresh = (await fixture.FormAsync());
        fresh["content"] = fresh["content"]!.GetValue<string>() + " (1)";
        using (var first = await fixture.Staff.PutAsJsonAsync($"/api/measures/{fixture.MeasureId}", fresh))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        form["version"] = stale;
        form["content"] = "Інша редакція";
        using var response = await fixture.Staff.PutAsJsonAsync($"/api/measures/{fixture.MeasureId}", form);

        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.EndsWith(" (1)", problem.GetProperty("current").GetProperty("content").GetString());
    }

    [Theory]
    [InlineData("/api/measures/0/form")]
    [InlineData("/api/measures/-1/form")]
    [InlineData("/api/measures/999999/form")]
    [InlineData("/api/plans/0")]
    [InlineData("/api/plans/-1/budget")]
    [InlineData("/api/dashboard?plan=0")]
    [InlineData("/api/no-such-thing")]
    public async Task Unknown_ids_including_0_and_negative_are_404(string path)
    {
        using var response = await fixture.Staff.GetAsync(path);

        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_before_it_is_read()
    {
        using var content = new ByteArrayContent(new byte[ApiErrors.MaxRequestBodySize + 1]);
        content.Headers.ContentType = new("application/json");

        using var response = await fixture.Staff.PutAsync($"/api/measures/{fixture.MeasureId}", content);

        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        using var response = await fixture.Staff.PutAsync($"/api/measures/{fixture.MeasureId}", new StringContent("<measure/>", Encoding.UTF8, "application/xml"));

        await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("DELETE")]
    [InlineData("POST")]
    [InlineData("PATCH")]
    public async Task A_method_an_endpoint_does_not_take_is_answered_as_problem_json_never_an_empty_405(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/measures/{fixture.MeasureId}")
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };

        using var response = await fixture.Staff.SendAsync(request);

        // The route exists for other methods: an honest 404 or 405, but always with a problem to read.
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        await ProblemAsync(response, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_writes_are_401_as_problem_json()
    {
        using var anonymous = SignIn.NewClient(fixture.Factory);

        using var response = await anonymous.PutAsync($"/api/measures/{fixture.MeasureId}", new StringContent("{}", Encoding.UTF8, "application/json"));

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_500_whose_trace_id_is_in_the_log()
    {
        var logged = new CapturingLogger();
        await using var deadDatabase = new KreminnaWebFactory("Host=127.0.0.1;Port=1;Username=nobody;Password=none;Database=none;Timeout=2", localMode: false)
            .WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILogger<ApiExceptionHandler>>(logged)));
        using var client = deadDatabase.CreateClient();

        using var response = await client.GetAsync("/api/plans");

        var problem = await ProblemAsync(response, HttpStatusCode.InternalServerError);
        var traceId = problem.GetProperty("traceId").GetString();
        Assert.False(string.IsNullOrEmpty(traceId));
        Assert.DoesNotContain("Npgsql", problem.GetRawText());
        var entry = Assert.Single(logged.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Contains(traceId!, entry.Message);
        Assert.NotNull(entry.Exception);
    }

    private sealed class CapturingLogger : ILogger<ApiExceptionHandler>
    {
        public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((logLevel, formatter(state, exception), exception));
    }
}
