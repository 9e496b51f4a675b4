using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Kreminna1325.Web.Api;

/// <summary>
/// Reads what a client sends to the API itself, so every way a request can be wrong has its own
/// answer: an id that is not a number (400), a body that is not JSON (415), too large (413), or
/// not what the endpoint takes (400 naming the place in the JSON).
/// </summary>
public sealed class ApiRequests(IOptions<JsonOptions> json)
{
    // Stricter than the writer's options: numbers only as numbers, null only where a field may be absent, a field once.
    private readonly JsonSerializerOptions strict = new(json.Value.SerializerOptions)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
        RespectNullableAnnotations = true,
        AllowDuplicateProperties = false,
    };

    /// <summary>An id from the route: null when it is not a whole number at all. Zero and negative ids are well-formed ids of nothing.</summary>
    public static int? Id(string? text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : null;

    public async Task<(T? Value, ProblemHttpResult? Problem)> ReadJsonAsync<T>(HttpRequest request, IStringLocalizer l, CancellationToken ct)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, ApiErrors.UnsupportedMediaType(l));
        }

        byte[]? body;
        try
        {
            body = await ReadCappedAsync(request.Body, ApiErrors.MaxRequestBodySize, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            body = null;
        }

        if (body is null)
        {
            return (null, ApiErrors.TooLarge(l));
        }

        try
        {
            return JsonSerializer.Deserialize<T>(body, strict) is { } value
                ? (value, null)
                : (null, BadJson(l, "$", l["Api.BodyRequired"]));
        }
        catch (JsonException e)
        {
            var where = l["Api.BadJson.Where", e.Path ?? "$", (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1];
            return (null, BadJson(l, e.Path ?? "$", where));
        }
    }

    private static ProblemHttpResult BadJson(IStringLocalizer l, string path, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: l["Api.BadJson.Title"], detail: detail,
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [path] = [detail] } });

    /// <summary>The body, or null when it is longer than the limit (a chunked body has no length to check beforehand).</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream body, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
