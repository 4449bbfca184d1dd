using System.Net;
using Aankopen.Client;
using Aankopen.Contracts.Api.V1;
using Shouldly;

namespace Aankopen.IntegrationTests;

/// <summary>
/// Many clients at once: writes to different tenders share commits, writes racing for one tender still let exactly
/// one win, and the finance system sees each tender's messages in the order they were recorded.
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
}
