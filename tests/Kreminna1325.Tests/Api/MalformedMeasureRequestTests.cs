using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kreminna1325.Tests.Api;

/// <summary>
/// Every kind of bad PUT /api/measures/{id} seen in the wild, each answered with its status as
/// problem+json with a reason, and none of them writing anything.
/// </summary>
public class MalformedMeasureRequestTests(MeasureApiFixture fixture) : IClassFixture<MeasureApiFixture>
{
    private delegate (string Route, HttpContent Content) Build(JsonObject form, MeasureApiFixture f);

    private static HttpContent Json(string text) => new StringContent(text, Encoding.UTF8, "application/json");

    private static HttpContent Json(JsonNode node) => Json(node.ToJsonString());

    private static (string, HttpContent) Own(MeasureApiFixture f, HttpContent content) => ($"/api/measures/{f.MeasureId}", content);

    /// <summary>The form with one change made to it.</summary>
    private static Build With(Action<JsonObject, MeasureApiFixture> change) => (form, f) =>
    {
        change(form, f);
        return Own(f, Json(form));
    };

    /// <summary>The form as text with one value replaced by raw JSON text (for what JsonNode cannot hold).</summary>
    private static Build Raw(string rawValue, Action<JsonObject, JsonNode> place) => (form, f) =>
    {
        place(form, "__RAW__");
        return Own(f, Json(form.ToJsonString().Replace("\"__RAW__\"", rawValue)));
    };

    private static Build Raw(string field, string rawValue) => Raw(rawValue, (form, raw) => form[field] = raw);

    private static Build RawAmount(string rawValue) => Raw(rawValue, (form, raw) => form["fundingLines"]![0]!["amount"] = raw);

    private static JsonObject Indicator(JsonObject form, int i = 0) => form["indicators"]![i]!.AsObject();

