using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Aankopen.Client;
using Aankopen.Contracts.Api.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>
/// Who may call what, per endpoint and role, with the attempts that must fail: acting for another administration
/// through the route or a query, a token that was tampered with or signed by someone else, no token at all.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class AccessTests(RunningSystem system)
{
    private const string Cell = TestUsers.Cell, Auditor = TestUsers.Auditor, Operator = TestUsers.Operator;
    private static readonly string Ocmw = TestUsers.Of("OCMW"), Finance = TestUsers.FinanceOf("OCMW");
    private static readonly string[] Everyone = [Cell, Auditor, Ocmw, Finance];
    private static readonly string[] Readers = [Cell, Auditor, Ocmw];
    private static readonly string[] CellAndAuditor = [Cell, Auditor];

    /// <summary>Each row is tried as each of these; the operator is in none of the rows but its own.</summary>
    private static readonly string[] Users = [.. Everyone, Operator];
    private static readonly Guid Tender = Guid.NewGuid(), Membership = Guid.NewGuid();

    /// <summary>Every endpoint of the API, and who may call it. An id that exists nowhere is fine: access is decided first.</summary>
    public static TheoryData<string, string, string[]> Endpoints => new()
    {
        { "GET", "api/tenders", Readers },
        { "GET", "api/cpv?q=papier", Readers },
        { "POST", "api/tenders", [Cell] },
        { "GET", $"api/tenders/{Tender}", Readers },
        { "GET", $"api/tenders/{Tender}/history", CellAndAuditor },
        { "GET", $"api/tenders/{Tender}/ocds/releases", CellAndAuditor },
        { "GET", $"api/tenders/{Tender}/ocds/record", CellAndAuditor },
        { "POST", $"api/tenders/{Tender}/open-opt-in", [Cell] },
        { "POST", $"api/tenders/{Tender}/lots", [Cell] },
        { "PUT", $"api/tenders/{Tender}/lots/1", [Cell] },
        { "DELETE", $"api/tenders/{Tender}/lots/1", [Cell] },
        { "PUT", $"api/tenders/{Tender}/lots/1/opt-ins/OCMW", [Ocmw] },
        { "DELETE", $"api/tenders/{Tender}/lots/1/opt-ins/OCMW", [Ocmw] },
        { "PUT", $"api/tenders/{Tender}/lots/1/opt-ins/GEMEENTE", [] },
        { "DELETE", $"api/tenders/{Tender}/lots/1/opt-ins/GEMEENTE", [] },
        { "POST", $"api/tenders/{Tender}/close-opt-in", [Cell] },
        { "POST", $"api/tenders/{Tender}/publication", [Cell] },
        { "POST", $"api/tenders/{Tender}/lots/1/award", [Cell] },
        { "POST", $"api/tenders/{Tender}/lots/1/not-awarded", [Cell] },
        { "POST", $"api/tenders/{Tender}/cancellation", [Cell] },
        { "POST", $"api/tenders/{Tender}/lots/1/termination", [Cell] },
        { "POST", $"api/tenders/{Tender}/lots/1/renewal", [Cell] },
        { "POST", $"api/tenders/{Tender}/lots/1/non-renewal", [Cell] },
        { "POST", $"api/tenders/{Tender}/lots/1/renewal/declines/OCMW", [Ocmw] },
        { "POST", $"api/tenders/{Tender}/lots/1/renewal/declines/GEMEENTE", [] },
        { "POST", $"api/tenders/{Tender}/decisions/OCMW", [Ocmw] },
        { "POST", $"api/tenders/{Tender}/decisions/GEMEENTE", [] },
        { "POST", $"api/tenders/{Tender}/decisions/OCMW/1/supervision", [Ocmw] },
        { "POST", $"api/tenders/{Tender}/decisions/GEMEENTE/1/supervision", [] },
        { "POST", $"api/tenders/{Tender}/lots/1/orders/OCMW", [Ocmw] },
        { "POST", $"api/tenders/{Tender}/lots/1/orders/GEMEENTE", [] },
        { "POST", $"api/tenders/{Tender}/lots/1/ceilings/OCMW", [Cell] },
        { "GET", "api/reports/measures", Readers },
        { "POST", "api/reports/measures", [Cell] },
        { "POST", $"api/reports/measures/{Tender}/closing", [Cell] },
        { "GET", "api/renewals", Readers },
        { "GET", "api/administrations", Everyone },
        { "GET", "api/administrations/OCMW", Everyone },
        { "POST", "api/administrations", [Cell] },
        { "PUT", "api/administrations/OCMW", [Cell] },
        { "GET", "api/administrations/OCMW/participations", Readers },
        { "GET", "api/administrations/GEMEENTE/participations", CellAndAuditor },
        { "GET", "api/administrations/OCMW/participations.csv", Readers },
        { "GET", "api/administrations/GEMEENTE/participations.csv", CellAndAuditor },
        { "GET", "api/exports/shares.csv", CellAndAuditor },
        { "GET", "api/reports/synergies/2026", Readers },
        { "GET", "api/reports/synergies/2026.csv", Readers },
        { "GET", "api/administrations/OCMW/memberships", Readers },
        { "GET", "api/centrals", Everyone },
        { "POST", "api/centrals", [Cell] },
        { "GET", "api/centrals/RMW/members", Readers },
        { "POST", "api/memberships", [Cell] },
        { "GET", "api/memberships", Readers },
        { "GET", "api/memberships/may-buy", Readers },
        { "GET", "api/memberships/through", Readers },
        { "GET", $"api/memberships/{Membership}", Readers },
        { "GET", $"api/memberships/{Membership}/history", CellAndAuditor },
        { "PUT", $"api/memberships/{Membership}/scope", [Cell] },
        { "POST", $"api/memberships/{Membership}/renewal", [Cell] },
        { "POST", $"api/memberships/{Membership}/end", [Cell] },
        { "GET", "api/deliveries?administration=OCMW", Everyone },
        { "GET", "api/deliveries", [Cell, Auditor, Ocmw, Finance] },
        { "GET", "api/deliveries?administration=GEMEENTE", CellAndAuditor },
        { "GET", "api/operations/deliveries/OCMW/failed", [Operator] },
        { "POST", "api/operations/deliveries/OCMW/failed/replay", [Operator] },
        { "POST", "api/operations/projections/rebuild", [Operator] },
        { "GET", "api/operations/parked", [Operator] },
        { "POST", "api/operations/parked/OCMW/resend", [Operator] },
        { "GET", "api/operations/configuration", [Operator] },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Each_role_gets_exactly_what_the_endpoint_allows(string method, string path, string[] allowed)
    {
        foreach (var user in Users)
        {
            var request = Write(new HttpMethod(method), path, method is "GET" or "DELETE" ? null : new { }, "\"0\"", actor: user);
            var response = await HostOf(path).SendAsync(request, Ct);
            if (allowed.Contains(user))
                response.StatusCode.ShouldNotBeOneOf([HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden], $"{user} {method} {path}");
            else
                (await CodeOfAsync(response, HttpStatusCode.Forbidden)).ShouldBe("not-allowed", $"{user} {method} {path}");
        }

        var anonymous = await HostOf(path).SendAsync(Write(new HttpMethod(method), path, null, null, actor: DevIssuerTokens.Anonymous), Ct);
        if (path.StartsWith("api/", StringComparison.Ordinal))
            (await CodeOfAsync(anonymous, HttpStatusCode.Unauthorized)).ShouldBe("not-signed-in");
        else // a page: the browser is sent to the identity provider to sign in, and nothing of the page is shown
            anonymous.RequestMessage!.RequestUri!.GetLeftPart(UriPartial.Path).ShouldBe(new Uri(TestIssuer.Address, "authorize").ToString());
    }

    /// <summary>The operator's endpoints are the worker's; every other one is the API's.</summary>
    private HttpClient HostOf(string path) => path.StartsWith("api/operations/", StringComparison.Ordinal) ? system.Worker : system.Api;

    [Fact]
    public void Every_endpoint_of_the_api_and_the_worker_names_its_policy_and_is_in_the_table()
    {
        var endpoints = new[] { system.ApiServices, system.WorkerServices }.SelectMany(s => s.GetRequiredService<EndpointDataSource>().Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal)).ToArray();

        endpoints.ShouldNotBeEmpty();
        foreach (var endpoint in endpoints)
            endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().ShouldContain(a => a.Policy != null, endpoint.RoutePattern.RawText);
        Endpoints.Count.ShouldBeGreaterThanOrEqualTo(endpoints.Length);
    }

    [Fact]
    public async Task A_tampered_token_a_token_of_another_signer_and_one_for_another_audience_are_refused()
    {
        var tokens = new DevIssuerTokens(TestIssuer.Address, TestUsers.Describe, Ocmw);
        var genuine = await tokens.TokenFor(Ocmw);
        // The payload now claims GEMEENTE; the signature is still the one made for OCMW.
        var parts = genuine.Split('.');
        var claims = Base64UrlEncoder.Decode(parts[1]).Replace("\"OCMW\"", "\"GEMEENTE\"");
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(claims)}.{parts[2]}";

        using var rsa = RSA.Create(2048);
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestIssuer.Address.ToString().TrimEnd('/'),
            Audience = Access.DefaultAudience,
            Subject = new ClaimsIdentity([new Claim(Access.NameClaim, "intruder"), new Claim(Access.RoleClaim, Access.Roles.PurchasingCell)]),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = "forged" }, SecurityAlgorithms.RsaSha256),
        });
        using var issuer = new HttpClient { BaseAddress = TestIssuer.Address };
        var otherAudience = (await (await issuer.PostAsJsonAsync("token", new DevTokenRequest(Cell, [Access.Roles.PurchasingCell], null, "some-other-api"), Ct))
            .Content.ReadFromJsonAsync<DevTokenResponse>(Ct))!.AccessToken;

        foreach (var token in new[] { tampered, forged, otherAudience })
        {
            var request = Write(HttpMethod.Put, $"api/tenders/{Tender}/lots/1/opt-ins/GEMEENTE", new { }, "\"0\"", actor: DevIssuerTokens.Anonymous);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            (await CodeOfAsync(await system.Api.SendAsync(request, Ct), HttpStatusCode.Unauthorized)).ShouldBe("not-signed-in");
        }
    }

    [Fact]
    public async Task An_attempt_to_act_for_another_administration_is_logged_with_who_tried()
    {
        var tender = new MealVoucherTender(system.Api);
        await tender.OpenWithTwoLotsAsync($"AX-{Guid.NewGuid():N}"[..20]);

        var request = Write(HttpMethod.Put, $"api/tenders/{tender.Id}/lots/1/opt-ins/GEMEENTE", new OptInRequest(1_000m, "0900/1"), tender.ETag, actor: Ocmw);
        var correlation = $"denied-{Guid.NewGuid():N}";
        request.Headers.Add("X-Correlation-Id", correlation);
        var response = await system.Api.SendAsync(request, Ct);

        (await CodeOfAsync(response, HttpStatusCode.Forbidden)).ShouldBe("not-allowed");
        // Logged with who tried what, in the request's scope: the correlation id leads from the answer to the log line.
        system.Warnings.All.ShouldContain(w => w.Message.Contains(Ocmw) && w.Message.Contains($"/api/tenders/{tender.Id}/lots/1/opt-ins/GEMEENTE")
            && w.Scopes.Contains($"CallerCorrelationId={correlation}"));
        var stored = await system.Api.GetFromJsonAsync<TenderView>($"api/tenders/{tender.Id}", Ct);
        stored!.Lots.Single(l => l.Number == 1).OptIns.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_administration_sees_its_own_figures_and_only_who_else_takes_part()
    {
        var tender = new MealVoucherTender(system.Api);
        var reference = $"AR-{Guid.NewGuid():N}"[..20];
        await tender.PublishedDemoAsync(reference);
        await tender.AwardAsync(1, 100_000.01m);

        var asOcmw = await system.Api.SendAsync(Write(HttpMethod.Get, $"api/tenders/{tender.Id}", null, null, actor: Ocmw), Ct);
        var seen = (await asOcmw.Content.ReadFromJsonAsync<TenderView>(Ct))!;
        var lot = seen.Lots.Single(l => l.Number == 1);
        lot.OptIns.ShouldAllBe(o => o.Administration == "OCMW");
        lot.OptIns.ShouldHaveSingleItem().BudgetLine.ShouldBe("0900/123-48");
        lot.Award!.Shares.Single(s => s.Administration == "GEMEENTE").BudgetLine.ShouldBeEmpty();
        lot.Award.Shares.Sum(s => s.AmountExclVat).ShouldBe(100_000.01m);
        var cityCell = seen.Matrix.Rows.Single(r => r.LotNumber == 1).Cells.Single(c => c.Administration == "GEMEENTE");
        cityCell.OptedIn.ShouldBeTrue();
        cityCell.EstimatedAmountExclVat.ShouldBeNull();
        seen.Totals.ShouldAllBe(t => t.Administration == "OCMW");

        // The cell sees everything, and an administration the tender does not involve does not see it at all.
        var full = (await system.Api.GetFromJsonAsync<TenderView>($"api/tenders/{tender.Id}", Ct))!;
        full.Lots.Single(l => l.Number == 1).OptIns.Select(o => o.Administration).ShouldBe(["GEMEENTE", "OCMW"], ignoreOrder: true);
        var outsider = await system.Api.SendAsync(Write(HttpMethod.Get, $"api/tenders/{tender.Id}", null, null, actor: TestUsers.Of("POLITIE")), Ct);
        outsider.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_finance_integration_sees_its_own_administrations_deliveries_only()
    {
        var tender = new MealVoucherTender(system.Api);
        await tender.PublishedDemoAsync($"AD-{Guid.NewGuid():N}"[..20]);
        await tender.AwardAsync(1, 100_000.01m);
        await system.EventuallyAsync(
            async () => (await system.Api.GetFromJsonAsync<DeliveryView[]>($"api/deliveries?tenderId={tender.Id}", Ct))!,
            d => d.Select(x => x.Administration).Distinct().Count() == 2);

        var response = await system.Api.SendAsync(Write(HttpMethod.Get, $"api/deliveries?tenderId={tender.Id}", null, null, actor: Finance), Ct);
        var own = (await response.Content.ReadFromJsonAsync<DeliveryView[]>(Ct))!;

        own.ShouldNotBeEmpty();
        own.ShouldAllBe(d => d.Administration == "OCMW");
        var cityMessage = (await system.Api.GetFromJsonAsync<DeliveryView[]>($"api/deliveries?tenderId={tender.Id}&administration=GEMEENTE", Ct))![0];
        (await system.Api.SendAsync(Write(HttpMethod.Get, $"api/deliveries/{cityMessage.MessageId}", null, null, actor: Finance), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_administration_naming_itself_in_a_body_still_cannot_take_the_cells_decisions()
    {
        // Its own code in the body changes nothing: recording a membership is the cell's, whoever it is for.
        var join = new JoinCentralRequest("OCMW", "RMW", "Raad voor Maatschappelijk Welzijn", new DateOnly(2026, 1, 5), "RMW/2026/1",
            new ScopeDto(["Papier"], null), new DateOnly(2027, 1, 1), null, 3);
        var response = await system.Api.SendAsync(Write(HttpMethod.Post, "api/memberships", join, null, actor: Ocmw), Ct);

        (await CodeOfAsync(response, HttpStatusCode.Forbidden)).ShouldBe("not-allowed");
        var award = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/tenders/{Tender}/lots/1/award",
            new AwardLotRequest("X", "0403.170.701", 100m, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31),
                [new ShareRequest("OCMW", 100m)]), "\"1\"", actor: Ocmw), Ct);
        (await CodeOfAsync(award, HttpStatusCode.Forbidden)).ShouldBe("not-allowed");
    }
}
