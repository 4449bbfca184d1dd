using System.Net;
using Aankopen.Contracts.Api.V1;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>The city buys office supplies for its OCMW as purchasing central, through the API and to the OCMW's finance system.</summary>
[Collection(nameof(RunningSystem))]
public sealed class OnBehalfApiTests(RunningSystem system)
{
    [Fact]
    public async Task The_city_decides_and_awards_for_the_ocmw_which_orders_and_sees_that_it_buys_through_the_city()
    {
        var tender = new MealVoucherTender(system.Api);
        var reference = $"OB-{Guid.NewGuid():N}"[..20];
        await tender.OnBehalfOfTheOcmwAsync(reference, "Kantoorbenodigdheden", 20_000m, "0900/124-48");
        var published = await tender.CloseAndPublishAsync();
        published.Arrangement.ShouldBe("OnBehalf");
        published.MissingDecisions.ShouldNotBeNull().ShouldAllBe(g => g.Administration == "GEMEENTE");

        // The city's decisions are the ones that count; the OCMW's own are not asked.
        await tender.DecideAsync("GEMEENTE", "Conditions");
        await tender.DecideAsync("GEMEENTE", "Award", 1);
        var awarded = await tender.AwardFrameworkAsync(1, 20_000m);
        (awarded.Lots[0].Award!.AwaitingDecision ?? []).ShouldBeEmpty();
        var ceiling = await system.EventuallyAsync(async () => (await system.Simulator.GetFromJsonAsync<List<Aankopen.FinanceSimulator.Entry<Aankopen.Contracts.FinanceSystem.V1.FrameworkRequest>>>(
            "systems/OCMW/frameworks", RunningSystem.SimulatorJson, Ct))!.Where(f => f.Request.TenderReference == reference).ToArray(), f => f.Length == 1);
        ceiling[0].Request.AmountExclVat.ShouldBe(20_000m);
        (await tender.OrderAsync(1, "OCMW", 1_500m, "BB-OB-1")).Lots[0].Orders!.ShouldHaveSingleItem();

        // The OCMW, the city and the cell see it; the police zone, which takes no part, does not.
        foreach (var user in new[] { TestUsers.Of("OCMW"), TestUsers.Of("GEMEENTE"), TestUsers.Cell })
        {
            var through = await system.Api.AsAsync<BuyingThroughView[]>(user, HttpMethod.Get, "api/memberships/through?administration=OCMW");
            through.Single(t => t.TenderId == tender.Id).ShouldSatisfyAllConditions(t => t.Through.ShouldBe("GEMEENTE"), t => t.Reference.ShouldBe(reference));
        }
        var police = await system.Api.AsAsync<BuyingThroughView[]>(TestUsers.Of("POLITIE"), HttpMethod.Get, "api/memberships/through");
        police.ShouldNotContain(t => t.TenderId == tender.Id);

        var bad = await system.Api.SendAsync(Write(HttpMethod.Post, "api/tenders", MealVoucherTender.Opening($"OB-{Guid.NewGuid():N}"[..20]) with
        {
            Arrangement = "Centrale",
        }, null, actor: TestUsers.Cell), Ct);
        (await CodeOfAsync(bad, HttpStatusCode.UnprocessableEntity)).ShouldBe("arrangement-invalid");
        var alone = await system.Api.SendAsync(Write(HttpMethod.Post, "api/tenders", MealVoucherTender.Opening($"OB-{Guid.NewGuid():N}"[..20]) with
        {
            Arrangement = "OnBehalf",
            InvitedAdministrations = ["GEMEENTE"],
        }, null, actor: TestUsers.Cell), Ct);
        (await CodeOfAsync(alone, HttpStatusCode.UnprocessableEntity)).ShouldBe("on-behalf-of-nobody");
    }
}
