using System.Net;
using System.Text.Json;
using Aankopen.Client;
using Aankopen.Contracts.Api.V1;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

[Collection(nameof(RunningSystem))]
public sealed class TenderApiTests(RunningSystem system)
{
    private async Task<(Guid Id, string ETag)> OpenAsync()
    {
        var tender = new MealVoucherTender(system.Api);
        var view = await tender.OpenWithTwoLotsAsync($"AC-{Guid.NewGuid():N}"[..20]);
        return (view.Id, tender.ETag);
    }

    [Fact]
    public async Task Administrations_are_listed_with_names_in_both_languages()
    {
        var list = await system.Api.GetFromJsonAsync<List<AdministrationView>>("api/administrations", Ct);

        list.ShouldNotBeNull().Select(a => a.Code).ShouldContain("GEMEENTE");
        var ocmw = list.Single(a => a.Code == "OCMW");
        ocmw.NameFr.ShouldBe("CPAS de Jette");
        ocmw.FinanceRoutingKey.ShouldBe("OCMW");
    }

    [Fact]
    public async Task A_tender_is_read_back_with_its_version_as_etag()
    {
        var (id, etag) = await OpenAsync();

        var response = await system.Api.GetAsync($"api/tenders/{id}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.ETag!.ToString().ShouldBe(etag);
        var view = (await response.Content.ReadFromJsonAsync<TenderView>(Ct))!;
        view.Version.ShouldBe(3);
        view.Subject.ShouldBe("Supplies");
        view.Lots.Select(l => l.Number).ShouldBe([1, 2]);
    }

    [Fact]
    public async Task A_write_without_if_match_is_428_and_changes_nothing()
    {
        var (id, etag) = await OpenAsync();

        var response = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/tenders/{id}/close-opt-in", null, ifMatch: null), Ct);

        (await ProblemAsync(response, HttpStatusCode.PreconditionRequired)).GetProperty("code").GetString().ShouldBe("if-match-required");
        (await system.Api.GetAsync($"api/tenders/{id}", Ct)).Headers.ETag!.ToString().ShouldBe(etag);
    }

    [Fact]
    public async Task A_write_on_a_stale_version_is_412_with_the_current_etag()
    {
        var (id, etag) = await OpenAsync();

        var response = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/tenders/{id}/close-opt-in", null, ifMatch: "\"1\""), Ct);

