using System.Net;
using System.Text.Json;
using Aankopen.Contracts.Api.V1;
using Aankopen.IntegrationTests.Pages;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>
/// The attacks of a security test on a running instance, each replayed as it was made: where a sign-in or a language
/// switch sends the browser, whose write an Idempotency-Key replays, whose request an event is filed under, and what a
/// membership's id opens as a tender.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class OutsideAttackTests(RunningSystem system)
{
    private Uri Site => system.Site;

    [Theory]
    [InlineData("//evil.example/tenders?x=1", "/")]
    [InlineData("///evil.example/tenders", "/")]
    [InlineData("/tenders?q=papier", "/tenders?q=papier")]
    public async Task A_sign_in_returns_the_browser_to_a_page_of_this_site_only(string asked, string back)
    {
        using var browser = new SignInOverHttp();

        var landed = await browser.SignInAsync(Site.GetLeftPart(UriPartial.Authority) + asked, TestUsers.Cell);

        landed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        SignInOverHttp.LocationOf(landed).ShouldBe(back);
    }

    [Theory]
    [InlineData("/\\evil.example", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/%09/evil.example", "/")]
    [InlineData("/.%2F%2Fevil.example", "/")]
    [InlineData("/é", "/%C3%A9")]
    [InlineData("/\uFF0Fevil.example", "/%EF%BC%8Fevil.example")]
    [InlineData("/tenders?q=1", "/tenders?q=1")]
    public async Task The_language_switch_returns_to_a_page_of_this_site_only(string returnUrl, string back)
    {
        using var browser = new SignInOverHttp();

        var switched = await browser.GetAsync(new Uri(Site, $"language/fr?returnUrl={Uri.EscapeDataString(returnUrl)}"));

        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        SignInOverHttp.LocationOf(switched).ShouldBe(back);
        browser.Cookies["aankopen.lang"].ShouldBe("fr");
    }

    [Theory]
    [InlineData("")]
    [InlineData("?state=x")]
    [InlineData("?error=access_denied")]
    [InlineData("?code=forged&state=forged")]
    public async Task A_sign_in_callback_without_a_sign_in_behind_it_is_a_page_saying_so(string query)
    {
        using var browser = new SignInOverHttp();

        var callback = await browser.GetAsync(new Uri(Site, "signin-oidc" + query));

        callback.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await callback.Content.ReadAsStringAsync(Ct)).ShouldContain("Aanmelden mislukt");
    }

    [Fact]
    public async Task A_sign_out_link_from_another_site_signs_nobody_out()
    {
        using var browser = new SignInOverHttp();
        await browser.SignInAsync(new Uri(Site, "reports").ToString(), TestUsers.Auditor);

        var link = await browser.GetAsync(new Uri(Site, "signout-oidc"));

        link.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await browser.GetAsync(new Uri(Site, "reports"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("W/\"4\"")]
    [InlineData("garbage")]
    public async Task A_tender_one_may_not_see_is_not_found_whatever_the_if_match(string ifMatch)
    {
        var opened = await system.Api.SendAsync(Write(HttpMethod.Post, "api/tenders",
            MealVoucherTender.Opening($"IM-{Guid.NewGuid():N}"[..20]) with { InvitedAdministrations = ["GEMEENTE"] }, null), Ct);
        var id = (await opened.Content.ReadFromJsonAsync<TenderView>(Ct))!.Id;

        var response = await system.Api.SendAsync(Write(HttpMethod.Put, $"api/tenders/{id}/lots/1/opt-ins/OCMW", new OptInRequest(1m, "0900/1"), ifMatch), Ct);

        (await CodeOfAsync(response, HttpStatusCode.NotFound)).ShouldBe("tender-not-found");
    }

    [Fact]
    public async Task An_idempotency_key_replays_only_the_same_callers_same_request()
    {
        var tender = new MealVoucherTender(system.Api);
        var view = await tender.OpenWithTwoLotsAsync($"IK-{Guid.NewGuid():N}"[..20]);
        var (key, before) = (Guid.NewGuid().ToString(), tender.ETag);
        var city = TestUsers.Of("GEMEENTE");
        var citysOptIn = new OptInRequest(777.77m, "GEM/GEHEIM-1");
        HttpRequestMessage OptIn(string administration, OptInRequest body, string user, int lot = 1) =>
            Write(HttpMethod.Put, $"api/tenders/{view.Id}/lots/{lot}/opt-ins/{administration}", body, before, actor: user, idempotencyKey: key);

        var first = await system.Api.SendAsync(OptIn("GEMEENTE", citysOptIn, city), Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);

        // The OCMW, invited to the same tender, sends the city's key with the version the city wrote on.
        var ocmw = await system.Api.SendAsync(OptIn("OCMW", new OptInRequest(1m, "OCMW/1"), TestUsers.Of("OCMW")), Ct);
        var otherBody = await system.Api.SendAsync(OptIn("GEMEENTE", citysOptIn with { BudgetLine = "GEM/ANDER" }, city), Ct);
        var otherRoute = await system.Api.SendAsync(OptIn("GEMEENTE", citysOptIn, city, lot: 2), Ct);
        var retry = await system.Api.SendAsync(OptIn("GEMEENTE", citysOptIn, city), Ct);

        (await ProblemAsync(ocmw, HttpStatusCode.PreconditionFailed)).ToString().ShouldNotContain("777.77");
        await ProblemAsync(otherBody, HttpStatusCode.PreconditionFailed);
        await ProblemAsync(otherRoute, HttpStatusCode.PreconditionFailed);
        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        retry.Headers.ETag!.ToString().ShouldBe(first.Headers.ETag!.ToString());
        (await system.Api.GetFromJsonAsync<HistoryEntryView[]>($"api/tenders/{view.Id}/history", Ct))!.Count(h => h.Event == "OptedIn").ShouldBe(1);
    }

    [Fact]
    public async Task An_opening_is_replayed_for_the_same_caller_and_body_only()
    {
        var key = Guid.NewGuid().ToString();
        var opening = MealVoucherTender.Opening($"IO-{Guid.NewGuid():N}"[..20]);
        HttpRequestMessage Open(OpenTenderRequest body, string user) => Write(HttpMethod.Post, "api/tenders", body, null, actor: user, idempotencyKey: key);

        var first = await system.Api.SendAsync(Open(opening, TestUsers.Cell), Ct);
        var byAnother = await system.Api.SendAsync(Open(opening, "tester@jette.example"), Ct);
        var otherBody = await system.Api.SendAsync(Open(opening with { Reference = $"IP-{Guid.NewGuid():N}"[..20] }, TestUsers.Cell), Ct);
        var retry = await system.Api.SendAsync(Open(opening, TestUsers.Cell), Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        // Someone else's request under the same key is a request of its own: here it meets the reference already taken.
        (await CodeOfAsync(byAnother, HttpStatusCode.Conflict)).ShouldBe("reference-taken");
        (await CodeOfAsync(otherBody, HttpStatusCode.UnprocessableEntity)).ShouldBe("idempotency-key-reused");
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await retry.Content.ReadFromJsonAsync<TenderView>(Ct))!.Id.ShouldBe((await first.Content.ReadFromJsonAsync<TenderView>(Ct))!.Id);
    }

    [Fact]
    public async Task A_caller_cannot_file_its_change_under_another_requests_correlation_id()
    {
        var tender = new MealVoucherTender(system.Api);
        var view = await tender.OpenWithTwoLotsAsync($"CO-{Guid.NewGuid():N}"[..20]);
        var cells = (await system.Api.GetFromJsonAsync<HistoryEntryView[]>($"api/tenders/{view.Id}/history", Ct))!.Last().CorrelationId!;

        var request = Write(HttpMethod.Put, $"api/tenders/{view.Id}/lots/1/opt-ins/OCMW", new OptInRequest(10m, "0900/1"), tender.ETag);
        request.Headers.Add("X-Correlation-Id", cells);
        // Nor through the trace context a caller may send (the server traces requests, as with telemetry on).
        request.Headers.Add("traceparent", $"00-{cells.PadRight(32, '0')[..32]}-0123456789abcdef-01");
        using var tracing = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(tracing);
        // A client that sends the trace context it was given, none of its own.
        using var caller = new HttpClient(new Aankopen.Client.DevIssuerTokens(TestIssuer.Address, TestUsers.Describe, TestUsers.Cell,
            new SocketsHttpHandler { ActivityHeadersPropagator = null }))
        { BaseAddress = system.Api.BaseAddress };
        var response = await caller.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var own = response.Headers.GetValues("X-Correlation-Id").Single();
        own.ShouldNotBe(cells);
        response.Headers.GetValues("X-Caller-Correlation-Id").ShouldBe([cells]);
        var history = (await system.Api.GetFromJsonAsync<JsonElement[]>($"api/tenders/{view.Id}/history", Ct))!;
        var optIn = history.Single(h => h.GetProperty("event").GetString() == "OptedIn");
        optIn.GetProperty("correlationId").GetString().ShouldBe(own);
        optIn.GetProperty("callerCorrelationId").GetString().ShouldBe(cells);
        history.Where(h => h.GetProperty("correlationId").GetString() == cells).ShouldAllBe(h => h.GetProperty("by").GetString() == MealVoucherTender.Cell);
    }

    [Theory]
    [InlineData("api/tenders/{0}/ocds/record")]
    [InlineData("api/tenders/{0}/ocds/releases")]
    [InlineData("api/tenders/{0}/history")]
    [InlineData("api/tenders/{0}")]
    public async Task A_memberships_id_is_no_tender(string path)
    {
        var (_, membership) = await JoinedMembership.OfOcmwAsync(system);

        var response = await system.Api.SendAsync(Write(HttpMethod.Get, string.Format(path, membership.Id), null, null, actor: TestUsers.Auditor), Ct);

        (await CodeOfAsync(response, HttpStatusCode.NotFound)).ShouldBe("tender-not-found");
    }
}
