using System.Net;
using System.Text.Json;
using Aankopen.Contracts.Api.V1;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>
/// What a careless or hostile client can send to every write endpoint: wrong types, huge strings, negative and
/// absurd amounts, invalid codes and numbers, unknown administrations. Each gets a 4xx problem, none a 500, and
/// the tender's stream does not move.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class HostileInputTests(RunningSystem system)
{
    private static readonly string Huge = new('x', 200_000);

    private static readonly string GoodTerms = """{"start":"2027-01-01","initialMonths":12,"renewable":true,"renewalMonths":12,"maxRenewals":3,"noticeDays":90}""";

    /// <summary>Bodies that are wrong whatever the endpoint expects.</summary>
    private static readonly string[] AnyEndpoint = ["", "null", "[]", "\"text\"", "{", "{\"title\": {\"nested\": [1,2,3]}}", "1e999"];

    private static IEnumerable<(HttpMethod Method, string Path, string Body)> Attacks(Guid id)
    {
        var lots = $"api/tenders/{id}/lots";
        string[] lotBodies =
        [
            "{}",
            $$"""{"title":"{{Huge}}","cpv":"30199770-8","estimatedValueExclVat":1000,"vatRate":21,"terms":{{GoodTerms}}}""",
            $$"""{"title":"Papier","cpv":"30199770-8","estimatedValueExclVat":"veel","vatRate":21,"terms":{{GoodTerms}}}""",
            $$"""{"title":"Papier","cpv":"30199770-8","estimatedValueExclVat":-1000,"vatRate":21,"terms":{{GoodTerms}}}""",
            $$"""{"title":"Papier","cpv":"30199770-8","estimatedValueExclVat":79228162514264337593543950335,"vatRate":21,"terms":{{GoodTerms}}}""",
            $$"""{"title":"Papier","cpv":"30199770-8","estimatedValueExclVat":1e40,"vatRate":21,"terms":{{GoodTerms}}}""",
            $$"""{"title":"Papier","cpv":"99999999-9","estimatedValueExclVat":1000,"vatRate":21,"terms":{{GoodTerms}}}""",
            $$"""{"title":"Papier","cpv":"30199770-8","estimatedValueExclVat":1000,"vatRate":-21,"terms":{{GoodTerms}}}""",
            """{"title":"Papier","cpv":"30199770-8","estimatedValueExclVat":1000,"vatRate":21,"terms":{"initialMonths":2147483647,"renewable":true,"renewalMonths":2147483647,"maxRenewals":2147483647,"noticeDays":-5}}""",
            $$"""{"lotNumber":-4,"title":"Papier","cpv":"30199770-8","estimatedValueExclVat":1000,"vatRate":21,"terms":{{GoodTerms}}}""",
            $$"""{"lotNumber":"one","title":"Papier","cpv":"30199770-8","estimatedValueExclVat":1000,"vatRate":21,"terms":{{GoodTerms}}}""",
        ];
        foreach (var body in lotBodies.Concat(AnyEndpoint))
        {
            yield return (HttpMethod.Post, lots, body);
            yield return (HttpMethod.Put, $"{lots}/1", body);
        }
        string[] optInBodies =
        [
            "{}", """{"estimatedAmountExclVat":-5,"budgetLine":"0900/1"}""", """{"estimatedAmountExclVat":0.001,"budgetLine":"0900/1"}""",
            """{"estimatedAmountExclVat":100,"budgetLine":""}""", $$"""{"estimatedAmountExclVat":100,"budgetLine":"{{Huge}}"}""",
            """{"estimatedQuantity":-1,"budgetLine":"0900/1"}""", """{"estimatedAmountExclVat":true,"budgetLine":"0900/1"}""",
        ];
        foreach (var body in optInBodies.Concat(AnyEndpoint))
            yield return (HttpMethod.Put, $"{lots}/1/opt-ins/OCMW", body);
        foreach (var code in new[] { "NOBODY", "ocmw", Huge[..5000], "%00", "OCMW%2F..%2F" })
        {
            yield return (HttpMethod.Put, $"{lots}/1/opt-ins/{code}", """{"estimatedAmountExclVat":100,"budgetLine":"0900/1"}""");
            yield return (HttpMethod.Delete, $"{lots}/1/opt-ins/{code}", "");
        }
        foreach (var lot in new[] { "0", "-1", "99999999999", "1.5", "abc" })
        {
            yield return (HttpMethod.Delete, $"{lots}/{lot}", "");
            yield return (HttpMethod.Put, $"{lots}/{lot}/opt-ins/OCMW", """{"estimatedAmountExclVat":100,"budgetLine":"0900/1"}""");
        }
        string[] awardBodies =
        [
            "{}", """{"supplierName":"X","supplierId":"0212.000.132","awardedAmountExclVat":100,"contractStart":"2027-01-01","contractEnd":"2027-12-31"}""",
            """{"supplierName":"X","supplierId":"US12345","awardedAmountExclVat":100,"contractStart":"2027-01-01","contractEnd":"2027-12-31"}""",
            """{"supplierName":"X","supplierId":"0403.170.701","awardedAmountExclVat":-100,"contractStart":"2027-01-01","contractEnd":"2027-12-31"}""",
            """{"supplierName":"X","supplierId":"0403.170.701","awardedAmountExclVat":100,"contractStart":"someday","contractEnd":"2027-12-31"}""",
            """{"supplierName":"X","supplierId":"0403.170.701","awardedAmountExclVat":100,"contractStart":"2027-01-01","contractEnd":"2027-12-31","explicitShares":[{"administration":null,"amountExclVat":-1},null]}""",
        ];
        foreach (var body in awardBodies.Concat(AnyEndpoint))
            yield return (HttpMethod.Post, $"{lots}/1/award", body);
        foreach (var body in new[] { "{}", $$"""{"reason":"{{Huge}}"}""", """{"reason":12}""" }.Concat(AnyEndpoint))
        {
            yield return (HttpMethod.Post, $"{lots}/1/not-awarded", body);
            yield return (HttpMethod.Post, $"api/tenders/{id}/cancellation", body);
            yield return (HttpMethod.Post, $"{lots}/1/termination", body);
        }
        foreach (var body in new[] { "{}", """{"publicationReference":"","publishedOn":"2026-13-45"}""", $$"""{"publicationReference":"{{Huge}}","publishedOn":"2026-11-01"}""" }.Concat(AnyEndpoint))
            yield return (HttpMethod.Post, $"api/tenders/{id}/publication", body);
        yield return (HttpMethod.Post, $"api/tenders/{id}/open-opt-in", "");
        yield return (HttpMethod.Post, $"{lots}/1/renewal", "");
        foreach (var code in new[] { "OCMW", "NOBODY", Huge[..5000], "%00" })
            yield return (HttpMethod.Post, $"{lots}/1/renewal/declines/{code}", "");
        yield return (HttpMethod.Post, $"{lots}/abc/renewal", "");
    }

    private static readonly string[] OpeningBodies =
    [
        "{}",
        """{"reference":"X","titleNl":"a","titleFr":"b","mainCpv":"30199770-8","procedure":"Open","leadAdministration":"GEMEENTE","invitedAdministrations":["GEMEENTE","NOBODY"],"optInDeadline":"2099-01-01T00:00:00Z"}""",
        """{"reference":"X","titleNl":"a","titleFr":"b","mainCpv":"3019","procedure":"Open","leadAdministration":"GEMEENTE","invitedAdministrations":["GEMEENTE"],"optInDeadline":"2027-01-01T00:00:00Z"}""",
        """{"reference":"X","titleNl":"a","titleFr":"b","mainCpv":"30199770-8","procedure":"99","leadAdministration":"GEMEENTE","invitedAdministrations":["GEMEENTE"],"optInDeadline":"2027-01-01T00:00:00Z"}""",
        """{"reference":"X","titleNl":"a","titleFr":"b","mainCpv":"30199770-8","procedure":"Open","leadAdministration":"GEMEENTE","invitedAdministrations":null,"optInDeadline":"2027-01-01T00:00:00Z"}""",
        """{"reference":"X","titleNl":"a","titleFr":"b","mainCpv":"30199770-8","procedure":"Open","leadAdministration":"GEMEENTE","invitedAdministrations":[null],"optInDeadline":"2027-01-01T00:00:00Z"}""",
        """{"reference":"X","titleNl":"a","titleFr":"b","mainCpv":"30199770-8","procedure":"Open","leadAdministration":"GEMEENTE","invitedAdministrations":["GEMEENTE"],"optInDeadline":"tomorrow"}""",
        $$"""{"reference":"{{Huge}}","titleNl":"{{Huge}}","titleFr":"b","mainCpv":"30199770-8","procedure":"Open","leadAdministration":"GEMEENTE","invitedAdministrations":["GEMEENTE"],"optInDeadline":"2027-01-01T00:00:00Z"}""",
        """{"reference":"X","titleNl":"a","titleFr":"b","mainCpv":"30199770-8","procedure":"Open","leadAdministration":"GEMEENTE","invitedAdministrations":["GEMEENTE"],"optInDeadline":"2027-01-01T00:00:00Z","subject":"Everything"}""",
    ];

    private static readonly string[] RegistrationBodies =
    [
        "{}", """{"code":"X","nameNl":"a","nameFr":"b","enterpriseNumber":"1","kind":"City"}""",
        $$"""{"code":"{{Huge}}","nameNl":"a","nameFr":"b","enterpriseNumber":"0250.000.177","kind":"City"}""",
        """{"code":"NEW-ONE","nameNl":"a","nameFr":"b","enterpriseNumber":"0250.000.177","kind":42}""",
    ];

    private static IEnumerable<(HttpMethod Method, string Path, string Body)> MembershipAttacks(Guid id)
    {
        string[] joins =
        [
            "{}",
            """{"administration":"OCMW","central":"NOBODY","decidingBody":"raad","decisionDate":"2026-01-01","decisionReference":"x","scope":{"categories":["Papier"]},"start":"2027-01-01","noticeMonths":3}""",
            """{"administration":"OCMW","central":"X","decidingBody":"raad","decisionDate":"2026-01-01","decisionReference":"x","scope":{"cpvDivisions":[12345]},"start":"2027-01-01","noticeMonths":99999999999}""",
            """{"administration":null,"central":null,"scope":{"categories":[null,""]},"start":"2027-01-01"}""",
            $$"""{"administration":"OCMW","central":"X","decidingBody":"{{Huge}}","decisionDate":"2026-01-01","decisionReference":"x","scope":{"categories":["{{Huge}}"]},"start":"2027-01-01","noticeMonths":3}""",
        ];
        foreach (var body in joins.Concat(AnyEndpoint))
            yield return (HttpMethod.Post, "api/memberships", body);
        foreach (var body in new[] { "{}", """{"scope":{"categories":[]},"decisionReference":""}""", """{"scope":{"cpvDivisions":["x"]}}""" }.Concat(AnyEndpoint))
            yield return (HttpMethod.Put, $"api/memberships/{id}/scope", body);
        foreach (var body in new[] { "{}", """{"newEnd":"2020-01-01","decisionReference":"x"}""", """{"newEnd":"soon"}""" }.Concat(AnyEndpoint))
            yield return (HttpMethod.Post, $"api/memberships/{id}/renewal", body);
        foreach (var body in new[] { "{}", """{"endsOn":"2000-01-01","reason":"x"}""", $$"""{"endsOn":"2027-06-30","reason":"{{Huge}}"}""" }.Concat(AnyEndpoint))
            yield return (HttpMethod.Post, $"api/memberships/{id}/end", body);
        foreach (var body in RegistrationBodies.Concat(["""{"code":"NEW-C","nameNl":"a","nameFr":"b","enterpriseNumber":"0250.000.177","level":"Galactic"}"""]).Concat(AnyEndpoint))
            yield return (HttpMethod.Post, "api/centrals", body);
    }

    [Fact]
    public async Task Every_write_endpoint_answers_bad_input_with_a_problem_and_writes_nothing()
    {
        var tender = new MealVoucherTender(system.Api);
        var view = await tender.OpenWithTwoLotsAsync($"HX-{Guid.NewGuid():N}"[..20]);
        var historyBefore = await HistoryAsync(view.Id);
        var tendersBefore = await CountAsync("api/tenders?pageSize=1");
        var administrationsBefore = (await system.Api.GetFromJsonAsync<JsonElement>("api/administrations", Ct)).GetArrayLength();
        var (joined, membership) = await JoinedMembership.OfOcmwAsync(system);
        var membershipHistoryBefore = await system.Api.GetStringAsync($"api/memberships/{membership.Id}/history", Ct);
        var centralsBefore = (await system.Api.GetFromJsonAsync<JsonElement>("api/centrals", Ct)).GetArrayLength();

        var wrong = new List<string>();
        var attacks = Attacks(view.Id).ToList();
        attacks.AddRange(OpeningBodies.Concat(AnyEndpoint).Select(b => (HttpMethod.Post, "api/tenders", b)));
        attacks.AddRange(RegistrationBodies.Concat(AnyEndpoint).Select(b => (HttpMethod.Post, "api/administrations", b)));
        attacks.AddRange(RegistrationBodies.Concat(AnyEndpoint).Select(b => (HttpMethod.Put, "api/administrations/OCMW", b)));
        var membershipAttacks = MembershipAttacks(membership.Id).ToList();
        foreach (var (method, path, body) in attacks.Concat(membershipAttacks))
        {
            using var request = RawWrite(method, path, body, path.StartsWith("api/memberships/", StringComparison.Ordinal) ? joined.Headers.ETag!.ToString() : tender.ETag);
            if (body.Length == 0)
                request.Content = null;
            var response = await system.Api.SendAsync(request, Ct);
            var status = (int)response.StatusCode;
            var type = response.Content.Headers.ContentType?.MediaType;
            // Kestrel itself refuses a NUL in the path with a bare 400 before any of our code runs.
            var refusedByServer = status == 400 && path.Contains("%00");
            if (status is < 400 or >= 500 || (status != 404 && type != "application/problem+json" && !refusedByServer))
                wrong.Add($"{method} {path[..Math.Min(path.Length, 80)]} {body[..Math.Min(body.Length, 300)]} -> {status} {type}");
        }

        wrong.ShouldBeEmpty();
        attacks.Count.ShouldBeGreaterThan(150);
        membershipAttacks.Count.ShouldBeGreaterThan(40);
        (await system.Api.GetStringAsync($"api/memberships/{membership.Id}/history", Ct)).ShouldBe(membershipHistoryBefore);
        (await system.Api.GetFromJsonAsync<JsonElement>("api/centrals", Ct)).GetArrayLength().ShouldBe(centralsBefore);
        (await HistoryAsync(view.Id)).ShouldBe(historyBefore);
        (await CountAsync("api/tenders?pageSize=1")).ShouldBe(tendersBefore);
        (await system.Api.GetFromJsonAsync<JsonElement>("api/administrations", Ct)).GetArrayLength().ShouldBe(administrationsBefore);
        (await system.Api.GetAsync($"api/tenders/{view.Id}", Ct)).Headers.ETag!.ToString().ShouldBe(tender.ETag);
    }

    [Theory]
    [InlineData("W/\"3\"")]
    [InlineData("\"-1\"")]
    [InlineData("\"99999999999999999999999\"")]
    [InlineData("*")]
    public async Task An_unusable_if_match_is_412(string ifMatch)
    {
        var tender = new MealVoucherTender(system.Api);
        var view = await tender.OpenWithTwoLotsAsync($"IM-{Guid.NewGuid():N}"[..20]);

        var response = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/tenders/{view.Id}/close-opt-in", null, ifMatch), Ct);

        await ProblemAsync(response, HttpStatusCode.PreconditionFailed);
    }

    private async Task<string> HistoryAsync(Guid id) =>
        JsonSerializer.Serialize(await system.Api.GetFromJsonAsync<HistoryEntryView[]>($"api/tenders/{id}/history", Ct));

    private async Task<long> CountAsync(string query) =>
        (await system.Api.GetFromJsonAsync<PageView<TenderSummaryView>>(query, Ct))!.Total;
}
