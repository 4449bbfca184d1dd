using System.Collections;
using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aankopen.Contracts.Api.V1;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>
/// A NUL, a vertical tab or half a surrogate pair in any text field of any request body, or in any parameter of any
/// read, is refused with a problem naming it (422 for a field, 400 for a parameter), never a 500, and nothing is
/// written: such a character once broke the Word report for every reader, and a NUL made PostgreSQL fail.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class ControlCharacterTests(RunningSystem system)
{
    private const string Terms = """{"start":"2027-01-01","initialMonths":12,"renewable":true,"renewalMonths":12,"maxRenewals":3,"noticeDays":90,"longerDurationJustification":"Omdat"}""";

    /// <summary>Each request type with a body in which every text field holds a string, and where it is sent.</summary>
    private static IEnumerable<(Type Type, HttpMethod Method, string Path, string Body)> Bodies(Guid tender, Guid membership) =>
    [
        (typeof(OpenTenderRequest), HttpMethod.Post, "api/tenders",
            """{"reference":"CC-1","titleNl":"a","titleFr":"b","mainCpv":"30199770-8","procedure":"Open","leadAdministration":"GEMEENTE","invitedAdministrations":["GEMEENTE"],"optInDeadline":"2099-01-01T00:00:00Z","subject":"Supplies","arrangement":"Joint"}"""),
        (typeof(LotRequest), HttpMethod.Post, $"api/tenders/{tender}/lots",
            $$"""{"title":"Papier","cpv":"30199770-8","estimatedValueExclVat":1000,"vatRate":21,"terms":{{Terms}}}"""),
        (typeof(LotRequest), HttpMethod.Put, $"api/tenders/{tender}/lots/1",
            $$"""{"title":"Papier","cpv":"30199770-8","estimatedValueExclVat":1000,"vatRate":21,"terms":{{Terms}}}"""),
        (typeof(OptInRequest), HttpMethod.Put, $"api/tenders/{tender}/lots/1/opt-ins/OCMW", """{"estimatedAmountExclVat":100,"budgetLine":"0900/1"}"""),
        (typeof(PublishTenderRequest), HttpMethod.Post, $"api/tenders/{tender}/publication", """{"publicationReference":"BDA-1","publishedOn":"2026-11-01"}"""),
        (typeof(AwardLotRequest), HttpMethod.Post, $"api/tenders/{tender}/lots/1/award",
            """{"supplierName":"X","supplierId":"0403.170.701","awardedAmountExclVat":100,"contractStart":"2027-01-01","contractEnd":"2027-12-31","explicitShares":[{"administration":"OCMW","amountExclVat":100}],"periodDifferenceReason":"Omdat","agreement":"Framework"}"""),
        (typeof(ReasonRequest), HttpMethod.Post, $"api/tenders/{tender}/lots/1/not-awarded", """{"reason":"Geen offertes"}"""),
        (typeof(ReasonRequest), HttpMethod.Post, $"api/tenders/{tender}/cancellation", """{"reason":"Geen budget"}"""),
        (typeof(ReasonRequest), HttpMethod.Post, $"api/tenders/{tender}/lots/1/non-renewal", """{"reason":"Te duur"}"""),
        (typeof(TerminateLotRequest), HttpMethod.Post, $"api/tenders/{tender}/lots/1/termination", """{"effectiveOn":"2027-06-30","reason":"Wanprestatie","ground":"Default"}"""),
        (typeof(RecordDecisionRequest), HttpMethod.Post, $"api/tenders/{tender}/decisions/GEMEENTE",
            """{"kind":"Conditions","body":"Other","bodyName":"Algemeen directeur","decidedOn":"2026-11-02","reference":"GR/1"}"""),
        (typeof(SuperviseDecisionRequest), HttpMethod.Post, $"api/tenders/{tender}/decisions/GEMEENTE/1/supervision",
            """{"act":"Suspended","on":"2026-11-03","reference":"Gouverneur/1"}"""),
        (typeof(PlaceOrderRequest), HttpMethod.Post, $"api/tenders/{tender}/lots/1/orders/OCMW",
            """{"orderedOn":"2027-02-01","reference":"BB/1","amountExclVat":10,"budgetLine":"0900/1"}"""),
        (typeof(RaiseShareRequest), HttpMethod.Post, $"api/tenders/{tender}/lots/1/ceilings/OCMW", """{"amountExclVat":10,"reason":"Meer"}"""),
        (typeof(PlanMeasureRequest), HttpMethod.Post, "api/reports/measures",
            """{"domainNl":"Energie","domainFr":"Énergie","textNl":"a","textFr":"b","plannedFrom":2027}"""),
        (typeof(CloseMeasureRequest), HttpMethod.Post, $"api/reports/measures/{tender}/closing", """{"status":"Done","year":2027}"""),
        (typeof(RegisterAdministrationRequest), HttpMethod.Post, "api/administrations",
            """{"code":"CC-NEW","nameNl":"a","nameFr":"b","enterpriseNumber":"0250.000.177","kind":"City"}"""),
        (typeof(ChangeAdministrationRequest), HttpMethod.Put, "api/administrations/OCMW",
            """{"nameNl":"a","nameFr":"b","enterpriseNumber":"0212.000.131","kind":"Ocmw"}"""),
        (typeof(RegisterCentralRequest), HttpMethod.Post, "api/centrals",
            """{"code":"CC-C","nameNl":"a","nameFr":"b","enterpriseNumber":"0250.000.177","level":"Other"}"""),
        (typeof(JoinCentralRequest), HttpMethod.Post, "api/memberships",
            """{"administration":"OCMW","central":"X","decidingBody":"raad","decisionDate":"2026-01-01","decisionReference":"R/2","scope":{"categories":["Papier"]},"start":"2027-01-01","noticeMonths":3}"""),
        (typeof(ChangeScopeRequest), HttpMethod.Put, $"api/memberships/{membership}/scope", """{"scope":{"categories":["Papier"]},"decisionReference":"R/3"}"""),
        (typeof(RenewMembershipRequest), HttpMethod.Post, $"api/memberships/{membership}/renewal", """{"newEnd":"2031-01-01","decisionReference":"R/4"}"""),
        (typeof(EndMembershipRequest), HttpMethod.Post, $"api/memberships/{membership}/end", """{"endsOn":"2030-06-30","reason":"Niet meer nodig"}"""),
    ];

    private static readonly string[] Unfit = ["a\u000Bb", "a\u0000b", "a\u001Fb", "a\u0085b", "\uD800", "a\uFFFFb", "a\nb"];

    [Fact]
    public void Every_request_type_of_the_api_and_every_text_field_in_it_is_attacked()
    {
        var bodies = Bodies(Guid.Empty, Guid.Empty).ToArray();
        var requestTypes = typeof(OpenTenderRequest).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(OpenTenderRequest).Namespace && t.Name.EndsWith("Request", StringComparison.Ordinal) && t != typeof(DevTokenRequest))
            .Where(t => !bodies.Any(b => TextFields(b.Type, "").Any(f => f.Type == t)))
            .ToArray();

        requestTypes.Where(t => bodies.All(b => b.Type != t)).ShouldBeEmpty("request types without a body in ControlCharacterTests.Bodies");
        foreach (var (type, _, path, body) in bodies)
            TextFields(type, "").Select(f => f.Path).ShouldBeSubsetOf(TextPaths(JsonNode.Parse(body)!, ""), $"{path}: every text field of {type.Name} must be in its body");
    }

    [Fact]
    public async Task A_control_character_in_any_text_field_is_refused_at_that_field_and_writes_nothing()
    {
        var tender = new MealVoucherTender(system.Api);
        var view = await tender.OpenWithTwoLotsAsync($"CC-{Guid.NewGuid():N}"[..20]);
        var (_, membership) = await JoinedMembership.OfOcmwAsync(system);
        var before = await StateAsync(view.Id, membership.Id);

        var wrong = new List<string>();
        foreach (var (_, method, path, body) in Bodies(view.Id, membership.Id))
            foreach (var field in TextPaths(JsonNode.Parse(body)!, ""))
                foreach (var unfit in Unfit)
                {
                    var paragraph = field.EndsWith("reason", StringComparison.Ordinal) || field.EndsWith("Justification", StringComparison.Ordinal);
                    // A version long past: a body that passes the screen is then refused by the write (412), and nothing is written.
                    using var request = RawWrite(method, path, Replace(body, field, unfit), "\"9999\"");
                    var response = await system.Api.SendAsync(request, Ct);
                    var answer = await response.Content.ReadAsStringAsync(Ct);
                    var refusedAtField = response.StatusCode == HttpStatusCode.UnprocessableEntity && answer.Contains("control-character")
                        && JsonDocument.Parse(answer).RootElement.GetProperty("errors").TryGetProperty(field, out _);
                    // A line break is text in a paragraph (a reason), and only there.
                    if (unfit == "a\nb" && paragraph ? answer.Contains("control-character") : !refusedAtField)
                        wrong.Add($"{method} {path} {field}={JsonSerializer.Serialize(unfit)} -> {(int)response.StatusCode} {answer[..Math.Min(answer.Length, 200)]}");
                }

        wrong.ShouldBeEmpty();
        (await StateAsync(view.Id, membership.Id)).ShouldBe(before);
    }

    [Fact]
    public async Task The_screen_reads_a_body_as_the_endpoint_would_whatever_its_encoding()
    {
        var reference = $"CE-{Guid.NewGuid():N}"[..20];
        var opening = $$"""{"reference":"{{reference}}","titleNl":"a\u0001b","titleFr":"b","mainCpv":"30199770-8","procedure":"Open","leadAdministration":"GEMEENTE","invitedAdministrations":["GEMEENTE"],"optInDeadline":"2099-01-01T00:00:00Z"}""";
        var rawOpening = opening.Replace("\\u0001", "\u0001");
        var before = (await system.Api.GetFromJsonAsync<PageView<TenderSummaryView>>("api/tenders?pageSize=1", Ct))!.Total;
        async Task<HttpResponseMessage> SendAsync(byte[] body, string contentType)
        {
            using var request = Write(HttpMethod.Post, "api/tenders", null, null);
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            return await system.Api.SendAsync(request, Ct);
        }

        // UTF-16, UTF-32 and Latin-1 are refused as such: JSON travels in UTF-8.
        foreach (var (encoding, charset) in new[] { (System.Text.Encoding.Unicode, "utf-16"), (System.Text.Encoding.UTF32, "utf-32"), (System.Text.Encoding.Latin1, "iso-8859-1") })
            (await CodeOfAsync(await SendAsync(encoding.GetBytes(opening), $"application/json; charset={charset}"), HttpStatusCode.UnsupportedMediaType))
                .ShouldBe("charset-unsupported");
        // A byte-order mark is skipped by the endpoint, and so by the screen.
        var withMark = await SendAsync([0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(opening)], "application/json; charset=UTF-8");
        (await ProblemAsync(withMark, HttpStatusCode.UnprocessableEntity)).GetProperty("errors").TryGetProperty("titleNl", out _).ShouldBeTrue();
        // A raw control character inside a string is no JSON at all.
        (await CodeOfAsync(await SendAsync(System.Text.Encoding.UTF8.GetBytes(rawOpening), "application/json"), HttpStatusCode.BadRequest)).ShouldBe("request-unreadable");
        // Names are read too: half a surrogate pair, invalid UTF-8, a control character.
        byte[][] names = ["{\"\\ud800\":\"x\"}"u8.ToArray(), [.. "{\"titleNl"u8, 0xFF, .. "\":\"x\"}"u8], "{\"title\\u000bNl\":\"x\"}"u8.ToArray()];
        foreach (var body in names)
            ((int)(await SendAsync(body, "application/json")).StatusCode).ShouldBeInRange(400, 499);

        (await system.Api.GetFromJsonAsync<PageView<TenderSummaryView>>("api/tenders?pageSize=1", Ct))!.Total.ShouldBe(before);
    }

    [Fact]
    public async Task A_control_character_in_any_parameter_of_any_read_is_a_400_naming_it()
    {
        var tender = new MealVoucherTender(system.Api);
        var view = await tender.OpenWithTwoLotsAsync($"CQ-{Guid.NewGuid():N}"[..20]);
        var wrong = new List<string>();
        var tried = 0;
        // The API's reads, and the worker's (the operator's), each as its own OpenAPI document describes them.
        foreach (var host in new[] { system.Api, system.Worker })
            foreach (var route in (await host.GetFromJsonAsync<JsonElement>("openapi/v1.json", Ct)).GetProperty("paths").EnumerateObject()
                         .Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)))
            {
                if (!route.Value.TryGetProperty("get", out var read) || !read.TryGetProperty("parameters", out var parameters))
                    continue;
                var all = parameters.EnumerateArray().Select(p => (Name: p.GetProperty("name").GetString()!, In: p.GetProperty("in").GetString()!,
                    Format: p.GetProperty("schema").TryGetProperty("format", out var f) ? f.GetString() : null)).ToArray();
                foreach (var target in all.Where(p => p.In is "query" or "path"))
                    foreach (var unfit in new[] { "\u0000", "a\u000Bb" })
                    {
                        var path = all.Where(p => p.In == "path").Aggregate(route.Name.TrimStart('/'), (at, p) =>
                            at.Replace($"{{{p.Name}}}", Uri.EscapeDataString(p == target ? unfit : Sample(p.Format, view.Id))));
                        var query = target.In == "query" ? $"?{target.Name}={Uri.EscapeDataString(unfit)}" : "";
                        var actor = path.StartsWith("api/operations", StringComparison.Ordinal) ? TestUsers.Operator : TestUsers.Cell;
                        var response = await host.SendAsync(Write(HttpMethod.Get, path + query, null, null, actor: actor), Ct);
                        var answer = await response.Content.ReadAsStringAsync(Ct);
                        tried++;
                        // Kestrel refuses a NUL in the path itself, with a bare 400, before any of the service's code runs.
                        // A path segment that a route's constraint (a guid, a number) refuses matches no endpoint: 404.
                        var refusedByServer = target.In == "path" && ((unfit == "\u0000" && response.StatusCode == HttpStatusCode.BadRequest)
                            || (target.Format is "uuid" or "int32" && response.StatusCode == HttpStatusCode.NotFound));
                        var namesIt = response.StatusCode == HttpStatusCode.BadRequest && answer.Contains("control-character")
                            && JsonDocument.Parse(answer).RootElement.GetProperty("errors").TryGetProperty(target.Name, out _);
                        if (!refusedByServer && !namesIt)
                            wrong.Add($"GET {path}{query} ({target.Name}) -> {(int)response.StatusCode} {answer[..Math.Min(answer.Length, 200)]}");
                    }
            }

        wrong.ShouldBeEmpty();
        tried.ShouldBeGreaterThan(60);
    }

    private static string Sample(string? format, Guid tender) => format switch
    {
        "uuid" => tender.ToString(),
        "int32" => "2027",
        "date" => "2027-01-01",
        _ => "OCMW",
    };

    /// <summary>The JSON paths of a request type's text fields (lists as their first item), and the type each belongs to.</summary>
    private static IEnumerable<(string Path, Type Type)> TextFields(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
        {
            var path = prefix + JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var item = property.PropertyType != typeof(string) && property.PropertyType.IsAssignableTo(typeof(IEnumerable))
                ? property.PropertyType.GetGenericArguments().FirstOrDefault() : null;
            if (property.PropertyType == typeof(string))
                yield return (path, type);
            else if (item == typeof(string))
                yield return (path + "[0]", type);
            else if (item?.Namespace == type.Namespace)
                foreach (var inner in TextFields(item!, path + "[0]."))
                    yield return inner;
            else if (property.PropertyType.Namespace == type.Namespace && property.PropertyType.IsClass)
                foreach (var inner in TextFields(property.PropertyType, path + "."))
                    yield return inner;
        }
    }

    private static IEnumerable<string> TextPaths(JsonNode node, string path) => node switch
    {
        JsonObject o => o.SelectMany(p => TextPaths(p.Value!, path.Length == 0 ? p.Key : $"{path}.{p.Key}")),
        JsonArray a => a.SelectMany((item, i) => TextPaths(item!, $"{path}[{i}]")),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [path],
        _ => [],
    };

    /// <summary>The body with the text at <paramref name="field"/> replaced, escaped as JSON escapes it (\u0000, \u000b, \ud800).</summary>
    private static string Replace(string body, string field, string text)
    {
        var root = JsonNode.Parse(body)!;
        var (parent, last) = (root, field);
        foreach (var step in field.Split('.').SkipLast(1))
            parent = Step(parent, step);
        last = field.Split('.')[^1];
        const string marker = "\u0001MARK\u0001";
        if (last.EndsWith(']'))
            Step(parent, last[..last.IndexOf('[')]).AsArray()[int.Parse(last[(last.IndexOf('[') + 1)..^1])] = marker;
        else
            parent[last] = marker;
        var escaped = string.Concat(text.Select(c => c < ' ' || char.IsSurrogate(c) || c > '\u007E' ? $"\\u{(int)c:x4}" : c.ToString()));
        return root.ToJsonString().Replace("\\u0001MARK\\u0001", escaped);
    }

    private static JsonNode Step(JsonNode node, string step) =>
        step.EndsWith(']') ? node[step[..step.IndexOf('[')]]!.AsArray()[int.Parse(step[(step.IndexOf('[') + 1)..^1])]! : node[step]!;

    private async Task<string> StateAsync(Guid tender, Guid membership) => string.Join("\n",
        await system.Api.GetStringAsync($"api/tenders/{tender}/history", Ct), await system.Api.GetStringAsync($"api/memberships/{membership}/history", Ct),
        await system.Api.GetStringAsync("api/administrations", Ct), await system.Api.GetStringAsync("api/centrals", Ct),
        (await system.Api.GetFromJsonAsync<PageView<TenderSummaryView>>("api/tenders?pageSize=1", Ct))!.Total);
}
