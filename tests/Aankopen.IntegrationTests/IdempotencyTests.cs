using System.Net;
using Aankopen.Contracts.Api.V1;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>A client that did not get its answer sends the same request again; the change must happen once.</summary>
[Collection(nameof(RunningSystem))]
public sealed class IdempotencyTests(RunningSystem system)
{
    [Fact]
    public async Task Opening_twice_with_the_same_key_opens_one_tender()
    {
        var key = Guid.NewGuid().ToString();
        var request = MealVoucherTender.Opening($"ID-{Guid.NewGuid():N}"[..20]);

        var first = await system.Api.SendAsync(Write(HttpMethod.Post, "api/tenders", request, null, idempotencyKey: key), Ct);
        var again = await system.Api.SendAsync(Write(HttpMethod.Post, "api/tenders", request, null, idempotencyKey: key), Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await first.Content.ReadFromJsonAsync<TenderView>(Ct))!.Id;
        (await again.Content.ReadFromJsonAsync<TenderView>(Ct))!.Id.ShouldBe(id);
        (await system.Api.GetFromJsonAsync<HistoryEntryView[]>($"api/tenders/{id}/history", Ct))!.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_reference_names_one_tender()
    {
        var request = MealVoucherTender.Opening($"UQ-{Guid.NewGuid():N}"[..20]);
        (await system.Api.SendAsync(Write(HttpMethod.Post, "api/tenders", request, null), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var second = await system.Api.SendAsync(Write(HttpMethod.Post, "api/tenders", request, null), Ct);

        (await CodeOfAsync(second, HttpStatusCode.Conflict)).ShouldBe("reference-taken");
    }

    [Fact]
    public async Task A_retried_write_with_its_key_is_answered_without_applying_it_again()
    {
        var tender = new MealVoucherTender(system.Api);
        var view = await tender.OpenWithTwoLotsAsync($"RT-{Guid.NewGuid():N}"[..20]);
        var key = Guid.NewGuid().ToString();
        var optIn = new OptInRequest(1_000m, "0900/123-48");

        var first = await system.Api.SendAsync(Write(HttpMethod.Put, $"api/tenders/{view.Id}/lots/1/opt-ins/OCMW", optIn, tender.ETag, idempotencyKey: key), Ct);
        var retry = await system.Api.SendAsync(Write(HttpMethod.Put, $"api/tenders/{view.Id}/lots/1/opt-ins/OCMW", optIn, tender.ETag, idempotencyKey: key), Ct);
        var otherKey = await system.Api.SendAsync(Write(HttpMethod.Put, $"api/tenders/{view.Id}/lots/1/opt-ins/OCMW", optIn, tender.ETag, idempotencyKey: "other"), Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        retry.Headers.ETag!.ToString().ShouldBe(first.Headers.ETag!.ToString());
        await ProblemAsync(otherKey, HttpStatusCode.PreconditionFailed);
        (await system.Api.GetFromJsonAsync<HistoryEntryView[]>($"api/tenders/{view.Id}/history", Ct))!.Count(h => h.Event == "OptedIn").ShouldBe(1);
    }
}
