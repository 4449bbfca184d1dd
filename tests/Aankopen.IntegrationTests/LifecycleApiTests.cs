using System.Net;
using Aankopen.Client;
using Aankopen.Contracts.Api.V1;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>Every write endpoint of a tender's life, in the order a purchasing cell meets them, on real PostgreSQL.</summary>
[Collection(nameof(RunningSystem))]
public sealed class LifecycleApiTests(RunningSystem system)
{
    private const string Cell = MealVoucherTender.Cell;

    [Fact]
    public async Task A_draft_is_prepared_opened_filled_closed_published_awarded_and_ended()
    {
        var tender = new MealVoucherTender(system.Api);
        var api = tender.Api;
        var reference = $"DR-{Guid.NewGuid():N}"[..20];

        var opened = await api.OpenTenderAsync(Cell, MealVoucherTender.Opening(reference) with { Draft = true, Subject = "Supplies" }, ct: Ct);
        (await Task.FromResult(opened).OrThrowAsync()).Status.ShouldBe("Draft");
        tender.Resume(opened);

        await tender.Step(a => a.AddLotAsync(tender.Id, tender.ETag, Cell, MealVoucherTender.Lot("Papier", 10_000m)));
        await tender.Step(a => a.AddLotAsync(tender.Id, tender.ETag, Cell, MealVoucherTender.Lot("Elektronisch", 90_000m)));
        await tender.Step(a => a.AddLotAsync(tender.Id, tender.ETag, Cell, MealVoucherTender.Lot("Vergissing", 1m)));
        var changed = await tender.Step(a => a.ChangeLotAsync(tender.Id, 2, tender.ETag, Cell,
            MealVoucherTender.Lot("Elektronische maaltijdcheques", 95_000m) with { VatRate = 6m }));
        changed.Lots.Single(l => l.Number == 2).ShouldSatisfyAllConditions(
            l => l.Title.ShouldBe("Elektronische maaltijdcheques"), l => l.VatRate.ShouldBe(6m), l => l.Terms.TotalMonths.ShouldBe(48));
        var removed = await tender.Step(a => a.RemoveLotAsync(tender.Id, 3, tender.ETag, Cell));
        removed.Lots.Select(l => l.Number).ShouldBe([1, 2]);

        var open = await tender.Step(a => a.OpenOptInAsync(tender.Id, tender.ETag, Cell));
        open.Status.ShouldBe("OpenForOptIn");

        await tender.Step(a => a.OptInAsync(tender.Id, 2, "GEMEENTE", tender.ETag, "gemeente@jette.example", new OptInRequest(60_000m, "0131/123-48")));
        await tender.Step(a => a.OptInAsync(tender.Id, 2, "OCMW", tender.ETag, "ocmw@jette.example", new OptInRequest(null, "0900/123-48", 400m)));
        await tender.Step(a => a.OptInAsync(tender.Id, 1, "OCMW", tender.ETag, "ocmw@jette.example", new OptInRequest(5_000m, "0900/1")));
        var withdrawn = await tender.Step(a => a.WithdrawOptInAsync(tender.Id, 1, "OCMW", tender.ETag, "ocmw@jette.example"));
        withdrawn.Lots.Single(l => l.Number == 1).OptIns.ShouldBeEmpty();
        var ocmwCell = withdrawn.Matrix.Rows.Single(r => r.LotNumber == 2).Cells.Single(c => c.Administration == "OCMW");
        ocmwCell.ShouldSatisfyAllConditions(c => c.OptedIn.ShouldBeTrue(), c => c.EstimatedQuantity.ShouldBe(400m), c => c.EstimatedAmountExclVat.ShouldBeNull());

        var closed = await tender.CloseAsync();
        closed.Lots.Single(l => l.Number == 1).Status.ShouldBe("Dropped");
        var published = await tender.PublishAsync();
        published.ShouldSatisfyAllConditions(p => p.Status.ShouldBe("Published"), p => p.PublicationReference.ShouldBe("BDA-2026-500123"));

        // Amount and quantity were mixed, so the purchasing cell gives the shares itself.
        await tender.DecideMissingAsync(2);
        var awarded = await tender.Step(a => a.AwardLotAsync(tender.Id, 2, tender.ETag, Cell, new AwardLotRequest(
            "Sodexo Pass France", "FR40303265045", 92_000m, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31),
            [new ShareRequest("GEMEENTE", 61_333.33m), new ShareRequest("OCMW", 30_666.67m)])));
        var award = awarded.Lots.Single(l => l.Number == 2).Award.ShouldNotBeNull();
        award.SupplierId.ShouldBe("FR40303265045");
        award.Shares.Sum(s => s.AmountInclVat).ShouldBe(award.AmountInclVat);
        award.AmountInclVat.ShouldBe(97_520m);
        awarded.Totals.Single(t => t.Administration == "OCMW").AwardedExclVat.ShouldBe(30_666.67m);

