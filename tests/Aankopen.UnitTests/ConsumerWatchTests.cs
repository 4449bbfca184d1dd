using Aankopen.FinanceConnector;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Aankopen.UnitTests;

/// <summary>When the connector's "queues" check names a queue: its consumer down for longer than the patience, whatever the reason.</summary>
public sealed class ConsumerWatchTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_consumer_that_never_starts_is_stalled_once_the_patience_is_over_and_not_before()
    {
        var watch = new ConsumerWatch(clock);

        clock.Advance(Patience);
        watch.Stalled(Patience).ShouldBeFalse();
        clock.Advance(TimeSpan.FromSeconds(1));
        watch.Stalled(Patience).ShouldBeTrue();
    }

    [Fact]
    public async Task A_consumer_that_faults_after_running_is_stalled_a_patience_after_the_fault_and_no_longer_once_ready_again()
    {
        var watch = new ConsumerWatch(clock);
        await watch.Ready(null!);
        clock.Advance(TimeSpan.FromMinutes(10));
        watch.Stalled(Patience).ShouldBeFalse();

        await watch.Faulted(null!);
        clock.Advance(TimeSpan.FromSeconds(30));
        // A second fault while down does not restart the patience.
        await watch.Faulted(null!);
        clock.Advance(TimeSpan.FromSeconds(31));
        watch.Stalled(Patience).ShouldBeTrue();

        await watch.Ready(null!);
        watch.Stalled(Patience).ShouldBeFalse();
    }

    [Fact]
    public async Task Letting_go_of_a_queue_does_not_count_as_a_fault()
    {
        var watch = new ConsumerWatch(clock);
        await watch.Ready(null!);
        await watch.Stopping(null!);
        await watch.Completed(null!);
        clock.Advance(TimeSpan.FromMinutes(5));

        watch.Stalled(Patience).ShouldBeFalse();
    }
}
