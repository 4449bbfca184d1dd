using Aankopen.Contracts.FinanceSystem.V1;
using Shouldly;

namespace Aankopen.IntegrationTests;

[Collection(nameof(RunningSystem))]
public sealed class AwardReachesFinanceTests(RunningSystem system)
{
    [Fact]
    public async Task Each_finance_system_books_exactly_its_own_share_once()
    {
        var tender = new MealVoucherTender(system.Api);
        var reference = $"AC-{Guid.NewGuid():N}"[..20];
        var awarded = await tender.AwardedDemoAsync(reference);

        awarded.Lots[0].Award.ShouldNotBeNull().Shares.Select(s => (s.Administration, s.AmountExclVat))
            .ShouldBe([("GEMEENTE", 75_000.01m), ("OCMW", 25_000.00m)]);

        var city = await system.EventuallyAsync(() => OfTender(system, "GEMEENTE", reference), b => b.Count >= 1);
        var ocmw = await system.EventuallyAsync(() => OfTender(system, "OCMW", reference), b => b.Count >= 1);
        // Give a duplicate every chance to show up before asserting "once".
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        city = await OfTender(system, "GEMEENTE", reference);
        ocmw = await OfTender(system, "OCMW", reference);

        var cityBooking = city.ShouldHaveSingleItem();
        cityBooking.AdministrationCode.ShouldBe("GEMEENTE");
        cityBooking.BudgetLine.ShouldBe("0100/123-48");
        cityBooking.AmountExclVat.ShouldBe(75_000.01m);
        cityBooking.LotNumber.ShouldBe(1);
        cityBooking.SupplierIdentifier.ShouldBe(MealVoucherTender.SupplierNumber);

        var ocmwBooking = ocmw.ShouldHaveSingleItem();
        ocmwBooking.AdministrationCode.ShouldBe("OCMW");
        ocmwBooking.BudgetLine.ShouldBe("0900/123-48");
        ocmwBooking.AmountExclVat.ShouldBe(25_000.00m);
        (cityBooking.AmountInclVat + ocmwBooking.AmountInclVat).ShouldBe(100_000.01m); // 0 % VAT on meal vouchers

        // Nothing of either administration reached the other's finance system, not even as a refused call.
        system.Ledgers.For("GEMEENTE").Rejections.ShouldBeEmpty();
        system.Ledgers.For("OCMW").Rejections.ShouldBeEmpty();
        // Other finance systems (another tenant's, say) may exist in this fixture; none saw this tender.
        foreach (var ledger in system.Ledgers.All)
        {
            var ofThisTender = ledger.Commitments.All.Where(b => b.Request.TenderReference == reference).ToArray();
            ofThisTender.ShouldAllBe(b => b.Request.AdministrationCode == ledger.System);
            if (!RunningSystem.Administrations.Contains(ledger.System))
                ofThisTender.ShouldBeEmpty();
        }
    }

    private static async Task<IReadOnlyList<CommitmentRequest>> OfTender(RunningSystem system, string administration, string reference) =>
        (await system.BookingsAsync(administration)).Where(b => b.Request.TenderReference == reference).Select(b => b.Request).ToArray();
}
