using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Aankopen.FinanceConnector;

/// <summary>
/// The resilience around each finance system's calls, in the order of Microsoft's standard handler: a timeout for
/// the whole call, retries with jittered exponential backoff, a circuit breaker, a timeout per attempt. POSTs are
/// retried too; that is safe because every call carries an Idempotency-Key.
/// </summary>
public static class FinancePipeline
{
    public static DelegatingHandler Handler(ConnectorSettings settings, FinanceReachability reachability, HttpMessageHandler inner)
    {
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(settings.AttemptTimeout * 4 + settings.RetryDelay * 8)
            .AddRetry(new HttpRetryStrategyOptions
            {
                Delay = settings.RetryDelay,
                UseJitter = true,
                BackoffType = DelayBackoffType.Exponential,
            })
            // After a busy half minute a longer window needs more failures before it opens; at least two attempts long,
            // so that one slow call cannot open it.
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                MinimumThroughput = settings.BreakerMinimumThroughput,
                BreakDuration = settings.Break,
                SamplingDuration = TimeSpan.FromTicks(Math.Max(settings.BreakerSampling.Ticks, settings.AttemptTimeout.Ticks * 2)),
                OnOpened = _ => Changed(FinanceReachability.Circuit.Open),
                OnHalfOpened = _ => Changed(FinanceReachability.Circuit.HalfOpen),
                OnClosed = _ => Changed(FinanceReachability.Circuit.Closed),
            })
            .AddTimeout(settings.AttemptTimeout)
            .Build();
        return new ResilienceHandler(pipeline) { InnerHandler = inner };

        ValueTask Changed(FinanceReachability.Circuit state)
        {
            reachability.CircuitChanged(state);
            return ValueTask.CompletedTask;
        }
    }
}
