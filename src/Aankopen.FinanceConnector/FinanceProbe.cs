
namespace Aankopen.FinanceConnector;

/// <summary>
/// Asks each served finance system for its base address every <c>FinanceSystem:ProbeSeconds</c> (default 30), outside
/// the resilience pipeline so a probe never counts towards opening a breaker. The published contract has no probe
/// path, so any HTTP answer, even 404, means the system is there; no answer within the attempt timeout means not.
/// The systems are probed side by side, so a silent one delays no other's probe.
/// </summary>
public sealed class FinanceProbe(IHttpClientFactory clients, ConnectorSettings settings, LiveDestinations destinations, TimeProvider clock, ILogger<FinanceProbe> log)
    : BackgroundService
{
    public const string Client = "finance-probe";

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(settings.ProbeInterval, clock);
        do
        {
            await Parallel.ForEachAsync(destinations.All, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (destination, token) =>
            {
                var probe = await ProbeOnceAsync(destination.Config.FinanceSystem, token);
                if (destination.Reachability.LastProbe?.Answered != probe.Answered)
                    log.Log(probe.Answered ? LogLevel.Information : LogLevel.Warning, "Finance system of {Administration} ({Tenant}) at {Url}: {State}",
                        destination.Config.Administration, destination.Config.Tenant, destination.Config.FinanceSystem,
                        probe.Answered ? "answers" : $"does not answer ({probe.Detail})");
                destination.Reachability.Probed(probe);
            });
        } while (await timer.WaitForNextTickAsync(ct));
    }

    private async Task<FinanceReachability.Probe> ProbeOnceAsync(Uri address, CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(settings.AttemptTimeout);
            using var response = await clients.CreateClient(Client).GetAsync(address, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return new(true, $"HTTP {(int)response.StatusCode}", clock.GetUtcNow());
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return new(false, e is OperationCanceledException ? $"no answer within {settings.AttemptTimeout.TotalSeconds} s" : e.Message, clock.GetUtcNow());
        }
    }
}
