using System.Net;
using Aankopen.Contracts.Api.V1;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

[Collection(nameof(RunningSystem))]
public sealed class MembershipApiTests(RunningSystem system)
{
    private async Task<string> CentralAsync()
    {
        var code = $"CENTRAL-{Random.Shared.Next(100_000, 999_999)}";
        var response = await system.Api.SendAsync(Write(HttpMethod.Post, "api/centrals",
            new RegisterCentralRequest(code, "Federale aankoopcentrale", "Centrale d'achat fédérale", "0250.000.177", "Federal"), null), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return code;
    }

    private static JoinCentralRequest Joining(string central, string administration = "OCMW", DateOnly? start = null, DateOnly? end = null) => new(
        administration, central, "OCMW-raad", new DateOnly(2026, 9, 14), "RMW/2026/117", new ScopeDto(["Papier"], [30, 48]),
        start ?? new DateOnly(2027, 1, 1), end, 3);

    private async Task<(MembershipView View, string ETag)> JoinAsync(JoinCentralRequest request)
    {
        var response = await system.Api.SendAsync(Write(HttpMethod.Post, "api/memberships", request, null), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return ((await response.Content.ReadFromJsonAsync<MembershipView>(Ct))!, response.Headers.ETag!.ToString());
    }

    /// <summary>
    /// While a rebuild has not written a membership's record again, it is shown and changed from its events; an id of
    /// another kind of stream is still not found, as a membership nor as a tender.
    /// </summary>
    [Fact]
    public async Task A_membership_without_its_record_is_read_and_changed_from_its_events()
    {
        var (joined, etag) = await JoinAsync(Joining(await CentralAsync(), end: new DateOnly(2029, 12, 31)));
        var store = system.ApiServices.GetRequiredService<Marten.IDocumentStore>();
        await using (var session = store.LightweightSession(Aankopen.Edge.Tenancy.Tenants.Default))
        {
            session.Delete<Aankopen.Store.Memberships.MembershipRecord>(joined.Id);
            await session.SaveChangesAsync(Ct);
        }

        var shown = await system.Api.GetAsync($"api/memberships/{joined.Id}", Ct);
        shown.StatusCode.ShouldBe(HttpStatusCode.OK);
        shown.Headers.ETag!.ToString().ShouldBe(etag);
        System.Text.Json.JsonSerializer.Serialize(await shown.Content.ReadFromJsonAsync<MembershipView>(Ct)).ShouldBe(System.Text.Json.JsonSerializer.Serialize(joined));
        (await CodeOfAsync(await system.Api.GetAsync($"api/tenders/{joined.Id}", Ct), HttpStatusCode.NotFound)).ShouldBe("tender-not-found");

        var renewed = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/memberships/{joined.Id}/renewal",
            new RenewMembershipRequest(new DateOnly(2032, 12, 31), "RMW/2029/5"), etag), Ct);
        renewed.StatusCode.ShouldBe(HttpStatusCode.OK, await renewed.Content.ReadAsStringAsync(Ct));
        await using var query = store.QuerySession(Aankopen.Edge.Tenancy.Tenants.Default);
        (await query.LoadAsync<Aankopen.Store.Memberships.MembershipRecord>(joined.Id, Ct)).ShouldNotBeNull().State.End.ShouldBe(new DateOnly(2032, 12, 31));
    }