        await ProblemAsync(response, HttpStatusCode.PreconditionFailed);
        response.Headers.ETag!.ToString().ShouldBe(etag);
    }

    [Fact]
    public async Task Two_officers_writing_on_the_same_version_cannot_both_win()
    {
        var (id, etag) = await OpenAsync();
        var optIn = new OptInRequest(1_000m, "0900/123-48");

        var responses = await Task.WhenAll(
            system.Api.SendAsync(Write(HttpMethod.Put, $"api/tenders/{id}/lots/1/opt-ins/OCMW", optIn, etag), Ct),
            system.Api.SendAsync(Write(HttpMethod.Put, $"api/tenders/{id}/lots/2/opt-ins/OCMW", optIn, etag), Ct));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed).ShouldBe(1);
        var view = (await system.Api.GetFromJsonAsync<TenderView>($"api/tenders/{id}", Ct))!;
        view.Version.ShouldBe(4);
        view.Lots.Sum(l => l.OptIns.Count).ShouldBe(1);
    }

    [Fact]
    public async Task Invalid_input_is_422_with_every_problem_per_field_in_french_when_asked()
    {
        var request = MealVoucherTender.Opening("AC-INVALID") with { MainCpv = "3019", InvitedAdministrations = ["GEMEENTE", "NOBODY"] };

        var response = await system.Api.SendAsync(Write(HttpMethod.Post, "api/tenders", request, null, language: "fr-BE"), Ct);

        var problem = await ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        var errors = problem.GetProperty("errors");
        errors.GetProperty("mainCpv")[0].GetString()!.ShouldContain("n'est pas un code de la liste CPV 2008");
        errors.GetProperty("invitedAdministrations")[0].GetString()!.ShouldContain("NOBODY");
    }

    [Fact]
    public async Task An_unknown_procedure_is_422_naming_the_choices()
    {
        var request = MealVoucherTender.Opening("AC-PROC") with { Procedure = "Lottery" };

        var response = await system.Api.SendAsync(Write(HttpMethod.Post, "api/tenders", request, null), Ct);

        (await ProblemAsync(response, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()!.ShouldContain("NegotiatedWithoutPriorPublication");
    }

    [Fact]
    public async Task A_write_without_a_signed_in_user_is_refused()
    {
        var response = await system.Api.SendAsync(Write(HttpMethod.Post, "api/tenders", MealVoucherTender.Opening("AC-ANON"), null, actor: DevIssuerTokens.Anonymous), Ct);

        (await ProblemAsync(response, HttpStatusCode.Unauthorized)).GetProperty("code").GetString().ShouldBe("not-signed-in");
        response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
    }

    [Fact]
    public async Task Unreadable_json_is_400_problem_details_not_500()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/tenders") { Content = new StringContent("{\"reference\": ", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Aankopen-Actor", "tester");

        var response = await system.Api.SendAsync(request, Ct);

        (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("code").GetString().ShouldBe("request-unreadable");
    }

    [Fact]
    public async Task An_unknown_tender_is_404()
    {
        var response = await system.Api.GetAsync($"api/tenders/{Guid.NewGuid()}", Ct);

        (await ProblemAsync(response, HttpStatusCode.NotFound)).GetProperty("code").GetString().ShouldBe("tender-not-found");
    }

    [Fact]
    public async Task Opting_in_after_the_close_is_409_and_awarding_a_dropped_lot_is_409()
    {
        var tender = new MealVoucherTender(system.Api);
        var view = await tender.OpenWithTwoLotsAsync($"AC-{Guid.NewGuid():N}"[..20]);
        await tender.OptInAsync(1, "OCMW", 5_000m, "0900/123-48");
        var closed = await tender.CloseAsync();
        closed.Lots.Single(l => l.Number == 2).Status.ShouldBe("Dropped");
        await tender.PublishAsync();

        var late = await system.Api.SendAsync(Write(HttpMethod.Put, $"api/tenders/{view.Id}/lots/1/opt-ins/GEMEENTE",
            new OptInRequest(1_000m, "0100/123-48"), tender.ETag), Ct);
        (await ProblemAsync(late, HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("opt-in-closed");

        var award = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/tenders/{view.Id}/lots/2/award",
            new AwardLotRequest("X NV", MealVoucherTender.SupplierNumber, 1_000m, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)), tender.ETag), Ct);
        (await ProblemAsync(award, HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("lot-dropped");
    }

    [Fact]
    public async Task A_write_that_prefers_a_minimal_answer_gets_the_new_version_without_the_tender()
    {
        var (id, etag) = await OpenAsync();
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage OptIn()
        {
            var request = Write(HttpMethod.Put, $"api/tenders/{id}/lots/1/opt-ins/OCMW", new OptInRequest(2_500m, "0900/123-48"), etag, idempotencyKey: key);
            request.Headers.TryAddWithoutValidation("Prefer", "handling=lenient, return=minimal");
            return request;
        }

        var minimal = await system.Api.SendAsync(OptIn(), Ct);
        // The same request again, as a client that never got the answer sends it: answered the same way, applied once.
        var retried = await system.Api.SendAsync(OptIn(), Ct);

        minimal.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await minimal.Content.ReadAsByteArrayAsync(Ct)).ShouldBeEmpty();
        minimal.Headers.GetValues("Preference-Applied").ShouldBe(["return=minimal"]);
        var version = minimal.Headers.ETag!.ToString();
        version.ShouldNotBe(etag);
        retried.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        retried.Headers.ETag!.ToString().ShouldBe(version);
        var read = await system.Api.GetAsync($"api/tenders/{id}", Ct);
        read.Headers.ETag!.ToString().ShouldBe(version);
        var optIn = (await read.Content.ReadFromJsonAsync<TenderView>(Ct))!.Lots.Single(l => l.Number == 1).OptIns.ShouldHaveSingleItem();
        optIn.EstimatedAmountExclVat.ShouldBe(2_500m);
        (await system.Api.GetFromJsonAsync<HistoryEntryView[]>($"api/tenders/{id}/history", Ct))!.Count(h => h.Event == "OptedIn").ShouldBe(1);
    }

    [Fact]
    public async Task The_api_describes_itself_with_openapi_and_a_browsable_reference()
    {
        var document = await system.Api.GetFromJsonAsync<JsonElement>("openapi/v1.json", Ct);
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/tenders/{tenderId}/lots/{lotNumber}/award", "/api/tenders/{tenderId}/history", "/api/administrations/{code}/participations" })
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
        var example = document.GetProperty("components").GetProperty("schemas").GetProperty("OpenTenderRequest").GetProperty("examples")[0];
        example.GetProperty("mainCpv").GetString().ShouldBe("30199770-8");

        var reference = await system.Api.GetAsync("scalar", Ct);
        reference.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reference.Content.ReadAsStringAsync(Ct)).ShouldContain("openapi/v1.json");
    }
}
