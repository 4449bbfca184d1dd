using System.Net;
using Aankopen.Contracts.Api.V1;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>
/// Each administration records its own decisions through the API; the award waits for the conditions, and each
/// finance system hears of its share once its own award decision is in force, and of nobody else's.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class DecisionApiTests(RunningSystem system)
{
    private static RecordDecisionRequest Conditions(string body) => new("Conditions", body, new DateOnly(2026, 11, 2), $"{body}/2026/7");

    private static RecordDecisionRequest AwardOf(int lot, string body) => new("Award", body, new DateOnly(2026, 11, 3), $"{body}/2026/9", lot);

    private async Task<TenderView> SendAsync(MealVoucherTender tender, string path, object body, HttpStatusCode expected = HttpStatusCode.OK, string? actor = null)
    {
        var response = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/tenders/{tender.Id}/{path}", body, tender.ETag, actor), Ct);
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync(Ct));
        var view = (await response.Content.ReadFromJsonAsync<TenderView>(Ct))!;
        tender.Carry(response.Headers.ETag!.ToString());
        return view;
    }

    [Fact]
    public async Task The_award_waits_for_each_council_and_each_finance_system_hears_of_its_share_after_its_own_award_decision()
    {
        var tender = new MealVoucherTender(system.Api);
        var reference = $"DA-{Guid.NewGuid():N}"[..20];
        var published = await tender.PublishedDemoAsync(reference);
        published.MissingDecisions!.Where(g => g.Kind == "Conditions").Select(g => g.Administration).ShouldBe(["GEMEENTE", "OCMW"]);

        await SendAsync(tender, "decisions/GEMEENTE", Conditions("MunicipalCouncil"));
        var refused = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/tenders/{tender.Id}/lots/1/award",
            new AwardLotRequest("Cheques & Co NV", MealVoucherTender.SupplierNumber, 100_000.01m, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)),
            tender.ETag, language: "fr"), Ct);
        var problem = await ProblemAsync(refused, HttpStatusCode.Conflict);
        problem.GetProperty("code").GetString().ShouldBe("decision-conditions-missing");
        problem.GetProperty("detail").GetString()!.ShouldContain("CPAS");

        await SendAsync(tender, "decisions/OCMW", Conditions("StandingBureau"));
        await SendAsync(tender, "decisions/GEMEENTE", AwardOf(1, "College"));
        var awarded = await tender.Step(a => a.AwardLotAsync(tender.Id, 1, tender.ETag, MealVoucherTender.Cell,
            new AwardLotRequest("Cheques & Co NV", MealVoucherTender.SupplierNumber, 100_000.01m, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31))));
        awarded.Lots.Single(l => l.Number == 1).Award!.AwaitingDecision.ShouldBe(["OCMW"]);
        awarded.MissingDecisions!.ShouldContain(g => g.Administration == "OCMW" && g.Kind == "Award" && g.LotNumber == 1 && g.Standing == null);

        // The city's commitment is booked; the OCMW's waits for its standing bureau.
        var city = await system.EventuallyAsync(() => OfTenderAsync("GEMEENTE", reference), b => b.Count >= 1);
        city.ShouldHaveSingleItem().BudgetLine.ShouldBe("0100/123-48");
        (await OfTenderAsync("OCMW", reference)).ShouldBeEmpty();

        var decided = await SendAsync(tender, "decisions/OCMW", AwardOf(1, "StandingBureau"));
        decided.Lots.Single(l => l.Number == 1).Award!.AwaitingDecision.ShouldBeEmpty();
        var ocmw = await system.EventuallyAsync(() => OfTenderAsync("OCMW", reference), b => b.Count >= 1);
        ocmw.ShouldHaveSingleItem().ShouldSatisfyAllConditions(b => b.BudgetLine.ShouldBe("0900/123-48"), b => b.AdministrationCode.ShouldBe("OCMW"));
        (await OfTenderAsync("GEMEENTE", reference)).ShouldHaveSingleItem();
        system.Ledgers.For("GEMEENTE").Rejections.ShouldBeEmpty();
        system.Ledgers.For("OCMW").Rejections.ShouldBeEmpty();

        var history = (await system.Api.GetFromJsonAsync<HistoryEntryView[]>($"api/tenders/{tender.Id}/history", Ct))!;
        history.Where(h => h.Event == "DecisionRecorded").Select(h => h.By)
            .ShouldBe([TestUsers.Of("GEMEENTE"), TestUsers.Of("OCMW"), TestUsers.Of("GEMEENTE"), TestUsers.Of("OCMW")]);
    }

    [Fact]
    public async Task An_administration_records_only_its_own_decisions_and_bad_input_writes_nothing()
    {
        var tender = new MealVoucherTender(system.Api);
        var view = await tender.PublishedDemoAsync($"DB-{Guid.NewGuid():N}"[..20]);

        // The OCMW's user cannot decide for the city.
        var forOther = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/tenders/{tender.Id}/decisions/GEMEENTE", Conditions("MunicipalCouncil"),
            tender.ETag, actor: TestUsers.Of("OCMW")), Ct);
        forOther.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        foreach (var (body, code, field) in new (object, string, string)[]
        {
            (new RecordDecisionRequest("Approval", "MunicipalCouncil", new DateOnly(2026, 11, 2), "X"), "decision-kind-invalid", "kind"),
            (new RecordDecisionRequest("Conditions", "StandingBureau", new DateOnly(2026, 11, 2), "X"), "decision-body-unfit", "body"),
            (new RecordDecisionRequest("Conditions", "MunicipalCouncil", new DateOnly(2099, 1, 1), "X"), "decision-date-future", "decidedOn"),
            (new RecordDecisionRequest("Conditions", "MunicipalCouncil", new DateOnly(2026, 11, 2), " "), "required", "reference"),
            (new RecordDecisionRequest("Award", "College", new DateOnly(2026, 11, 2), "X", 2), "decision-lot-not-taken", "lotNumber"),
        })
        {
            var response = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/tenders/{tender.Id}/decisions/GEMEENTE", body, tender.ETag), Ct);
            var problem = await ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
            problem.GetProperty("code").GetString().ShouldBe(code);
            problem.GetRawText().ShouldContain(field);
        }

        var after = await tender.Api.GetTenderAsync(tender.Id, Ct);
        after.Content!.Version.ShouldBe(view.Version);
        after.Content.Decisions.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_suspended_conditions_decision_blocks_the_award_until_the_governor_lifts_it()
    {
        var tender = new MealVoucherTender(system.Api);
        await tender.PublishedDemoAsync($"DS-{Guid.NewGuid():N}"[..20]);
        await SendAsync(tender, "decisions/GEMEENTE", Conditions("MunicipalCouncil"));
        var ocmw = await SendAsync(tender, "decisions/OCMW", Conditions("SocialWelfareCouncil"));
        var number = ocmw.Decisions!.Single(d => d.Administration == "OCMW").Number;

        // The city cannot touch the OCMW's decision, nor learn its number exists.
        var notTheirs = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/tenders/{tender.Id}/decisions/GEMEENTE/{number}/supervision",
            new SuperviseDecisionRequest("Suspended", new DateOnly(2026, 11, 20), "Gouverneur/88"), tender.ETag), Ct);
        (await CodeOfAsync(notTheirs, HttpStatusCode.NotFound)).ShouldBe("decision-not-found");

        var suspended = await SendAsync(tender, $"decisions/OCMW/{number}/supervision", new SuperviseDecisionRequest("Suspended", new DateOnly(2026, 11, 20), "Gouverneur/88"));
        suspended.Decisions!.Single(d => d.Number == number).Standing.ShouldBe("Suspended");
        suspended.MissingDecisions!.ShouldContain(g => g.Administration == "OCMW" && g.Kind == "Conditions" && g.Standing == "Suspended");
        var blocked = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/tenders/{tender.Id}/lots/1/award",
            new AwardLotRequest("Cheques & Co NV", MealVoucherTender.SupplierNumber, 1_000m, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)), tender.ETag), Ct);
        (await CodeOfAsync(blocked, HttpStatusCode.Conflict)).ShouldBe("decision-conditions-suspended");
        var again = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/tenders/{tender.Id}/decisions/OCMW/{number}/supervision",
            new SuperviseDecisionRequest("Suspended", new DateOnly(2026, 11, 21), "Gouverneur/89"), tender.ETag), Ct);
        (await CodeOfAsync(again, HttpStatusCode.Conflict)).ShouldBe("supervision-not-possible");
        var badAct = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/tenders/{tender.Id}/decisions/OCMW/{number}/supervision",
            new SuperviseDecisionRequest("Vetoed", new DateOnly(2026, 11, 21), "Gouverneur/89"), tender.ETag), Ct);
        (await CodeOfAsync(badAct, HttpStatusCode.UnprocessableEntity)).ShouldBe("supervision-act-invalid");
        // Lifted the day before it was suspended: refused, and the decision stays suspended.
        var liftedBefore = await system.Api.SendAsync(Write(HttpMethod.Post, $"api/tenders/{tender.Id}/decisions/OCMW/{number}/supervision",
            new SuperviseDecisionRequest("SuspensionLifted", new DateOnly(2026, 11, 19), "Gouverneur/90"), tender.ETag), Ct);
        (await CodeOfAsync(liftedBefore, HttpStatusCode.UnprocessableEntity)).ShouldBe("supervision-before-previous-act");

        await SendAsync(tender, $"decisions/OCMW/{number}/supervision", new SuperviseDecisionRequest("SuspensionLifted", new DateOnly(2026, 11, 25), "Gouverneur/90"));
        var awarded = await tender.AwardAsync(1, 1_000m);
        awarded.Lots.Single(l => l.Number == 1).Status.ShouldBe("Awarded");
    }

    private async Task<IReadOnlyList<Aankopen.Contracts.FinanceSystem.V1.CommitmentRequest>> OfTenderAsync(string administration, string reference) =>
        (await system.BookingsAsync(administration)).Where(b => b.Request.TenderReference == reference).Select(b => b.Request).ToArray();
}
