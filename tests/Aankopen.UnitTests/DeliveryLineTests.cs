using Aankopen.FinanceConnector.Ordering;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Aankopen.UnitTests;

/// <summary>
/// The order a connector books a queue's messages in while it books several at once: each tender's in the broker's
/// order, different tenders side by side, whatever order the threads that took them reach the line in.
/// </summary>
public sealed class DeliveryLineTests
{
    private static readonly Guid TenderA = Guid.Parse("0f0e2a64-0000-4000-8000-00000000000a");
    private static readonly Guid TenderB = Guid.Parse("0f0e2a64-0000-4000-8000-00000000000b");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider time = new();
    private readonly DeliveryLine line = new();

    private Task<bool> Register(ulong tag) => line.Register(tag, Patience, time, Ct);

    private async Task RegisterAsync(params ulong[] tags)
    {
        foreach (var tag in tags)
            await Register(tag);
    }

    private static async Task StillWaitingAsync(Task waiting)
    {
        await Task.Delay(50, Ct);
        waiting.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task A_delivery_is_taken_in_only_after_the_one_before_it()
    {
        var second = Register(2);
        await StillWaitingAsync(second);

        (await Register(1)).ShouldBeTrue();
        (await second.WaitAsync(TimeSpan.FromSeconds(5), Ct)).ShouldBeTrue();
        line.Open.ShouldBe(2);
    }

    [Fact]
    public async Task A_later_message_of_the_same_tender_waits_until_the_earlier_one_is_settled()
    {
        await RegisterAsync(1, 2);
        await line.EnterAsync(1, TenderA, Ct);

        var later = line.EnterAsync(2, TenderA, Ct);
        await StillWaitingAsync(later);

        line.Finish(1);
        await later.WaitAsync(TimeSpan.FromSeconds(5), Ct);
    }

    [Fact]
    public async Task Another_tenders_message_goes_ahead_of_an_earlier_one_still_being_booked()
    {
        await RegisterAsync(1, 2);
        await line.EnterAsync(1, TenderA, Ct);

        await line.EnterAsync(2, TenderB, Ct).WaitAsync(TimeSpan.FromSeconds(5), Ct);
        line.Open.ShouldBe(2);
    }

    [Fact]
    public async Task A_message_that_reaches_the_line_before_an_earlier_one_waits_to_know_that_ones_tender()
    {
        await RegisterAsync(1, 2);

        // The thread that took delivery 2 got there first; delivery 1, of the same tender, is still being read.
        var later = line.EnterAsync(2, TenderA, Ct);
        await StillWaitingAsync(later);

        await line.EnterAsync(1, TenderA, Ct);
        await StillWaitingAsync(later);
        line.Finish(1);
        await later.WaitAsync(TimeSpan.FromSeconds(5), Ct);
    }

    [Fact]
    public async Task An_earlier_delivery_that_never_reaches_the_consumer_holds_nothing_back_once_settled()
    {
        await RegisterAsync(1, 2);
        var later = line.EnterAsync(2, TenderA, Ct);

        // Delivery 1 could not be read and went to the error queue.
        line.Finish(1);
        await later.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        line.Open.ShouldBe(1);
    }

    [Fact]
    public async Task A_message_of_no_known_tender_waits_for_every_earlier_one_and_holds_every_later_one()
    {
        await RegisterAsync(1, 2, 3);
        await line.EnterAsync(1, TenderA, Ct);

        var unknown = line.EnterAsync(2, DeliveryLine.EveryStream, Ct);
        await StillWaitingAsync(unknown);
        line.Finish(1);
        await unknown.WaitAsync(TimeSpan.FromSeconds(5), Ct);

        var later = line.EnterAsync(3, TenderB, Ct);
        await StillWaitingAsync(later);
        line.Finish(2);
        await later.WaitAsync(TimeSpan.FromSeconds(5), Ct);
    }

    [Fact]
    public async Task A_first_delivery_whose_predecessor_never_comes_is_taken_in_after_the_patience()
    {
        // A consumer started again on a channel whose numbers go on: its first delivery is not number 1.
        var first = Register(57);
        await StillWaitingAsync(first);

        time.Advance(Patience);
        (await first.WaitAsync(TimeSpan.FromSeconds(5), Ct)).ShouldBeFalse();
        (await Register(58).WaitAsync(TimeSpan.FromSeconds(5), Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_delivery_whose_predecessor_went_back_to_the_broker_goes_back_too_rather_than_overtake_it()
    {
        await Register(1);
        // Delivery 2 was dropped while the endpoint stopped: it goes back to the queue, ahead of 3.
        var third = Register(3);
        await StillWaitingAsync(third);

        time.Advance(Patience);
        await Should.ThrowAsync<TimeoutException>(third.WaitAsync(TimeSpan.FromSeconds(5), Ct));
        line.Open.ShouldBe(1);
    }

    [Fact]
    public async Task A_retried_message_enters_again_at_once()
    {
        await Register(1);
        await line.EnterAsync(1, TenderA, Ct);
        await line.EnterAsync(1, TenderA, Ct).WaitAsync(TimeSpan.FromSeconds(5), Ct);
    }
}