        var terminated = await tender.Step(a => a.TerminateLotAsync(tender.Id, 2, tender.ETag, Cell,
            new TerminateLotRequest(new DateOnly(2027, 6, 30), "Leverancier failliet")));
        terminated.Lots.Single(l => l.Number == 2).ShouldSatisfyAllConditions(
            l => l.Status.ShouldBe("Terminated"), l => l.TerminatedOn.ShouldBe(new DateOnly(2027, 6, 30)), l => l.Ending.ShouldBe("Leverancier failliet"));

        var history = await Task.FromResult(await api.GetHistoryAsync(tender.Id, Ct)).OrThrowAsync();
        history.Select(h => h.Event).ShouldBe(
        [
            "TenderOpened", "LotAdded", "LotAdded", "LotAdded", "LotChanged", "LotRemoved", "OptInOpened", "OptedIn", "OptedIn", "OptedIn",
            "OptInWithdrawn", "OptInClosed", "TenderPublished", "DecisionRecorded", "DecisionRecorded", "DecisionRecorded", "DecisionRecorded", "LotAwarded", "LotTerminated",
        ]);
        history.Select(h => h.Version).ShouldBe(Enumerable.Range(1, 19).Select(v => (long)v));
        history.Single(h => h.Event == "OptInWithdrawn").By.ShouldBe("ocmw@jette.example");
        history.ShouldAllBe(h => h.By.Length > 0 && h.At > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task A_lot_is_declared_not_awarded_and_another_tender_is_cancelled()
    {
        var first = new MealVoucherTender(system.Api);
        await first.OpenWithTwoLotsAsync($"NA-{Guid.NewGuid():N}"[..20]);
        await first.OptInAsync(1, "OCMW", 1_000m, "0900/1");
        await first.CloseAndPublishAsync();
        var notAwarded = await first.Step(a => a.DeclareLotNotAwardedAsync(first.Id, 1, first.ETag, Cell, new ReasonRequest("Geen regelmatige offerte")));
        notAwarded.Lots.Single(l => l.Number == 1).ShouldSatisfyAllConditions(l => l.Status.ShouldBe("NotAwarded"), l => l.Ending.ShouldBe("Geen regelmatige offerte"));

        var second = new MealVoucherTender(system.Api);
        await second.OpenWithTwoLotsAsync($"CA-{Guid.NewGuid():N}"[..20]);
        var cancelled = await second.Step(a => a.CancelTenderAsync(second.Id, second.ETag, Cell, new ReasonRequest("Budget niet goedgekeurd")));
        cancelled.ShouldSatisfyAllConditions(c => c.Status.ShouldBe("Cancelled"), c => c.CancellationReason.ShouldBe("Budget niet goedgekeurd"));

        var late = await system.Api.SendAsync(Write(HttpMethod.Put, $"api/tenders/{second.Id}/lots/1/opt-ins/OCMW",
            new OptInRequest(1m, "0900/1"), second.ETag), Ct);
        (await CodeOfAsync(late, HttpStatusCode.Conflict)).ShouldBe("tender-cancelled");
    }

    [Fact]
    public async Task A_procedure_that_does_not_fit_the_estimate_is_shown_as_a_warning()
    {
        var tender = new MealVoucherTender(system.Api);
        var opened = await tender.Api.OpenTenderAsync(Cell, MealVoucherTender.Opening($"WA-{Guid.NewGuid():N}"[..20]) with { Procedure = "AcceptedInvoice" }, ct: Ct);
        tender.Resume(opened);

        var view = await tender.Step(a => a.AddLotAsync(tender.Id, tender.ETag, Cell, MealVoucherTender.Lot("Te groot", 45_000m)));

        // 45,000 a year for one year and three renewals: 180,000 over the whole duration, against the 30,000 of art. 92.
        view.EstimatedFullDurationExclVat.ShouldBe(180_000m);
        view.Lots.ShouldHaveSingleItem().EstimatedFullDurationExclVat.ShouldBe(180_000m);
        var warning = view.Warnings.ShouldHaveSingleItem();
        warning.Code.ShouldBe("procedure-threshold-exceeded");
        warning.Nl.ShouldContain("180.000,00 euro");
        warning.Fr.ShouldContain("facture acceptée");
    }

    [Fact]
    public async Task A_lot_is_not_awarded_to_one_of_the_tenders_own_administrations_nor_for_another_period_without_a_reason()
    {
        var tender = new MealVoucherTender(system.Api);
        await tender.PublishedDemoAsync($"SP-{Guid.NewGuid():N}"[..20]);
        await tender.DecideMissingAsync(1);
        HttpRequestMessage Award(string supplier, DateOnly end, string? reason = null) => Write(HttpMethod.Post, $"api/tenders/{tender.Id}/lots/1/award",
            new AwardLotRequest("OCMW Jette", supplier, 100_000m, new DateOnly(2027, 1, 1), end, PeriodDifferenceReason: reason), tender.ETag);

        var toTheOcmw = await system.Api.SendAsync(Award("BE0212000131", new DateOnly(2027, 12, 31)), Ct);
        var longer = await system.Api.SendAsync(Award(MealVoucherTender.SupplierNumber, new DateOnly(2028, 6, 30)), Ct);
        var explained = await system.Api.SendAsync(Award(MealVoucherTender.SupplierNumber, new DateOnly(2028, 6, 30), "Gunning na vertraging"), Ct);

        (await CodeOfAsync(toTheOcmw, HttpStatusCode.UnprocessableEntity)).ShouldBe("supplier-is-participant");
        (await ProblemAsync(longer, HttpStatusCode.UnprocessableEntity)).GetProperty("errors").TryGetProperty("periodDifferenceReason", out _).ShouldBeTrue();
        explained.StatusCode.ShouldBe(HttpStatusCode.OK);
        var award = (await explained.Content.ReadFromJsonAsync<TenderView>(Ct))!.Lots.Single(l => l.Number == 1).Award!;
        award.DecidedOn.ShouldBe(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels")).DateTime));
        award.ConcludedOn.ShouldBe(new DateOnly(2027, 1, 1));
    }

    [Fact]
    public async Task A_cpv_code_is_found_by_its_words_and_shown_with_its_labels_and_one_not_on_the_list_is_refused()
    {
        var found = (await system.Api.GetFromJsonAsync<CpvView[]>("api/cpv?q=chèques%20repas", Ct))!;
        found.ShouldContain(new CpvView("30199770-8", "Maaltijdcheques", "Chèques-repas"));
        await ProblemAsync(await system.Api.GetAsync("api/cpv?q=x", Ct), HttpStatusCode.UnprocessableEntity);

        var tender = new MealVoucherTender(system.Api);
        var view = await tender.OpenWithTwoLotsAsync($"CV-{Guid.NewGuid():N}"[..20]);
        (view.MainCpvLabelNl, view.MainCpvLabelFr).ShouldBe(("Maaltijdcheques", "Chèques-repas"));
        view.Lots[0].CpvLabelFr.ShouldBe("Chèques-repas");
        var wrongDigit = await system.Api.SendAsync(Write(HttpMethod.Post, "api/tenders",
            MealVoucherTender.Opening($"CW-{Guid.NewGuid():N}"[..20]) with { MainCpv = "30199770-9" }, null), Ct);
        (await CodeOfAsync(wrongDigit, HttpStatusCode.UnprocessableEntity)).ShouldBe("cpv-invalid");
    }

    [Fact]
    public async Task A_subject_that_contradicts_the_cpv_code_is_422_on_the_subject_field()
    {
        var response = await system.Api.SendAsync(Write(HttpMethod.Post, "api/tenders",
            MealVoucherTender.Opening("SUBJ-1") with { Subject = "Works" }, null), Ct);

        (await ProblemAsync(response, HttpStatusCode.UnprocessableEntity)).GetProperty("errors").GetProperty("subject")[0].GetString()!
            .ShouldContain("30199770-8");
    }

    [Fact]
    public async Task Past_its_deadline_the_opt_in_closes_by_itself_and_refuses_changes()
    {
        var tender = new MealVoucherTender(system.Api);
        var opened = await tender.Api.OpenTenderAsync(Cell, MealVoucherTender.Opening($"DL-{Guid.NewGuid():N}"[..20]) with
        {
            OptInDeadline = DateTimeOffset.UtcNow.AddSeconds(2),
        }, ct: Ct);
        tender.Resume(opened);
        await tender.Step(a => a.AddLotAsync(tender.Id, tender.ETag, Cell, MealVoucherTender.Lot("Papier", 1_000m)));

        // Nobody closes it: the API records the closing at the deadline by itself, dropping the lot nobody wanted.
        var closed = await system.EventuallyAsync(
            async () => await tender.Api.GetTenderAsync(tender.Id, Ct), t => t.Content!.Status == "OptInClosed");
        closed.Content!.Lots.ShouldHaveSingleItem().Status.ShouldBe("Dropped");
        var last = (await tender.Api.GetHistoryAsync(tender.Id, Ct)).Content![^1];
        last.ShouldSatisfyAllConditions(h => h.Event.ShouldBe("OptInClosed"), h => h.By.ShouldBe("system:opt-in-deadline"));

        var late = await system.Api.SendAsync(Write(HttpMethod.Put, $"api/tenders/{tender.Id}/lots/1/opt-ins/OCMW",
            new OptInRequest(1_000m, "0900/1"), closed.Headers!.ETag!.ToString()), Ct);
        (await ProblemAsync(late, HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("afgesloten");
    }
}
