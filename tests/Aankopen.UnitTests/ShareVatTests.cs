using Aankopen.Domain;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.AwardLot;
using Shouldly;
using static Aankopen.UnitTests.Samples;

namespace Aankopen.UnitTests;

/// <summary>
/// The rule for VAT on shares, over many random awards: the shares excl. VAT add up to the awarded amount; each share
/// incl. VAT is that share plus its own VAT rounded to the cent (one invoice per administration); the award incl. VAT
/// is the sum of the shares incl. VAT, within half a cent per share of VAT on the whole.
/// </summary>
public sealed class ShareVatTests
{
    private static readonly string[] Administrations = ["GEMEENTE", "OCMW", "POLITIE", "BRANDWEER", "HAVEN"];
    private static readonly decimal[] Rates = [0m, 6m, 12m, 21m];

    [Fact]
    public void Every_random_split_follows_the_invoice_rule()
    {
        var random = new Random(20261206);
        for (var run = 0; run < 5_000; run++)
        {
            var count = random.Next(1, Administrations.Length + 1);
            var rate = Rates[random.Next(Rates.Length)];
            var awarded = random.Next(1, 1_000_000_000) / 100m;
            var estimates = Enumerable.Range(0, count).Select(_ => random.Next(0, 3) == 0 ? random.Next(1, 100) * 1m : random.Next(1, 50_000_000) / 100m).ToArray();
            var events = new List<object> { Opened(Administrations[..count]), Lot(1, vatRate: rate) };
            events.AddRange(Administrations[..count].Select((a, i) => OptIn(1, a, estimates[i], $"{a}/1")));
            events.AddRange([Closed(), Published(), .. Approved(1, Administrations[..count])]);
            var tender = JointTender.Fold(events)!;

            var decision = AwardLotDecider.Decide(tender, new AwardLotCommand(1, "Leverancier NV", "BE0403170701", awarded,
                new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), null, Cell), Now);

            var award = decision.Events.OfType<LotAwarded>().ShouldHaveSingleItem($"run {run}");
            award.Shares.Sum(s => s.AmountExclVat).ShouldBe(awarded, $"run {run}");
            foreach (var share in award.Shares)
            {
                share.AmountInclVat.ShouldBe(share.AmountExclVat + decimal.Round(share.AmountExclVat * rate / 100, 2, MidpointRounding.AwayFromZero), $"run {run}");
                Money.IsWholeCents(share.AmountInclVat).ShouldBeTrue();
            }
            award.AwardedAmountInclVat.ShouldBe(award.Shares.Sum(s => s.AmountInclVat), $"run {run}");
            Math.Abs(award.AwardedAmountInclVat - Money.InclVat(awarded, rate)).ShouldBeLessThanOrEqualTo(0.005m * count + 0.005m, $"run {run}");
        }
    }
}
