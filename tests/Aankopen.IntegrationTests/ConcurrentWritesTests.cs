using System.Net;
using Aankopen.Client;
using Aankopen.Contracts.Api.V1;
using Aankopen.FinanceSimulator;
using Shouldly;

namespace Aankopen.IntegrationTests;

/// <summary>
/// Many clients at once: writes to different tenders share commits, writes racing for one tender still let exactly
/// one win, and the finance system sees each tender's messages in the order they were recorded, while the connector
/// books several tenders' at once.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class ConcurrentWritesTests(RunningSystem system)
{
    [Fact]
    public async Task Racing_writes_to_one_tender_let_exactly_one_win_while_writes_to_other_tenders_all_land()
    {
        var tenders = new List<MealVoucherTender>();
        for (var i = 0; i < 6; i++)
        {
            var tender = new MealVoucherTender(system.Api);
            await tender.OpenWithTwoLotsAsync($"CW-{i}-{Guid.NewGuid():N}"[..20]);
            tenders.Add(tender);
        }

        // Two opt-ins per tender, both on the same version, all twelve sent at once.
        var racing = tenders.SelectMany(t => new[] { 1_000m, 2_000m }.Select(async amount =>
            (Tender: t, Amount: amount, Response: await t.Api.OptInAsync(t.Id, 1, "OCMW", t.ETag, "ocmw@jette.example", new OptInRequest(amount, "0900/1"), HttpCalls.Ct)))).ToArray();
        var answers = await Task.WhenAll(racing);

        foreach (var group in answers.GroupBy(a => a.Tender))
        {
            group.Count(a => a.Response.StatusCode == HttpStatusCode.OK).ShouldBe(1);
            group.Count(a => a.Response.StatusCode == HttpStatusCode.PreconditionFailed).ShouldBe(1);
            var winner = group.Single(a => a.Response.StatusCode == HttpStatusCode.OK);
            var stored = await group.Key.Api.GetTenderAsync(group.Key.Id, HttpCalls.Ct);
            var view = await Task.FromResult(stored).OrThrowAsync();
            view.Version.ShouldBe(winner.Response.Content!.Version);
            view.Lots.Single(l => l.Number == 1).OptIns.Single(o => o.Administration == "OCMW").EstimatedAmountExclVat.ShouldBe(winner.Amount);
        }
    }

    [Fact]
    public async Task Each_tenders_finance_messages_arrive_in_the_order_they_were_recorded_while_other_tenders_go_alongside()
    {
        var references = new List<string>();
        await Task.WhenAll(Enumerable.Range(0, 3).Select(async i =>
        {
            var tender = new MealVoucherTender(system.Api);
            var reference = $"CO-{i}-{Guid.NewGuid():N}"[..20];
            lock (references)
                references.Add(reference);
            await tender.OpenWithTwoLotsAsync(reference);
            for (var change = 1; change <= 12; change++)
                await tender.OptInAsync(1, "OCMW", 1_000m + change, "0900/1");
        }));

        var ocmw = system.Ledgers.For("OCMW");
        foreach (var reference in references)
        {
            var amounts = await system.EventuallyAsync(
                () => Task.FromResult(ocmw.Reservations.All.Where(r => r.Request.TenderReference == reference).Select(r => r.Request.AmountExclVat).ToArray()),
                booked => booked.Length >= 12);
            amounts.ShouldBe(Enumerable.Range(1, 12).Select(change => (decimal?)(1_000m + change)));
        }
    }

    [Fact]
    public async Task A_tenders_message_held_up_at_the_finance_system_keeps_its_later_messages_waiting_but_not_other_tenders()
    {
        var ocmw = system.Ledgers.For("OCMW");
        var slow = new MealVoucherTender(system.Api);
        var slowReference = $"CH-{Guid.NewGuid():N}"[..20];
        await slow.OpenWithTwoLotsAsync(slowReference);
        var others = new List<(MealVoucherTender Tender, string Reference)>();
        for (var i = 0; i < 4; i++)
        {
            var other = new MealVoucherTender(system.Api);
            var reference = $"CP-{i}-{Guid.NewGuid():N}"[..20];
            await other.OpenWithTwoLotsAsync(reference);
            others.Add((other, reference));
        }
        // This tender's next three calls hang past the connector's one-second limit: its first reservation is held up
        // for three attempts, some four seconds.
        ocmw.Faults.Set(new FaultRequest(FaultMode.Slow, Calls: 3, DelaySeconds: 5, TenderReference: slowReference));
        for (var change = 1; change <= 3; change++)
            await slow.OptInAsync(1, "OCMW", 1_000m + change, "0900/1");
        // The other tenders' opt-ins once its first call hangs: booked one at a time per queue, they would wait behind it.
        await system.EventuallyAsync(() => Task.FromResult(ocmw.Faults.Remaining), remaining => remaining < 3);
        await Task.WhenAll(others.Select(o => o.Tender.OptInAsync(1, "OCMW", 500m, "0900/1")));

        var held = await system.EventuallyAsync(
            () => Task.FromResult(ocmw.Reservations.All.Where(r => r.Request.TenderReference == slowReference).ToArray()), booked => booked.Length >= 3);
        held.Select(r => r.Request.AmountExclVat).ShouldBe([1_001m, 1_002m, 1_003m]);
        var passed = await system.EventuallyAsync(
            () => Task.FromResult(ocmw.Reservations.All.Where(r => others.Any(o => o.Reference == r.Request.TenderReference)).ToArray()), booked => booked.Length >= 4);
        // Booked while the first of the held-up tender waited for its retry, not behind it.
        passed.Max(r => r.BookedAt).ShouldBeLessThan(held[0].BookedAt);
    }
}
