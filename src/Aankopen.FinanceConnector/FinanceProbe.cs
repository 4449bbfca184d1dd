namespace Aankopen.FinanceConnector;

/// <summary>
/// Asks the finance system for its base address every <c>FinanceSystem:ProbeSeconds</c> (default 30), outside the
/// resilience pipeline so a probe never counts towards opening the breaker. The published contract has no probe
/// path, so any HTTP answer, even 404, means the system is there; no answer within the attempt timeout means not.
/// </summary>
public sealed class FinanceProbe(IHttpClientFactory clients, ConnectorSettings settings, FinanceReachability reachability, TimeProvider clock, ILogger<FinanceProbe> log)
    : BackgroundService
{
    public const string Client = "finance-probe";

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(settings.ProbeInterval, clock);
        do
        {
            var probe = await ProbeOnceAsync(ct);
            if (reachability.LastProbe?.Answered != probe.Answered)
                log.Log(probe.Answered ? LogLevel.Information : LogLevel.Warning, "Finance system at {Url}: {State}",
                    settings.FinanceSystemBaseUrl, probe.Answered ? "answers" : $"does not answer ({probe.Detail})");
            reachability.Probed(probe);
        } while (await timer.WaitForNextTickAsync(ct));
    }

    private async Task<FinanceReachability.Probe> ProbeOnceAsync(CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(settings.AttemptTimeout);
            using var response = await clients.CreateClient(Client).GetAsync(settings.FinanceSystemBaseUrl, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return new(true, $"HTTP {(int)response.StatusCode}", clock.GetUtcNow());
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return new(false, e is OperationCanceledException ? $"no answer within {settings.AttemptTimeout.TotalSeconds} s" : e.Message, clock.GetUtcNow());
        }
    }
}
