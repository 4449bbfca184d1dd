using Aankopen.Edge.Http;
using Shouldly;

namespace Aankopen.UnitTests;

public sealed class RecentStatesTests
{
    [Fact]
    public void A_remembered_state_is_only_handed_out_for_exactly_the_version_it_was_left_at()
    {
        var recent = new RecentStates();
        var stream = Guid.NewGuid();
        recent.Remember("default", stream, "state at 4", 4);

        recent.TryGet("default", stream, 4, out string state).ShouldBeTrue();
        state.ShouldBe("state at 4");
        recent.TryGet("default", stream, 3, out string _).ShouldBeFalse();
        recent.TryGet("default", stream, 5, out string _).ShouldBeFalse();
        recent.TryGet("default", Guid.NewGuid(), 4, out string _).ShouldBeFalse();
    }

    [Fact]
    public void A_later_write_replaces_the_earlier_state_and_a_state_of_another_type_is_never_handed_out()
    {
        var recent = new RecentStates();
        var stream = Guid.NewGuid();
        recent.Remember("default", stream, "state at 4", 4);
        recent.Remember("default", stream, "state at 6", 6);

        recent.TryGet("default", stream, 4, out string _).ShouldBeFalse();
        recent.TryGet("default", stream, 6, out string state).ShouldBeTrue();
        state.ShouldBe("state at 6");
        recent.TryGet("default", stream, 6, out int _).ShouldBeFalse();
    }

    [Fact]
    public void Memory_stays_bounded_however_many_streams_are_written()
    {
        var recent = new RecentStates();
        var first = Guid.NewGuid();
        recent.Remember("default", first, "first", 1);
        for (var i = 0; i < 6_000; i++)
            recent.Remember("default", Guid.NewGuid(), "other", 1);

        recent.Count.ShouldBeLessThanOrEqualTo(RecentStates.Capacity);
        recent.TryGet("default", first, 1, out string _).ShouldBeFalse();
    }

    [Fact]
    public void A_state_remembered_for_one_tenant_is_never_handed_to_another()
    {
        var recent = new RecentStates();
        var stream = Guid.NewGuid();
        recent.Remember("jette", stream, "jette's tender", 2);

        recent.TryGet("molenbeek", stream, 2, out string _).ShouldBeFalse();
        recent.TryGet("jette", stream, 2, out string _).ShouldBeTrue();
    }
}
