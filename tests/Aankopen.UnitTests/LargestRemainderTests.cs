using Aankopen.Domain;
using Shouldly;

namespace Aankopen.UnitTests;

public class LargestRemainderTests
{
    [Fact]
    public void Equal_weights_give_the_leftover_cent_to_the_first()
    {
        LargestRemainder.Split(100.00m, [1m, 1m, 1m]).ShouldBe([33.34m, 33.33m, 33.33m]);
    }

    [Fact]
    public void Proportional_split_follows_the_weights()
    {
        LargestRemainder.Split(1000.00m, [300m, 100m]).ShouldBe([750.00m, 250.00m]);
    }

    [Fact]
    public void Leftover_cents_go_to_the_largest_dropped_fractions()
    {
        // 0.10 over 1:1:1:3 -> exact 0.01666, 0.01666, 0.01666, 0.05 -> floors 1,1,1,5 cents, two cents left over
        // go to the first two of the equal fractions.
        LargestRemainder.Split(0.10m, [1m, 1m, 1m, 3m]).ShouldBe([0.02m, 0.02m, 0.01m, 0.05m]);
    }

    [Theory]
    [InlineData(1234567.89, new[] { 3.0, 7.0, 11.0 })]
    [InlineData(0.01, new[] { 1.0, 1.0 })]
    [InlineData(999.99, new[] { 0.3, 0.3, 0.4 })]
    [InlineData(50000.00, new[] { 12345.67, 8765.43, 1.0, 0.0 })]
    public void Parts_always_add_up_to_the_total(double total, double[] weights)
    {
        var parts = LargestRemainder.Split((decimal)total, weights.Select(w => (decimal)w).ToArray());
        parts.Sum().ShouldBe((decimal)total);
        parts.ShouldAllBe(p => decimal.Round(p, 2) == p && p >= 0);
    }

    [Fact]
    public void A_zero_weight_gets_nothing()
    {
        LargestRemainder.Split(10.00m, [0m, 1m]).ShouldBe([0m, 10.00m]);
    }

    [Fact]
    public void Fractions_of_a_cent_and_empty_weights_are_refused()
    {
        Should.Throw<ArgumentException>(() => LargestRemainder.Split(1.001m, [1m]));
        Should.Throw<ArgumentException>(() => LargestRemainder.Split(1m, []));
        Should.Throw<ArgumentException>(() => LargestRemainder.Split(1m, [0m, 0m]));
    }
}
