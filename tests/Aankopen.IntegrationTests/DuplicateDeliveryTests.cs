using Aankopen.Contracts.Finance.V1;
using MassTransit;
using Shouldly;

namespace Aankopen.IntegrationTests;

[Collection(nameof(RunningSystem))]
public sealed class DuplicateDeliveryTests(RunningSystem system)
{
    [Fact]
    public async Task The_same_award_delivered_twice_is_booked_once()
    {
        var message = new LotAwardedShare
        {
            MessageId = Guid.CreateVersion7(),
            CorrelationId = "duplicate-test",
            AdministrationCode = "OCMW",
            TenderId = Guid.CreateVersion7(),
            TenderReference = "AC-DUPLICATE",
            TenderTitleNl = "Ramen wassen",
            TenderTitleFr = "Nettoyage des vitres",
            LotNumber = 1,
            LotTitle = "Administratieve gebouwen",
            Supplier = new Supplier("Glans BV", "0207.000.176"),
            ShareExclVat = 12_345.67m,
            VatRate = 21m,
            ShareInclVat = 14_938.26m,
            BudgetLine = "0900/125-06",
            ContractStart = new DateOnly(2027, 1, 1),
            ContractEnd = new DateOnly(2027, 12, 31),
            AwardedBy = "aankoopcel@jette.example",
            AwardedAt = DateTimeOffset.UtcNow,
        };

        // A publisher of our own on the same broker and topology, standing in for a relay that sends a message again.
        await using (var relay = await TestBus.StartAsync(RunningSystem.Administrations.Select(code => ("default", code))))
            for (var copy = 0; copy < 2; copy++)
                await relay.Bus.Publish(message, ctx => ctx.MessageId = message.MessageId, TestContext.Current.CancellationToken);

        var bookings = await system.EventuallyAsync(
            async () => (await system.BookingsAsync("OCMW")).Where(b => b.IdempotencyKey == message.BusinessKey).ToArray(),
            found => found.Length == 1 && found[0].Replays >= 1);

        var booking = bookings.ShouldHaveSingleItem();
        booking.Request.AmountInclVat.ShouldBe(14_938.26m);
        booking.Replays.ShouldBe(1);
        (await system.BookingsAsync("GEMEENTE")).ShouldNotContain(b => b.IdempotencyKey == message.BusinessKey);
    }
}
