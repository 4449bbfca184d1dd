using Aankopen.FinanceConnector;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Aankopen.UnitTests;

/// <summary>When a replica starts standing in for absent ones: once it has been among the others for the arrival wait.</summary>
public sealed class ArrivalsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_wait_is_over_a_full_wait_after_the_first_look_and_not_a_tick_before()
    {
        var arrivals = new Arrivals(Wait, clock);
        arrivals.Saw();

        clock.Advance(Wait - TimeSpan.FromTicks(1));
        arrivals.Over.ShouldBeFalse();
        clock.Advance(TimeSpan.FromTicks(1));
        arrivals.Over.ShouldBeTrue();
    }

    [Fact]
    public void The_wait_counts_from_the_first_look_at_who_is_present_not_from_construction_nor_from_later_looks()
    {
        // A broker unreachable at start: the replica has not had a chance to see the others yet.
        var arrivals = new Arrivals(Wait, clock);
        clock.Advance(TimeSpan.FromMinutes(5));
        arrivals.Over.ShouldBeFalse();

        arrivals.Saw();
        clock.Advance(Wait / 2);
        arrivals.Saw();
        clock.Advance(Wait / 2);
        arrivals.Over.ShouldBeTrue();
    }
}
