using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing.Patterns;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>
/// No answer shows an administration another one's estimate, quantity or budget line, nor anything of a tender it takes
/// no part in: every endpoint and page of the running service (the list is read from the service itself, so a new one
/// without a row here fails), as each kind of caller that is not the city, for reads and writes alike, with
/// <c>Prefer: return=minimal</c>, with a stale If-Match and with the city's own Idempotency-Key.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class LeakMatrixTests(RunningSystem system, Browsers browsers)
{
    private static readonly string Ocmw = TestUsers.Of("OCMW");

    /// <summary>The OCMW's figures, as the city must never read them; also the sum of both estimates.</summary>
    private static readonly string[] OcmwSecrets = ["111.11", "111,11", "222.22", "222,22", "EIGEN-517", "888.88", "888,88"];

    /// <summary>
    /// Each caller that is not the cell or an auditor, with the figures it must never read: the OCMW's people and its
    /// finance integration the city's, the city's people the OCMW's, the operator and an outsider both.
    /// </summary>
    private static (string User, string[] Secrets)[] Readers =>
    [
        (Ocmw, CitySecrets), (TestUsers.FinanceOf("OCMW"), CitySecrets), (TestUsers.Of("GEMEENTE"), OcmwSecrets),
        (TestUsers.Operator, [.. CitySecrets, .. OcmwSecrets]), (TestUsers.Of("POLITIE"), [.. CitySecrets, .. OcmwSecrets]),
    ];

    /// <summary>
    /// The city's figures, as JSON, CSV (decimal comma) or a page writes them; also the sum of both estimates, from
    /// which the city's follows, and the award of a tender only the city takes part in.
    /// </summary>
    private static readonly string[] CitySecrets = ["777.77", "777,77", "343.43", "343,43", "GEHEIM-913", "888.88", "888,88", "543.21", "543,21", "ALLEEN-STAD"];

    private const string CityLine = "GEM/GEHEIM-913", OcmwLine = "OCMW/EIGEN-517";

    /// <summary>How each endpoint is called, by its method and route as the service lists it; null: it returns no tender data.</summary>
    private delegate Task<HttpRequestMessage?> Call(Tenders t, string user, Variant variant);

    public enum Variant { Plain, Minimal, StaleIfMatch, CitysIdempotencyKey }

    private static Call Get(Func<Tenders, string> path) => (t, user, _) => Task.FromResult<HttpRequestMessage?>(Write(HttpMethod.Get, path(t), null, null, actor: user));

    private static Call Send(HttpMethod method, Func<Tenders, string> path, object? body) => async (t, user, variant) =>
    {
        var p = path(t);
        var etag = variant == Variant.StaleIfMatch ? "\"1\"" : await t.ETagOfAsync(p);
        var request = Write(method, p, body, etag, actor: user, idempotencyKey: variant == Variant.CitysIdempotencyKey ? t.CityKey : null);
        if (variant == Variant.Minimal)
            request.Headers.Add("Prefer", "return=minimal");
        return request;
    };

    private static readonly Call None = (_, _, _) => Task.FromResult<HttpRequestMessage?>(null);

    private static readonly Dictionary<string, Call> Endpoints = new()
    {
        ["POST api/tenders"] = Send(HttpMethod.Post, _ => "api/tenders", MealVoucherTender.Opening($"LK-{Guid.NewGuid():N}"[..20])),
        ["GET api/tenders"] = Get(_ => "api/tenders?pageSize=200"),
        ["GET api/tenders/{tenderId:guid}"] = Get(t => $"api/tenders/{t.Joint}"),
        ["GET api/tenders/{tenderId:guid}/ocds/releases"] = Get(t => $"api/tenders/{t.CityOnly}/ocds/releases"),
        ["GET api/tenders/{tenderId:guid}/ocds/record"] = Get(t => $"api/tenders/{t.Joint}/ocds/record"),
        ["GET api/tenders/{tenderId:guid}/history"] = Get(t => $"api/tenders/{t.Joint}/history"),
        ["POST api/tenders/{tenderId:guid}/open-opt-in"] = Send(HttpMethod.Post, t => $"api/tenders/{t.Open}/open-opt-in", null),
        ["POST api/tenders/{tenderId:guid}/lots"] = Send(HttpMethod.Post, t => $"api/tenders/{t.Open}/lots", MealVoucherTender.Lot("Extra", 1_000m)),
        ["PUT api/tenders/{tenderId:guid}/lots/{lotNumber:int}"] = Send(HttpMethod.Put, t => $"api/tenders/{t.Open}/lots/2", MealVoucherTender.Lot("Anders", 2_000m)),
        ["DELETE api/tenders/{tenderId:guid}/lots/{lotNumber:int}"] = Send(HttpMethod.Delete, t => $"api/tenders/{t.Open}/lots/2", null),
        ["PUT api/tenders/{tenderId:guid}/lots/{lotNumber:int}/opt-ins/{administration}"] =
            Send(HttpMethod.Put, t => $"api/tenders/{t.Open}/lots/1/opt-ins/OCMW", new Aankopen.Contracts.Api.V1.OptInRequest(1_111.11m, OcmwLine)),
        ["DELETE api/tenders/{tenderId:guid}/lots/{lotNumber:int}/opt-ins/{administration}"] = Send(HttpMethod.Delete, t => $"api/tenders/{t.Open}/lots/2/opt-ins/OCMW", null),
        ["POST api/tenders/{tenderId:guid}/close-opt-in"] = Send(HttpMethod.Post, t => $"api/tenders/{t.Open}/close-opt-in", null),
        ["POST api/tenders/{tenderId:guid}/publication"] = Send(HttpMethod.Post, t => $"api/tenders/{t.Joint}/publication", new { }),
        ["POST api/tenders/{tenderId:guid}/lots/{lotNumber:int}/award"] = Send(HttpMethod.Post, t => $"api/tenders/{t.Joint}/lots/2/award", new { }),
        ["POST api/tenders/{tenderId:guid}/lots/{lotNumber:int}/not-awarded"] = Send(HttpMethod.Post, t => $"api/tenders/{t.Joint}/lots/2/not-awarded", new { }),
        ["POST api/tenders/{tenderId:guid}/cancellation"] = Send(HttpMethod.Post, t => $"api/tenders/{t.Joint}/cancellation", new { }),
        ["POST api/tenders/{tenderId:guid}/lots/{lotNumber:int}/termination"] = Send(HttpMethod.Post, t => $"api/tenders/{t.Joint}/lots/1/termination", new { }),
        ["POST api/tenders/{tenderId:guid}/lots/{lotNumber:int}/renewal"] = Send(HttpMethod.Post, t => $"api/tenders/{t.Joint}/lots/1/renewal", null),
        ["POST api/tenders/{tenderId:guid}/lots/{lotNumber:int}/non-renewal"] = Send(HttpMethod.Post, t => $"api/tenders/{t.Joint}/lots/1/non-renewal", new { }),
        ["POST api/tenders/{tenderId:guid}/lots/{lotNumber:int}/renewal/declines/{administration}"] =
            Send(HttpMethod.Post, t => $"api/tenders/{t.Joint}/lots/1/renewal/declines/OCMW", null),
        ["POST api/tenders/{tenderId:guid}/decisions/{administration}"] = Send(HttpMethod.Post, t => $"api/tenders/{t.Joint}/decisions/OCMW",
            new Aankopen.Contracts.Api.V1.RecordDecisionRequest("Award", "StandingBureau", new DateOnly(2026, 11, 2), "VB/1", 2)),
        ["POST api/tenders/{tenderId:guid}/decisions/{administration}/{number:int}/supervision"] = Send(HttpMethod.Post,
            t => $"api/tenders/{t.Joint}/decisions/OCMW/2/supervision", new Aankopen.Contracts.Api.V1.SuperviseDecisionRequest("Suspended", new DateOnly(2026, 11, 3), "G/1")),
        ["POST api/tenders/{tenderId:guid}/lots/{lotNumber:int}/orders/{administration}"] = Send(HttpMethod.Post, t => $"api/tenders/{t.Joint}/lots/1/orders/OCMW",
            new Aankopen.Contracts.Api.V1.PlaceOrderRequest(new DateOnly(2027, 2, 1), "BB/1", 10m)),
        ["POST api/tenders/{tenderId:guid}/lots/{lotNumber:int}/ceilings/{administration}"] = Send(HttpMethod.Post, t => $"api/tenders/{t.Joint}/lots/1/ceilings/OCMW",
            new Aankopen.Contracts.Api.V1.RaiseShareRequest(10m, "Meer")),
        ["GET api/renewals"] = Get(_ => "api/renewals?from=2027-01-01&to=2028-12-31"),
        ["GET api/cpv"] = Get(_ => "api/cpv?q=maaltijd"),
        ["GET api/administrations/{code}/participations"] = Get(_ => "api/administrations/OCMW/participations"),
        ["GET api/administrations/{code}/participations.csv"] = Get(_ => "api/administrations/OCMW/participations.csv"),
        ["GET api/exports/shares.csv"] = Get(_ => $"api/exports/shares.csv?year={DateTime.UtcNow.Year}"),
        ["GET api/reports/synergies/{year:int}"] = Get(_ => $"api/reports/synergies/{DateTime.UtcNow.Year}"),
        ["GET api/reports/synergies/{year:int}.csv"] = Get(_ => $"api/reports/synergies/{DateTime.UtcNow.Year}.csv"),
        ["GET api/deliveries"] = Get(_ => "api/deliveries"),
        ["GET api/deliveries/{messageId:guid}"] = Get(t => $"api/deliveries/{t.CityMessage}"),
        // Administrations, centrals and memberships carry no tender figures; the operator's verbs answer with counts.
        // The planned measures are the cell's plans in words: no administration's figures.
        ["GET api/reports/measures"] = None,
        ["POST api/reports/measures"] = None,
        ["POST api/reports/measures/{id:guid}/closing"] = None,
        ["GET api/administrations"] = None,
        ["GET api/administrations/{code}"] = None,
        ["POST api/administrations"] = None,
        ["PUT api/administrations/{code}"] = None,
        ["GET api/centrals"] = None,
        ["POST api/centrals"] = None,
        ["GET api/centrals/{code}/members"] = None,
        ["GET api/administrations/{code}/memberships"] = None,
        ["POST api/memberships"] = None,
        ["GET api/memberships"] = None,
        ["GET api/memberships/may-buy"] = None,
        ["GET api/memberships/through"] = Get(_ => "api/memberships/through"),
        ["GET api/memberships/{membershipId:guid}"] = None,
        ["GET api/memberships/{membershipId:guid}/history"] = None,
        ["PUT api/memberships/{membershipId:guid}/scope"] = None,
        ["POST api/memberships/{membershipId:guid}/renewal"] = None,
        ["POST api/memberships/{membershipId:guid}/end"] = None,
        ["GET api/operations/deliveries/{administration}/failed"] = None,
        ["POST api/operations/deliveries/{administration}/failed/replay"] = None,
        ["POST api/operations/projections/rebuild"] = None,
        ["GET api/operations/parked"] = None,
        ["POST api/operations/parked/{administration}/resend"] = None,
        ["GET api/operations/configuration"] = None,
    };

    /// <summary>The web application's pages, each asked with every handler that shows data; null: it shows none.</summary>
    private static readonly Dictionary<string, Func<Tenders, string[]>?> Pages = new(StringComparer.OrdinalIgnoreCase)
    {
        [""] = _ => [""],
        ["Index"] = _ => ["Index"],
        ["tenders"] = _ => ["tenders"],
        ["Tenders/Index"] = _ => ["Tenders/Index"],
        ["tenders/{id:guid}"] = t => [$"tenders/{t.Joint}", $"tenders/{t.CityOnly}", $"tenders/{t.Open}"],
        ["tenders/new"] = _ => ["tenders/new"],
        ["administrations/{code}"] = _ => ["administrations/OCMW", "administrations/OCMW?handler=Csv", "administrations/GEMEENTE"],
        ["renewals"] = _ => ["renewals?from=2027-01-01&to=2028-12-31"],
        ["memberships"] = _ => ["memberships"],
        ["reports"] = _ => ["reports", "reports?handler=Html", "reports?handler=Csv", "reports?handler=Docx"],
        ["SignOut"] = null,
        ["audit/tenders/{tenderId:guid}"] = t => [$"audit/tenders/{t.Joint}", $"audit/tenders/{t.CityOnly}"],
        ["audit/memberships/{membershipId:guid}"] = null,
    };

    [Fact]
    public void Every_endpoint_and_page_of_the_service_has_a_row()
    {
        var listed = new[] { system.ApiServices, system.WorkerServices }.SelectMany(s => s.GetRequiredService<EndpointDataSource>().Endpoints).OfType<RouteEndpoint>().ToArray();
        var api = listed.Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not null && Raw(e.RoutePattern).StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {Raw(e.RoutePattern)}")).Distinct().ToArray();
        // The web application's Razor pages and its audit pages.
        var pages = system.WebServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null || Raw(e.RoutePattern).StartsWith("audit/", StringComparison.Ordinal))
            .Select(e => Raw(e.RoutePattern)).Distinct().ToArray();

        api.ShouldNotBeEmpty();
        pages.ShouldNotBeEmpty();
        api.Where(k => !Endpoints.ContainsKey(k)).ShouldBeEmpty("endpoints without a row in LeakMatrixTests.Endpoints");
        pages.Where(k => !Pages.ContainsKey(k)).ShouldBeEmpty("pages without a row in LeakMatrixTests.Pages");
    }

    private static string Raw(RoutePattern pattern) => pattern.RawText!.Trim('/');

    public static TheoryData<string> EndpointRows => new(Endpoints.Keys);

    [Theory]
    [MemberData(nameof(EndpointRows))]
    public async Task No_answer_of_an_endpoint_carries_another_administrations_figures(string endpoint)
    {
        var tenders = await Tenders.OnceAsync(system);
        foreach (var (user, secrets) in Readers)
            foreach (var variant in Enum.GetValues<Variant>())
            {
                if (await Endpoints[endpoint](tenders, user, variant) is not { } request)
                    return;
                var response = await (endpoint.Contains(" api/operations/", StringComparison.Ordinal) ? system.Worker : system.Api).SendAsync(request, Ct);
                var body = await TextOfAsync(response);
                // Nor may a browser or a proxy keep any answer, for the next person at that desk to read.
                (response.Headers.CacheControl?.NoStore ?? false).ShouldBeTrue($"{user} {variant} {request.Method} {request.RequestUri}: Cache-Control {response.Headers.CacheControl}");
                foreach (var secret in secrets)
                    body.ShouldNotContain(secret, Case.Sensitive, $"{user} {variant} {request.Method} {request.RequestUri}: {(int)response.StatusCode} {body}");
            }
    }

    [Fact]
    public async Task The_ocmw_sees_its_own_figures_where_the_city_sees_its_own()
    {
        // The matrix above would pass on a service that shows nobody anything: the OCMW's own figures are there.
        var tenders = await Tenders.OnceAsync(system);
        foreach (var path in new[] { $"api/tenders/{tenders.Joint}", $"api/tenders/{tenders.Open}" })
        {
            var asOcmw = await TextOfAsync(await system.Api.SendAsync(Write(HttpMethod.Get, path, null, null, actor: Ocmw), Ct));
            asOcmw.ShouldContain(OcmwLine);
            var asCity = await TextOfAsync(await system.Api.SendAsync(Write(HttpMethod.Get, path, null, null, actor: TestUsers.Of("GEMEENTE")), Ct));
            asCity.ShouldContain(CityLine);
            asCity.ShouldNotContain(OcmwLine);
        }
    }

    [Fact]
    public async Task No_page_shows_one_administration_the_others_figures()
    {
        var tenders = await Tenders.OnceAsync(system);
        var site = system.Site;
        foreach (var (person, secrets) in Readers.Where(r => r.User != TestUsers.FinanceOf("OCMW") && r.User != TestUsers.Of("POLITIE")))
        {
            var page = await browsers.SignedInAsync(site, person);
            foreach (var path in Pages.Values.OfType<Func<Tenders, string[]>>().SelectMany(p => p(tenders)))
            {
                var response = await page.Context.APIRequest.GetAsync(new Uri(site, path).ToString());
                var body = Readable(await response.BodyAsync(), response.Headers.GetValueOrDefault("content-type", ""));
                response.Headers.GetValueOrDefault("cache-control", "").ShouldContain("no-store", Case.Sensitive, $"{person} {path}");
                foreach (var secret in secrets)
                    body.ShouldNotContain(secret, Case.Sensitive, $"{person} {path}: {response.Status}");
            }
            await page.Context.CloseAsync();
        }
    }

    private static async Task<string> TextOfAsync(HttpResponseMessage response) =>
        Readable(await response.Content.ReadAsByteArrayAsync(Ct), response.Content.Headers.ContentType?.MediaType ?? "");

    /// <summary>A Word document is a zip: its text is inside.</summary>
    private static string Readable(byte[] body, string contentType)
    {
        if (!contentType.Contains("officedocument", StringComparison.Ordinal))
            return Encoding.UTF8.GetString(body);
        using var zip = new ZipArchive(new MemoryStream(body));
        return string.Concat(zip.Entries.Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }

    /// <summary>
    /// The tenders the matrix reads and writes, made once for the run: <see cref="Joint"/> awarded and running with the
    /// city's and the OCMW's figures, <see cref="Open"/> open for opt-in with both opted in, <see cref="CityOnly"/> the
    /// city's alone, awarded.
    /// </summary>
    public sealed record Tenders(HttpClient Api, Guid Joint, Guid Open, Guid CityOnly, string CityKey, Guid CityMessage)
    {
        private static Task<Tenders>? made;
        private static readonly SemaphoreSlim Once = new(1, 1);

        public static async Task<Tenders> OnceAsync(RunningSystem system)
        {
            await Once.WaitAsync(Ct);
            try
            {
                return await (made ??= MakeAsync(system));
            }
            finally
            {
                Once.Release();
            }
        }

        public async Task<string> ETagOfAsync(string path)
        {
            if (path.Split('/') is not [_, _, var id, ..] || !Guid.TryParse(id, out _))
                return "\"0\"";
            var response = await Api.SendAsync(Write(HttpMethod.Get, $"api/tenders/{id}", null, null, actor: TestUsers.Cell), Ct);
            return response.Headers.ETag?.Tag ?? "\"0\"";
        }

        private static async Task<Tenders> MakeAsync(RunningSystem system)
        {
            var cityKey = $"city-{Guid.NewGuid():N}";
            var joint = new MealVoucherTender(system.Api);
            await joint.OpenWithTwoLotsAsync($"LJ-{Guid.NewGuid():N}"[..20]);
            await CityOptsInAsync(system, joint, cityKey);
            await joint.Step(api => api.OptInAsync(joint.Id, 1, "OCMW", joint.ETag, Ocmw, new(1_111.11m, OcmwLine, 12m)));
            await joint.Step(api => api.OptInAsync(joint.Id, 2, "OCMW", joint.ETag, Ocmw, new(2_222.22m, OcmwLine)));
            await joint.CloseAndPublishAsync();
            await joint.AwardAsync(1, 10_000m);

            var open = new MealVoucherTender(system.Api);
            await open.OpenWithTwoLotsAsync($"LO-{Guid.NewGuid():N}"[..20]);
            await CityOptsInAsync(system, open, null);
            await open.Step(api => api.OptInAsync(open.Id, 1, "OCMW", open.ETag, Ocmw, new(1_111.11m, OcmwLine)));
            await open.Step(api => api.OptInAsync(open.Id, 2, "OCMW", open.ETag, Ocmw, new(2_222.22m, OcmwLine)));

            var cityOnly = new MealVoucherTender(system.Api);
            cityOnly.Resume(await cityOnly.Api.OpenTenderAsync(TestUsers.Cell,
                MealVoucherTender.Opening($"LS-{Guid.NewGuid():N}"[..20]) with { InvitedAdministrations = ["GEMEENTE"], TitleNl = "ALLEEN-STAD" }));
            await cityOnly.Step(api => api.AddLotAsync(cityOnly.Id, cityOnly.ETag, TestUsers.Cell, MealVoucherTender.Lot("Stad", 9_000m)));
            await CityOptsInAsync(system, cityOnly, null);
            await cityOnly.CloseAndPublishAsync();
            await cityOnly.AwardAsync(1, 6_543.21m);

            var cityMessage = await system.EventuallyAsync(
                async () => await system.Api.AsAsync<Aankopen.Contracts.Api.V1.DeliveryView[]>(TestUsers.Cell, HttpMethod.Get, $"api/deliveries?tenderId={joint.Id}&administration=GEMEENTE"),
                d => d.Length > 0);
            return new Tenders(system.Api, joint.Id, open.Id, cityOnly.Id, cityKey, cityMessage[0].MessageId);
        }

        /// <summary>The city into lot 1 with all its secrets, with an Idempotency-Key the matrix then tries as someone else.</summary>
        private static async Task CityOptsInAsync(RunningSystem system, MealVoucherTender tender, string? key)
        {
            var response = await system.Api.SendAsync(Write(HttpMethod.Put, $"api/tenders/{tender.Id}/lots/1/opt-ins/GEMEENTE",
                new Aankopen.Contracts.Api.V1.OptInRequest(7_777.77m, CityLine, 4_343.43m), tender.ETag, actor: TestUsers.Of("GEMEENTE"), idempotencyKey: key), Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
            await tender.Step(api => api.GetTenderAsync(tender.Id));
        }
    }
}