    private static readonly Dictionary<string, (Build Build, HttpStatusCode Status, string Expect)> Cases = new()
    {
        ["malformed JSON"] = ((_, f) => Own(f, Json("{\"content\": \"Тренінги\", ")), HttpStatusCode.BadRequest, "рядок 1"),
        ["not JSON at all"] = ((_, f) => Own(f, Json("content=Тренінги")), HttpStatusCode.BadRequest, "$"),
        ["empty body"] = ((_, f) => Own(f, Json("")), HttpStatusCode.BadRequest, "$"),
        ["null body"] = ((_, f) => Own(f, Json("null")), HttpStatusCode.BadRequest, "об'єкт JSON"),
        ["an array for the body"] = ((_, f) => Own(f, Json("[]")), HttpStatusCode.BadRequest, "$"),
        ["form-encoded"] = ((_, f) => Own(f, new FormUrlEncodedContent([new("content", "x")])), HttpStatusCode.UnsupportedMediaType, "application/json"),
        ["text/plain"] = ((form, f) => Own(f, new StringContent(form.ToJsonString(), Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType, "application/json"),
        ["a number for the content"] = (Raw("content", "5"), HttpStatusCode.BadRequest, "$.content"),
        ["null for the content"] = (Raw("content", "null"), HttpStatusCode.BadRequest, "$.content"),
        ["a string for the indicators"] = (Raw("indicators", "\"усі\""), HttpStatusCode.BadRequest, "$.indicators"),
        ["a null indicator"] = (Raw("indicators", "[null]"), HttpStatusCode.BadRequest, "indicators[0]"),
        ["a string for the version"] = (Raw("version", "\"abc\""), HttpStatusCode.BadRequest, "$.version"),
        ["a number as a string"] = (With((form, _) => form["fundingLines"]![0]!["amount"] = "2.5"), HttpStatusCode.BadRequest, "amount"),
        ["NaN as a string"] = (With((form, _) => form["fundingLines"]![0]!["amount"] = "NaN"), HttpStatusCode.BadRequest, "amount"),
        ["NaN"] = (RawAmount("NaN"), HttpStatusCode.BadRequest, "$.fundingLines[0]"),
        ["Infinity"] = (RawAmount("-Infinity"), HttpStatusCode.BadRequest, "$.fundingLines[0]"),
        ["a number beyond decimal"] = (RawAmount("1e400"), HttpStatusCode.BadRequest, "$.fundingLines[0].amount"),
        ["a quarter beyond int"] = (Raw("1e10", (form, raw) => form["term"]!["quarter"] = raw), HttpStatusCode.BadRequest, "$.term.quarter"),
        ["an amount beyond numeric(14,2)"] = (With((form, _) => form["fundingLines"]![0]!["amount"] = 1e20m), HttpStatusCode.BadRequest, "fundingLines[0].amount"),
        ["a negative amount"] = (With((form, _) => form["fundingLines"]![0]!["amount"] = -1), HttpStatusCode.BadRequest, "fundingLines[0].amount"),
        ["a version beyond uint"] = (Raw("version", "99999999999"), HttpStatusCode.BadRequest, "$.version"),
        ["a repeated field"] = ((form, f) => Own(f, Json(form.ToJsonString().Replace("\"content\":", "\"content\":\"x\",\"content\":"))), HttpStatusCode.BadRequest, "content"),
        ["a 1 MB string"] = (With((form, _) => form["content"] = new string('x', 1_000_000)), HttpStatusCode.BadRequest, "content"),
        ["a 2 MB string"] = (With((form, _) => form["content"] = new string('x', 2_000_000)), HttpStatusCode.RequestEntityTooLarge, "1 МБ"),
        ["a 31 MB body"] = (With((form, _) => form["content"] = new string('x', 31_000_000)), HttpStatusCode.RequestEntityTooLarge, "1 МБ"),
        ["NUL in the content"] = (With((form, _) => form["content"] = "Тренінги\0"), HttpStatusCode.BadRequest, "U+0000"),
        ["a bell in the term"] = (With((form, _) => form["term"]!["text"] = "Постійно\a"), HttpStatusCode.BadRequest, "term.text"),
        ["a tab in the one-line term"] = (With((form, _) => form["term"]!["text"] = "Постійно\tі далі"), HttpStatusCode.BadRequest, "U+0009"),
        ["a bidi override in an indicator"] = (With((form, _) => Indicator(form)["text"] = "Кількість \u202Eтренінгів"), HttpStatusCode.BadRequest, "U+202E"),
        ["a bidi isolate in the content"] = (With((form, _) => form["content"] = "Тренінги \u2066x\u2069"), HttpStatusCode.BadRequest, "U+2066"),
        ["a lone surrogate"] = ((form, f) => Own(f, Json(form.ToJsonString().Replace("\"content\":\"", "\"content\":\"\\ud800"))), HttpStatusCode.BadRequest, "content"),
        ["an unknown indicator kind"] = (With((form, _) => Indicator(form)["kind"] = "magic"), HttpStatusCode.BadRequest, "kind"),
        ["an indicator kind out of range"] = (With((form, _) => Indicator(form)["kind"] = 99), HttpStatusCode.BadRequest, "indicators[0].kind"),
        ["a term kind out of range"] = (With((form, _) => form["term"]!["kind"] = 42), HttpStatusCode.BadRequest, "term.kind"),
        ["a funding source out of range"] = (With((form, _) => form["fundingLines"]![0]!["source"] = 7), HttpStatusCode.BadRequest, "fundingLines[0].source"),
        ["a funding note out of range"] = (With((form, _) => form["fundingNote"] = 5), HttpStatusCode.BadRequest, "fundingNote"),
        ["disaggregation 99"] = (With((form, _) => Indicator(form, 2)["disaggregations"] = new JsonArray(99)), HttpStatusCode.BadRequest, "indicators[2].disaggregations"),
        ["an unknown disaggregation name"] = (With((form, _) => Indicator(form, 2)["disaggregations"] = new JsonArray("religion")), HttpStatusCode.BadRequest, "disaggregations"),
        ["a body that does not exist"] = (With((form, _) => form["responsibleBodies"]![0]!["bodyId"] = 999999), HttpStatusCode.BadRequest, "responsibleBodies"),
        ["body id 0"] = (With((form, _) => form["responsibleBodies"]![0]!["bodyId"] = 0), HttpStatusCode.BadRequest, "responsibleBodies"),
        ["a negative body id"] = (With((form, _) => form["responsibleBodies"]![0]!["bodyId"] = -3), HttpStatusCode.BadRequest, "responsibleBodies"),
        ["31 bodies"] = (With((form, _) => form["responsibleBodies"] = new JsonArray([.. Enumerable.Range(1, 31).Select(i => (JsonNode)new JsonObject { ["bodyId"] = i })])), HttpStatusCode.BadRequest, "responsibleBodies"),
        ["a negative indicator id"] = (With((form, _) => Indicator(form)["id"] = -1), HttpStatusCode.BadRequest, "indicators[0].id"),
        ["another measure's indicator"] = (With((form, f) => Indicator(form)["id"] = f.OtherMeasuresIndicatorId), HttpStatusCode.BadRequest, "indicators[0].id"),
        ["an indicator that does not exist"] = (With((form, _) => Indicator(form)["id"] = 999999), HttpStatusCode.BadRequest, "indicators[0].id"),
        ["the same indicator twice"] = (With((form, _) => Indicator(form, 1)["id"] = Indicator(form)["id"]!.GetValue<int>()), HttpStatusCode.BadRequest, "indicators"),
        ["15 000 indicators"] = (With((form, _) => form["indicators"] = new JsonArray([.. Enumerable.Range(0, 15_000).Select(_ => (JsonNode)new JsonObject { ["text"] = "x", ["kind"] = "count" })])), HttpStatusCode.BadRequest, "100"),
        ["a reversed month range"] = (With((form, _) => form["term"] = new JsonObject { ["text"] = "Грудень–січень", ["kind"] = "annualInMonths", ["firstMonth"] = 12, ["lastMonth"] = 1 }), HttpStatusCode.BadRequest, "term.lastMonth"),
        ["month 13"] = (With((form, _) => form["term"] = new JsonObject { ["text"] = "Щорічно", ["kind"] = "annualInMonths", ["firstMonth"] = 1, ["lastMonth"] = 13 }), HttpStatusCode.BadRequest, "term.lastMonth"),
        ["a kind change of an indicator with values"] = (With((form, _) => Indicator(form)["kind"] = "text"), HttpStatusCode.BadRequest, "звітні значення"),
        ["a funding year outside the plan"] = (With((form, _) => form["fundingLines"]![0]!["year"] = 2035), HttpStatusCode.BadRequest, "fundingLines[0]"),
        ["more funding lines than sources and years"] = (With((form, _) => form["fundingLines"] = new JsonArray([.. Enumerable.Range(0, 7).Select(i => (JsonNode)new JsonObject { ["source"] = "local", ["year"] = 2020 + i, ["amount"] = 1 })])), HttpStatusCode.BadRequest, "fundingLines"),
        ["another direction"] = (With((form, _) => form["directionId"] = form["directionId"]!.GetValue<int>() + 1), HttpStatusCode.BadRequest, "directionId"),
        ["a negative direction"] = (With((form, _) => form["directionId"] = -1), HttpStatusCode.BadRequest, "directionId"),
        ["route id 0"] = ((form, _) => ("/api/measures/0", Json(form)), HttpStatusCode.NotFound, "0"),
        ["a negative route id"] = ((form, _) => ("/api/measures/-5", Json(form)), HttpStatusCode.NotFound, "-5"),
        ["an unknown route id"] = ((form, _) => ("/api/measures/999999", Json(form)), HttpStatusCode.NotFound, "999999"),
        ["a route id that is not a number"] = ((form, _) => ("/api/measures/abc", Json(form)), HttpStatusCode.BadRequest, "abc"),
        ["a route id beyond int"] = ((form, _) => ("/api/measures/99999999999", Json(form)), HttpStatusCode.BadRequest, "99999999999"),
        ["id 0 in the body"] = (With((form, _) => { form["id"] = 0; form["content"] = ""; }), HttpStatusCode.BadRequest, "content"),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Is_refused_with_its_status_and_a_reason_and_writes_nothing(string name)
    {
        var (build, status, expect) = Cases[name];
        var before = await fixture.StoredAsync();
        var measures = await fixture.MeasureCountAsync();
        var (route, content) = build(await fixture.FormAsync(), fixture);

        using var response = await fixture.Staff.PutAsync(route, content);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        // The detail read as text too: JSON may write its Cyrillic as \u escapes ("не більше 1 МБ").
        var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() : null;
        Assert.Contains(expect, $"{body.Replace("\\u0027", "'")}\n{detail}", StringComparison.Ordinal);
        Assert.Equal(before, await fixture.StoredAsync());
        Assert.Equal(measures, await fixture.MeasureCountAsync());
    }
}
