using Aankopen.FinanceConnector;
using Shouldly;

namespace Aankopen.UnitTests;

/// <summary>How many messages of a queue a replica books at once: many for few administrations, one each for many.</summary>
public sealed class StreamsPerQueueTests
{
    [Theory]
    [InlineData(1, 8, 8)]
    [InlineData(2, 8, 8)]
    [InlineData(4, 8, 8)]
    [InlineData(5, 8, 6)]
    [InlineData(16, 8, 2)]
    [InlineData(32, 8, 1)]
    [InlineData(200, 8, 1)]
    [InlineData(2, 1, 1)]
    [InlineData(0, 8, 8)]
    public void A_replicas_calls_at_once_stay_within_its_budget_and_every_queue_moves(int share, int streamsAtOnce, int expected)
    {
        var perQueue = QueueAssignments.StreamsPerQueue(share, streamsAtOnce);

        perQueue.ShouldBe(expected);
        (perQueue * 2 * Math.Max(1, share) <= QueueAssignments.CallBudget || perQueue == 1).ShouldBeTrue();
    }
}
