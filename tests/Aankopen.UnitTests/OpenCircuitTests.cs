using Aankopen.FinanceConnector;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.CircuitBreaker;
using Shouldly;

namespace Aankopen.UnitTests;

/// <summary>A message meeting an open circuit breaker waits for it, on a real Polly breaker and a fake clock.</summary>
public sealed class OpenCircuitTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private int realCalls;
    private bool financeSystemUp;

    /// <param name="retryOutside">As in the connector's HTTP client: a failed call is retried, and the retry then
    /// meets the breaker that call opened.</param>
    private ResiliencePipeline Breaker(bool retryOutside = false)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = clock };
        if (retryOutside)
            builder.AddRetry(new Polly.Retry.RetryStrategyOptions
            {
                MaxRetryAttempts = 1,
                Delay = TimeSpan.Zero,
                ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>(),
            });
        return builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = 2,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(5),
            ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>(),
        })
        .Build();
    }

    private Task<string> Call(ResiliencePipeline breaker, CancellationToken ct) =>
        breaker.ExecuteAsync(_ =>
        {
            realCalls++;
            return financeSystemUp ? ValueTask.FromResult("booked") : throw new HttpRequestException("500 Internal Server Error");
        }, ct).AsTask();

    private async Task OpenAsync(ResiliencePipeline breaker)
    {
        // Two failed calls open it (with a retry outside, the first call already makes both).
        for (var i = 0; i < 2; i++)
            await Should.ThrowAsync<Exception>(() => Call(breaker, CancellationToken.None));
        await Should.ThrowAsync<BrokenCircuitException>(() => Call(breaker, CancellationToken.None));
        realCalls = 0;
    }

    [Fact]
    public async Task An_open_breaker_is_waited_out_and_the_next_real_call_delivers()
    {
        var breaker = Breaker();
        await OpenAsync(breaker);
        financeSystemUp = true;
        var waits = new List<TimeSpan>();

        var delivery = OpenCircuit.CallPastAsync(ct => Call(breaker, ct), TimeSpan.FromSeconds(1), Patience, clock, (w, _) => { waits.Add(w); return Task.CompletedTask; }, CancellationToken.None);
        delivery.IsCompleted.ShouldBeFalse();
        realCalls.ShouldBe(0);

        clock.Advance(TimeSpan.FromSeconds(5));
        (await delivery).ShouldBe("booked");
        realCalls.ShouldBe(1);
        waits.ShouldHaveSingleItem().ShouldBe(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_failure_of_the_real_call_after_the_break_is_the_callers_to_count()
    {
        var breaker = Breaker();
        await OpenAsync(breaker);

        var delivery = OpenCircuit.CallPastAsync(ct => Call(breaker, ct), TimeSpan.FromSeconds(1), Patience, clock, (_, _) => Task.CompletedTask, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(5));

        await Should.ThrowAsync<HttpRequestException>(() => delivery);
        realCalls.ShouldBe(1);
    }

    [Fact]
    public async Task A_shutdown_ends_the_wait_without_a_call()
    {
        var breaker = Breaker();
        await OpenAsync(breaker);
        using var shutdown = new CancellationTokenSource();

        var delivery = OpenCircuit.CallPastAsync(ct => Call(breaker, ct), TimeSpan.FromSeconds(1), Patience, clock, (_, _) => Task.CompletedTask, shutdown.Token);
        await shutdown.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => delivery);
        realCalls.ShouldBe(0);
    }

    [Fact]
    public async Task A_breaker_that_stays_open_past_the_patience_fails_the_attempt()
    {
        var breaker = Breaker(retryOutside: true);
        await OpenAsync(breaker);
        var waits = 0;

        var delivery = OpenCircuit.CallPastAsync(ct => Call(breaker, ct), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(12), clock,
            (_, count) => { Volatile.Write(ref waits, count); return Task.CompletedTask; }, CancellationToken.None);
        // Each break ends in a trial call that fails and opens the breaker again. Refused at 0, 5 and 10 s: it waits;
        // refused at 15 s, past the 12 s of patience: the attempt fails.
        for (var i = 1; i <= 3; i++)
        {
            await WaitForAsync(() => Volatile.Read(ref waits) == i);
            clock.Advance(TimeSpan.FromSeconds(5));
        }

        await Should.ThrowAsync<BrokenCircuitException>(() => delivery);
        waits.ShouldBe(3);
        realCalls.ShouldBe(3);
    }

    /// <summary>The delivery runs on after each clock step on another thread; the next step waits until it is waiting again.</summary>
    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 5000 && !condition(); i++)
            await Task.Delay(1, TestContext.Current.CancellationToken);
        condition().ShouldBeTrue();
    }
}
