using MassTransit;
using Shouldly;

namespace Aankopen.IntegrationTests;

[Collection(nameof(RunningSystem))]
public sealed class DuplicateDeliveryTests(RunningSystem system)
{
    [Fact]
    public async Task The_same_award_delivered_twice_is_booked_once()
    {
        var message = Samples.SampleFinanceMessages.Award("default", "OCMW") with { ShareExclVat = 12_345.67m, ShareInclVat = 14_938.26m };

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
