using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Aankopen.FinanceConnector;

/// <summary>
/// The administrations this connector serves right now, each with its finance system's client. Changed only by
/// <see cref="Apply"/> (at start and when the registry changes); read by every consumer for every message.
/// </summary>
public sealed class LiveDestinations : IDisposable
{
    private readonly ConcurrentDictionary<(string Tenant, string Administration), Destination> served = new();
    private readonly ConnectorSettings settings;

    public LiveDestinations(ConnectorSettings settings)
    {
        this.settings = settings;
        // One instrument each for all administrations, told apart by their tags.
        Observability.Telemetry.Meter.CreateObservableGauge("aankopen.finance.circuit.state",
            () => served.Values.Select(d => new Measurement<int>((int)d.Reachability.CircuitState, Tags(d))),
            description: "Circuit breaker in front of the finance system: 0 closed, 1 half-open, 2 open.");
        Observability.Telemetry.Meter.CreateObservableGauge("aankopen.finance.reachable",
            () => served.Values.Where(d => d.Reachability.LastProbe is not null)
                .Select(d => new Measurement<int>(d.Reachability.LastProbe!.Answered ? 1 : 0, Tags(d))),
            description: "1 when the finance system answered the connector's last probe, 0 when it did not.");
    }

    public IReadOnlyList<Destination> All => [.. served.Values];

    public Destination? Find(string tenant, string administration) => served.GetValueOrDefault((tenant, administration));

    /// <summary>
    /// Serves exactly <paramref name="wanted"/> from now on. A destination whose address or token changed gets a new
    /// client (the message being booked finishes on the old one); the others keep theirs, breaker state included.
    /// </summary>
    /// <returns>The administrations added and those no longer served.</returns>
    public (IReadOnlyList<FinanceDestination> Added, IReadOnlyList<FinanceDestination> Removed) Apply(IReadOnlyList<FinanceDestination> wanted)
    {
        var added = new List<FinanceDestination>();
        foreach (var config in wanted)
        {
            var current = served.GetValueOrDefault(config.Key);
            if (current?.Config == config)
                continue;
            served[config.Key] = new Destination(config, settings);
            if (current is null)
                added.Add(config);
            else
                DisposeLater(current);
        }
        var listed = wanted.Select(w => w.Key).ToHashSet();
        var removed = served.Values.Where(d => !listed.Contains(d.Config.Key)).ToArray();
        foreach (var gone in removed)
            if (served.TryRemove(gone.Config.Key, out _))
                DisposeLater(gone);
        return (added, [.. removed.Select(d => d.Config)]);
    }

    public void Dispose()
    {
        foreach (var d in served.Values)
            d.Dispose();
    }

    // A consumer may still be in a call on the old client, or waiting for its circuit breaker to let it through (up
    // to the breaker's patience): it gets that long to finish before the client goes.
    private void DisposeLater(Destination old) =>
        _ = Task.Delay(settings.BreakerPatience + settings.AttemptTimeout * 4 + settings.RetryDelay * 8 + TimeSpan.FromSeconds(5))
            .ContinueWith(_ => old.Dispose(), TaskScheduler.Default);

    private static KeyValuePair<string, object?>[] Tags(Destination d) =>
        [new("aankopen.tenant", d.Config.Tenant), new("aankopen.administration", d.Config.Administration)];
}