    [Fact]
    public async Task A_membership_is_joined_changed_renewed_ended_and_its_history_kept()
    {
        var central = await CentralAsync();
        var (joined, etag) = await JoinAsync(Joining(central, end: new DateOnly(2029, 12, 31)));
        joined.NoticeDeadline.ShouldBe(new DateOnly(2029, 9, 30));

        var scoped = await system.Api.SendAsync(Write(HttpMethod.Put, $"api/memberships/{joined.Id}/scope",
            new ChangeScopeRequest(new ScopeDto(["Papier", "Energie"], [9, 30]), "RMW/2027/3"), etag), Ct);
        scoped.StatusCode.ShouldBe(HttpStatusCode.OK);
        var renewed = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/memberships/{joined.Id}/renewal",
            new RenewMembershipRequest(new DateOnly(2032, 12, 31), "RMW/2029/5"), scoped.Headers.ETag!.ToString()), Ct);
        (await renewed.Content.ReadFromJsonAsync<MembershipView>(Ct))!.End.ShouldBe(new DateOnly(2032, 12, 31));
        var ended = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/memberships/{joined.Id}/end",
            new EndMembershipRequest(new DateOnly(2031, 12, 31), "Eigen raamcontract"), renewed.Headers.ETag!.ToString()), Ct);
        (await ended.Content.ReadFromJsonAsync<MembershipView>(Ct))!.ShouldSatisfyAllConditions(
            m => m.Terminated.ShouldBeTrue(), m => m.End.ShouldBe(new DateOnly(2031, 12, 31)), m => m.Scope.CpvDivisions!.ShouldBe([9, 30]));

        // Only the OCMW's finance system hears of the OCMW's membership: every change, in order, each once.
        var heard = await system.EventuallyAsync(
            () => Task.FromResult(system.Ledgers.For("OCMW").Memberships.All.Where(m => m.Request.MembershipId == joined.Id).ToArray()),
            m => m.Length == 4);
        heard.Select(m => m.Request.Change).ShouldBe(["Joined", "ScopeChanged", "Renewed", "Ended"]);
        heard[^1].Request.End.ShouldBe(new DateOnly(2031, 12, 31));
        system.Ledgers.For("GEMEENTE").Memberships.All.ShouldNotContain(m => m.Request.MembershipId == joined.Id);

        var history = (await system.Api.GetFromJsonAsync<HistoryEntryView[]>($"api/memberships/{joined.Id}/history", Ct))!;
        history.Select(h => h.Event).ShouldBe(["MembershipJoined", "MembershipScopeChanged", "MembershipRenewed", "MembershipEnded"]);
        history.ShouldAllBe(h => h.By == "tester@jette.example");

        var stale = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/memberships/{joined.Id}/end",
            new EndMembershipRequest(new DateOnly(2031, 12, 31), "x"), etag), Ct);
        await ProblemAsync(stale, HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task The_questions_people_ask_are_answered()
    {
        var central = await CentralAsync();
        var (ocmw, _) = await JoinAsync(Joining(central, end: new DateOnly(2027, 12, 31)));
        await JoinAsync(Joining(central, "GEMEENTE"));

        var paper = (await system.Api.GetFromJsonAsync<MayBuyView>($"api/memberships/may-buy?administration=OCMW&central={central}&on=2027-05-01&cpv=30197630-1", Ct))!;
        paper.ShouldSatisfyAllConditions(p => p.Allowed.ShouldBeTrue(), p => p.MembershipId.ShouldBe(ocmw.Id));
        var fuel = (await system.Api.GetFromJsonAsync<MayBuyView>($"api/memberships/may-buy?administration=OCMW&central={central}&on=2027-05-01&category=Brandstof", Ct))!;
        fuel.ShouldSatisfyAllConditions(p => p.Allowed.ShouldBeFalse(), p => p.Reason.ShouldContain("dekt dit niet"));
        var request = new HttpRequestMessage(HttpMethod.Get, $"api/memberships/may-buy?administration=OCMW&central={central}&on=2028-01-01&category=Papier");
        request.Headers.AcceptLanguage.ParseAdd("fr-BE");
        var expired = (await (await system.Api.SendAsync(request, Ct)).Content.ReadFromJsonAsync<MayBuyView>(Ct))!;
        expired.ShouldSatisfyAllConditions(p => p.Allowed.ShouldBeFalse(), p => p.Reason.ShouldContain("a pris fin le 31 décembre 2027"));

        (await system.Api.GetFromJsonAsync<MembershipView[]>($"api/centrals/{central}/members", Ct))!.Select(m => m.Administration).ShouldBe(["GEMEENTE", "OCMW"]);
        (await system.Api.GetFromJsonAsync<MembershipView[]>($"api/memberships?central={central}&endingFrom=2027-01-01&endingTo=2027-12-31", Ct))!
            .ShouldHaveSingleItem().Id.ShouldBe(ocmw.Id);
        (await system.Api.GetFromJsonAsync<MembershipView[]>("api/administrations/OCMW/memberships", Ct))!.ShouldContain(m => m.Id == ocmw.Id);
    }

    [Fact]
    public async Task Overlapping_or_invalid_memberships_are_refused_naming_the_field()
    {
        var central = await CentralAsync();
        await JoinAsync(Joining(central));

        var overlap = await system.Api.SendAsync(Write(HttpMethod.Post, "api/memberships", Joining(central, start: new DateOnly(2028, 1, 1)), null), Ct);
        (await CodeOfAsync(overlap, HttpStatusCode.Conflict)).ShouldBe("membership-overlaps");
        var invalid = await system.Api.SendAsync(Write(HttpMethod.Post, "api/memberships", Joining(central) with { Scope = new ScopeDto([], [99]), NoticeMonths = -1 }, null), Ct);
        var errors = (await ProblemAsync(invalid, HttpStatusCode.UnprocessableEntity)).GetProperty("errors");
        errors.TryGetProperty("scope.cpvDivisions", out _).ShouldBeTrue();
        errors.TryGetProperty("noticeMonths", out _).ShouldBeTrue();
        var noQuestion = await system.Api.GetAsync($"api/memberships/may-buy?administration=OCMW&central={central}", Ct);
        (await CodeOfAsync(noQuestion, HttpStatusCode.UnprocessableEntity)).ShouldBe("what-required");
        (await CodeOfAsync(await system.Api.GetAsync($"api/memberships/{Guid.NewGuid()}", Ct), HttpStatusCode.NotFound)).ShouldBe("membership-not-found");
        var duplicate = await system.Api.SendAsync(Write(HttpMethod.Post, "api/centrals",
            new RegisterCentralRequest(central, "x", "y", "0250.000.177", "Regional"), null), Ct);
        (await CodeOfAsync(duplicate, HttpStatusCode.Conflict)).ShouldBe("central-exists");
    }
}
