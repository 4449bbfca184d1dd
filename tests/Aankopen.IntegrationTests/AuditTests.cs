using System.Net;
using Aankopen.Contracts.Api.V1;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>Who did what, and which request it was, from the HTTP call to the finance message.</summary>
[Collection(nameof(RunningSystem))]
public sealed class AuditTests(RunningSystem system, Browsers browsers)
{
    [Fact]
    public async Task An_award_records_the_signed_in_user_and_the_requests_correlation_id_which_travel_to_the_finance_messages()
    {
        var tender = new MealVoucherTender(system.Api);
        await tender.PublishedDemoAsync($"AU-{Guid.NewGuid():N}"[..20]);
        await tender.DecideMissingAsync(2);
        var correlation = $"audit-{Guid.NewGuid():N}";

        var request = Write(HttpMethod.Post, $"api/tenders/{tender.Id}/lots/2/award",
            new AwardLotRequest("Cheques & Co NV", MealVoucherTender.SupplierNumber, 19_000m, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)),
            tender.ETag, actor: TestUsers.Cell);
        request.Headers.Add("X-Correlation-Id", correlation);
        var response = await system.Api.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        // The service's own id for the request, with the caller's beside it.
        var own = response.Headers.GetValues("X-Correlation-Id").Single();
        own.ShouldNotBe(correlation);
        response.Headers.GetValues("X-Caller-Correlation-Id").ShouldBe([correlation]);
        var history = (await system.Api.GetFromJsonAsync<HistoryEntryView[]>($"api/tenders/{tender.Id}/history", Ct))!;
        var award = history.Single(h => h.Event == "LotAwarded");
        award.By.ShouldBe(TestUsers.Cell);
        award.CorrelationId.ShouldBe(own);
        award.CallerCorrelationId.ShouldBe(correlation);
        // Earlier requests had ids of their own, never this one.
        history.Where(h => h.Event != "LotAwarded").ShouldAllBe(h => h.CorrelationId != own && !string.IsNullOrEmpty(h.CorrelationId));
        var deliveries = await system.EventuallyAsync(
            async () => (await system.Api.GetFromJsonAsync<DeliveryView[]>($"api/deliveries?tenderId={tender.Id}&administration=OCMW", Ct))!,
            d => d.Any(x => x.MessageType == "LotAwardedShare"));
        deliveries.Single(x => x.MessageType == "LotAwardedShare").CorrelationId.ShouldBe(own);
    }

    [Fact]
    public async Task A_correlation_id_that_is_not_usable_is_replaced_and_an_auditor_reads_the_history_but_changes_nothing()
    {
        var tender = new MealVoucherTender(system.Api);
        await tender.OpenWithTwoLotsAsync($"AV-{Guid.NewGuid():N}"[..20]);

        var request = Write(HttpMethod.Get, $"api/tenders/{tender.Id}/history", null, null, actor: TestUsers.Auditor);
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", "not usable: spaces & a ; semicolon");
        var read = await system.Api.SendAsync(request, Ct);

        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        read.Headers.GetValues("X-Correlation-Id").Single().ShouldMatch("^[A-Za-z0-9._:-]{1,64}$");
        (await read.Content.ReadFromJsonAsync<HistoryEntryView[]>(Ct))!.ShouldNotBeEmpty();
        var change = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/tenders/{tender.Id}/close-opt-in", null, tender.ETag, actor: TestUsers.Auditor), Ct);
        (await CodeOfAsync(change, HttpStatusCode.Forbidden)).ShouldBe("not-allowed");
    }

    [Fact]
    public async Task The_audit_page_shows_every_fact_with_who_and_the_correlation_id_in_dutch_or_french_for_auditors_only()
    {
        var tender = new MealVoucherTender(system.Api);
        await tender.OpenWithTwoLotsAsync($"AP-{Guid.NewGuid():N}"[..20]);
        var history = (await system.Api.GetFromJsonAsync<HistoryEntryView[]>($"api/tenders/{tender.Id}/history", Ct))!;

        // The web application's page, for a signed-in auditor: it asks the API for the history with the auditor's token.
        var auditor = await browsers.SignedInAsync(system.Site, TestUsers.Auditor);
        var dutch = await auditor.Context.APIRequest.GetAsync(new Uri(system.Site, $"audit/tenders/{tender.Id}").ToString());
        dutch.Status.ShouldBe(200);
        dutch.Headers["content-type"].ShouldStartWith("text/html");
        var page = await dutch.TextAsync();
        page.ShouldContain("<html lang=\"nl\">");
        page.ShouldContain("Geschiedenis van opdracht");
        foreach (var entry in history)
        {
            page.ShouldContain($"<th scope=\"row\">{entry.Event}</th>");
            page.ShouldContain(entry.CorrelationId!);
        }
        page.ShouldContain(MealVoucherTender.Cell);

        var french = await auditor.Context.APIRequest.GetAsync(new Uri(system.Site, $"audit/tenders/{tender.Id}?lang=fr").ToString());
        (await french.TextAsync()).ShouldContain("Historique du marché");
        var unknown = await auditor.Context.APIRequest.GetAsync(new Uri(system.Site, $"audit/memberships/{Guid.NewGuid()}").ToString());
        unknown.Status.ShouldBe(404);
        await auditor.Context.CloseAsync();

        var ocmw = await browsers.SignedInAsync(system.Site, TestUsers.Of("OCMW"));
        var asOcmw = await ocmw.Context.APIRequest.GetAsync(new Uri(system.Site, $"audit/tenders/{tender.Id}").ToString());
        asOcmw.Status.ShouldBe(403);
        (await asOcmw.TextAsync()).ShouldNotContain(MealVoucherTender.Cell);
        await ocmw.Context.CloseAsync();
    }
}
