using Aankopen.FinanceConnector;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Aankopen.UnitTests;

/// <summary>When a replica stands in for an absent one: at once for one that went, after the arrival wait for one never seen.</summary>
public sealed class ArrivalsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_replica_not_seen_since_the_start_is_missed_only_once_the_wait_is_over()
    {
        var arrivals = new Arrivals(Wait, clock);
        arrivals.Saw(new HashSet<int> { 0 });

        clock.Advance(Wait - TimeSpan.FromMilliseconds(1));
        arrivals.Missed(1).ShouldBeFalse();
        clock.Advance(TimeSpan.FromMilliseconds(1));
        arrivals.Missed(1).ShouldBeTrue();
    }

    [Fact]
    public void A_replica_seen_and_gone_is_missed_at_once()
    {
        var arrivals = new Arrivals(Wait, clock);
        arrivals.Saw(new HashSet<int> { 0, 1 });
        arrivals.Saw(new HashSet<int> { 0 });

        arrivals.Missed(1).ShouldBeTrue();
        arrivals.Missed(2).ShouldBeFalse();
    }

    [Fact]
    public void The_wait_counts_from_the_first_look_at_who_is_present_not_from_construction()
    {
        // A broker unreachable at start: the replica has not had a chance to see the others yet.
        var arrivals = new Arrivals(Wait, clock);
        clock.Advance(TimeSpan.FromMinutes(5));
        arrivals.Missed(1).ShouldBeFalse();

        arrivals.Saw(new HashSet<int> { 0 });
        arrivals.Missed(1).ShouldBeFalse();
        clock.Advance(Wait);
        arrivals.Missed(1).ShouldBeTrue();
    }
}
