using System.Net;
using Aankopen.Contracts.Api.V1;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;
using static Aankopen.IntegrationTests.RunningSystem;

namespace Aankopen.IntegrationTests;

/// <summary>
/// Two municipalities in one deployment: neither sees the other's tenders, administrations, read models or
/// deliveries through the API, and finance messages reach only the connector of the right municipality.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class TenancyTests(RunningSystem system)
{
    private Task<T> AsAsync<T>(string user, HttpMethod method, string path, object? body = null, string? etag = null) =>
        system.Api.AsAsync<T>(user, method, path, body, etag);

    /// <summary>The second municipality's own tender, from opening to award of its one lot to its city.</summary>
    private async Task<TenderView> OtherMunicipalitysAwardedTenderAsync(string reference)
    {
        var opened = await system.Api.SendAsync(Write(HttpMethod.Post, "api/tenders", new OpenTenderRequest(reference, "Kantoorpapier", "Papier de bureau",
            "30197630-1", "Open", OtherCity, [OtherCity, OtherOcmw], DateTimeOffset.UtcNow.AddDays(14)), null, actor: TestUsers.OtherCell), Ct);
        opened.StatusCode.ShouldBe(HttpStatusCode.Created, await opened.Content.ReadAsStringAsync(Ct));
        var view = (await opened.Content.ReadFromJsonAsync<TenderView>(Ct))!;
        var path = $"api/tenders/{view.Id}";
        view = await AsAsync<TenderView>(TestUsers.OtherCell, HttpMethod.Post, $"{path}/lots", MealVoucherTender.Lot("Papier", 50_000m), $"\"{view.Version}\"");
        view = await AsAsync<TenderView>(TestUsers.OfOther(OtherCity), HttpMethod.Put, $"{path}/lots/1/opt-ins/{OtherCity}", new OptInRequest(40_000m, "MB/0100"), $"\"{view.Version}\"");
        view = await AsAsync<TenderView>(TestUsers.OtherCell, HttpMethod.Post, $"{path}/close-opt-in", null, $"\"{view.Version}\"");
        view = await AsAsync<TenderView>(TestUsers.OtherCell, HttpMethod.Post, $"{path}/publication",
            new PublishTenderRequest("BDA-MB-1", Aankopen.Domain.BrusselsCalendar.DateOf(DateTimeOffset.UtcNow)), $"\"{view.Version}\"");
        foreach (var (kind, lot) in new[] { ("Conditions", (int?)null), ("Award", 1) })
            view = await AsAsync<TenderView>(TestUsers.OfOther(OtherCity), HttpMethod.Post, $"{path}/decisions/{OtherCity}",
                new RecordDecisionRequest(kind, "Other", new DateOnly(2026, 11, 2), $"MB/{kind}", lot, BodyName: "Gemeenteraad"), $"\"{view.Version}\"");
        return await AsAsync<TenderView>(TestUsers.OtherCell, HttpMethod.Post, $"{path}/lots/1/award",
            new AwardLotRequest("Papier NV", MealVoucherTender.SupplierNumber, 38_000m, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)), $"\"{view.Version}\"");
    }

    [Fact]
    public async Task A_municipality_sees_none_of_anothers_tenders_administrations_or_deliveries()
    {
        var jette = new MealVoucherTender(system.Api);
        var reference = $"TN-{Guid.NewGuid():N}"[..20];
        await jette.AwardedDemoAsync(reference);

        var list = await AsAsync<PageView<TenderSummaryView>>(TestUsers.OtherCell, HttpMethod.Get, $"api/tenders?q={reference}");
        list.Items.ShouldBeEmpty();
        (await system.Api.SendAsync(Write(HttpMethod.Get, $"api/tenders/{jette.Id}", null, null, actor: TestUsers.OtherCell), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await system.Api.SendAsync(Write(HttpMethod.Get, $"api/tenders/{jette.Id}/history", null, null, actor: TestUsers.OtherCell), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var cancel = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/tenders/{jette.Id}/cancellation", new { reason = "Niet van ons" }, jette.ETag, actor: TestUsers.OtherCell), Ct);
        cancel.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await system.Api.GetFromJsonAsync<TenderView>($"api/tenders/{jette.Id}", Ct))!.Status.ShouldNotBe("Cancelled");

        var administrations = await AsAsync<AdministrationView[]>(TestUsers.OtherCell, HttpMethod.Get, "api/administrations");
        administrations.Select(a => a.Code).ShouldBe([OtherCity, OtherOcmw], ignoreOrder: true);
        var deliveries = await AsAsync<DeliveryView[]>(TestUsers.OtherCell, HttpMethod.Get, $"api/deliveries?tenderId={jette.Id}");
        deliveries.ShouldBeEmpty();
    }

    [Fact]
    public async Task Each_municipality_has_its_own_references_codes_read_models_and_finance_connector()
    {
        var reference = $"TS-{Guid.NewGuid():N}"[..20];
        // Jette uses the reference first; Molenbeek may use it too.
        await new MealVoucherTender(system.Api).OpenWithTwoLotsAsync(reference);
        var awarded = await OtherMunicipalitysAwardedTenderAsync(reference);
        awarded.Lots.Single().Award!.Shares.ShouldHaveSingleItem().Administration.ShouldBe(OtherCity);

        // Booked by Molenbeek's own connector at its city's finance system, and by nobody in Jette.
        var booked = await system.EventuallyAsync(
            () => Task.FromResult(system.Ledgers.For(OtherCity).Commitments.All.Where(c => c.Request.TenderReference == reference).ToArray()),
            c => c.Length == 1);
        booked[0].Request.AdministrationCode.ShouldBe(OtherCity);
        booked[0].Request.AmountExclVat.ShouldBe(38_000m);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        foreach (var code in Administrations)
            system.Ledgers.For(code).Commitments.All.ShouldNotContain(c => c.Request.AdministrationCode == OtherCity);

        // The read models answer per municipality: Molenbeek's city sees its participation, Jette's list does not.
        var year = await system.EventuallyAsync(
            () => AsAsync<AdministrationYearView>(TestUsers.OfOther(OtherCity), HttpMethod.Get, $"api/administrations/{OtherCity}/participations"),
            y => y.Participations.Any(p => p.Reference == reference));
        year.Participations.ShouldAllBe(p => p.Reference != null);
        var jetteList = (await system.Api.GetFromJsonAsync<PageView<TenderSummaryView>>($"api/tenders?q={reference}", Ct))!;
        jetteList.Items.ShouldHaveSingleItem().LeadAdministration.ShouldBe("GEMEENTE");
        var molenbeekDeliveries = await AsAsync<DeliveryView[]>(TestUsers.OtherCell, HttpMethod.Get, $"api/deliveries?tenderId={awarded.Id}");
        molenbeekDeliveries.ShouldNotBeEmpty();
        molenbeekDeliveries.ShouldAllBe(d => d.Administration == OtherCity);
    }

    [Fact]
    public async Task A_token_for_a_municipality_this_deployment_does_not_serve_gets_nothing()
    {
        var read = await system.Api.SendAsync(Write(HttpMethod.Get, "api/tenders", null, null, actor: TestUsers.UnknownTenantCell), Ct);
        (await CodeOfAsync(read, HttpStatusCode.Forbidden)).ShouldBe("not-allowed");
        var write = await system.Api.SendAsync(Write(HttpMethod.Post, "api/tenders", MealVoucherTender.Opening("TU-1"), null, actor: TestUsers.UnknownTenantCell), Ct);
        (await CodeOfAsync(write, HttpStatusCode.Forbidden)).ShouldBe("not-allowed");
    }
}
