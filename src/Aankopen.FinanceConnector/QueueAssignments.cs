using Aankopen.Contracts.Finance.V1;
using Aankopen.Messaging;
using MassTransit;

namespace Aankopen.FinanceConnector;

/// <summary>
/// Keeps this connector subscribed to the right administrations' queues. Every administration belongs to one replica
/// (<see cref="OwnerOf"/>); that replica always subscribes to its queues. While the owner is away, one other replica
/// stands in (<see cref="SuccessorOf"/>) and leaves again once the owner is back. The queues have a single active
/// consumer, so even when two replicas briefly disagree about who is present, RabbitMQ gives an administration's
/// messages to one of them at a time, in order; when the active one dies, the broker hands the queue to the next at once.
/// <para>
/// The registry is read again on each round: an administration added gets its queues, one removed loses them, one
/// moved gets a new client; the others are not touched. Letting go of a queue happens in the background: a message
/// held by a finance system that does not answer can take minutes to finish, and must not hold up the others.
/// </para>
/// </summary>
public sealed class QueueAssignments(
    IReceiveEndpointConnector endpoints, LiveDestinations destinations, ReplicaPresence presence, FinanceQueues queues,
    ConnectorSettings settings, TimeProvider clock, ILogger<QueueAssignments> log) : BackgroundService
{
    /// <summary>How long a queue's consumer may be without running before the "queues" health check names it.</summary>
    public static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);

    /// <summary>Between declaring queues and consuming them: long enough for the broker to have started a new quorum queue.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Messages a replica books at once across its administrations' queues, when it serves few: each queue then gets
    /// up to <see cref="ConnectorSettings.StreamsAtOnce"/>. A replica serving many (a regional deployment's 200) books
    /// one message per queue, as their number already keeps it busy; eight per queue there opened so many connections
    /// to the finance systems that a process of nine replicas ran out of file handles.
    /// </summary>
    public const int CallBudget = 64;

    private sealed record Subscription(HostReceiveEndpointHandle[] Handles, ConsumerWatch[] Watches);

    private readonly Dictionary<(string Tenant, string Administration), Subscription> subscribed = [];

    /// <summary>How many administrations are this replica's own, for <see cref="StreamsPerQueue"/>.</summary>
    private int share = 1;
    private volatile IReadOnlyList<KeyValuePair<(string Tenant, string Administration), Subscription>> consuming = [];
    private readonly Dictionary<(string Tenant, string Administration), Task> stopping = [];
    private string? registryProblem;
    private readonly Arrivals arrivals = new(settings.ArrivalWait, clock);

    /// <summary>The replica an administration belongs to: FNV-1a of its tenant and code, stable across processes and versions.</summary>
    public static int OwnerOf(string tenant, string administration, int replicas) =>
        (int)(Fnv1a($"{tenant}/{administration}") % (uint)replicas);

    /// <summary>
    /// The replica that stands in for an absent owner: of those present, the one ranking highest for this administration
    /// (rendezvous hashing). Each administration gets one stand-in, so an absent replica's administrations spread
    /// evenly over the others instead of every survivor subscribing to all of them (two channels each: a few hundred
    /// administrations would exhaust a connection's channels); and when a replica comes or goes, only the
    /// administrations it stood in for, or now stands in for, move.
    /// </summary>
    public static int SuccessorOf(string tenant, string administration, IEnumerable<int> present) =>
        present.MaxBy(replica => Mix(Fnv1a($"{tenant}/{administration}/{replica}")));

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
            hash = (hash ^ c) * 16777619u;
        return hash;
    }

    /// <summary>The final mixing of MurmurHash3: FNV-1a of strings that differ only in their last character differ little.</summary>
    private static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85ebca6bu;
        h ^= h >> 13;
        h *= 0xc2b2ae35u;
        return h ^ (h >> 16);
    }

    /// <summary>How many administrations this replica consumes now (its own, those it stands in for, and those it is still letting go of).</summary>
    public int Subscribed { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(settings.AssignmentInterval, clock);
        do
        {
            try
            {
                await RoundAsync(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogError(e, "Could not update which queues this connector consumes; trying again in {Interval}", settings.AssignmentInterval);
            }
        } while (await timer.WaitForNextTickAsync(ct));
    }

    public override async Task StopAsync(CancellationToken ct)
    {
        await base.StopAsync(ct);
        // Gone from the others' view at once, so that they stand in without waiting for the queues let go of here.
        await presence.DisposeAsync();
        try
        {
            await Task.WhenAll(stopping.Values).WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            // Shutting down regardless: what was not acknowledged goes back to the queue for the next consumer.
        }
    }

    private async Task RoundAsync(CancellationToken ct)
    {
        var listed = ReadRegistry() ?? [.. destinations.All.Select(d => d.Config)];
        share = Math.Max(1, (listed.Count + settings.Replicas - 1) / settings.Replicas);
        var announced = await presence.AnnounceAsync(ct);
        // Without word from the broker, who stands in for whom does not change: a replica cannot tell a missing
        // colleague from a missing broker. The registry still applies. At start without it, each replica takes only
        // its own administrations, as if all were present.
        if (announced)
        {
            arrivals.Saw();
            if (arrivals.Over)
                await presence.SettleAsync(ct);
        }
        var roll = announced ? await presence.PresentAsync(ct) : null;
        // A replica whose number another connector holds stands in for nobody: the holder is the one the others see.
        // Of the others, only those settled stand in, so a replica just started leaves the stand-ins where they are.
        var standsIn = !presence.ClaimedElsewhere;
        var wanted = listed
            .Where(d => OwnerOf(d.Tenant, d.Administration, settings.Replicas) is var owner && (owner == settings.Replica || (standsIn
                && (roll is null ? subscribed.ContainsKey(d.Key) : !roll.Present.Contains(owner) && roll.Settled.Contains(settings.Replica)
                    && SuccessorOf(d.Tenant, d.Administration, roll.Settled) == settings.Replica))))
            .Select(d => d.Key).ToHashSet();
        // Queues let go of before their administration's client goes: a message being booked finishes with it.
        foreach (var key in subscribed.Keys.Where(k => !wanted.Contains(k)).ToArray())
        {
            stopping[key] = StopAsync(key, subscribed[key].Handles);
            subscribed.Remove(key);
            log.LogInformation("No longer consumes the queues of {Administration} ({Tenant}): {Why}", key.Administration, key.Tenant,
                listed.Any(d => d.Key == key) ? "the replica it belongs to is back, or another stands in for it" : "removed from the registry");
        }
        foreach (var key in stopping.Where(s => s.Value.IsCompleted).Select(s => s.Key).ToArray())
            stopping.Remove(key);
        var (added, removed) = destinations.Apply(listed);
        if (added.Count + removed.Count > 0)
            log.LogInformation("Registry: {Added} administration(s) added, {Removed} removed; {Count} served", added.Count, removed.Count, listed.Count);
        // A queue still being let go of is taken again on a later round, once its last message is done.
        await TakeAsync([.. wanted.Where(k => !subscribed.ContainsKey(k) && !stopping.ContainsKey(k))], ct);
        Count();
    }

    /// <summary>Those still being let go of count until they are: their last messages may still be booked here.</summary>
    private void Count()
    {
        Subscribed = subscribed.Count + stopping.Values.Count(s => !s.IsCompleted);
        consuming = [.. subscribed];
    }

    /// <summary>How many administrations' queues are declared before the first of them are consumed: three rounds of eight declarations.</summary>
    private const int DeclareBatch = 24;

    /// <summary>
    /// Declares the administrations' queues, then consumes them, a batch at a time: a replica that takes hundreds of
    /// administrations at start (or from one that died) books for the first while it still declares the others, rather
    /// than after all of them (measured in the regional benchmark, ten replicas starting on a backlog booked nothing
    /// for seconds while the broker answered their declarations).
    /// <para>
    /// Each queue is declared here first, on a connection of its own (again each time: an operator may have deleted
    /// one), and given a moment to start before anything consumes it. A consumer never creates its queue: RabbitMQ 3.10
    /// answers a second declaration of a quorum queue it is still starting at once, and a consumer on it then crashes
    /// the broker's channel and with it MassTransit's whole connection, whose other queues' consumers may not start
    /// again. A queue the broker refuses is named on the health check; when the broker does not answer, the round stops
    /// declaring at once, and the rest wait for the next round.
    /// </para>
    /// </summary>
    private async Task TakeAsync((string Tenant, string Administration)[] keys, CancellationToken ct)
    {
        var refused = new System.Collections.Concurrent.ConcurrentBag<string>();
        var settling = new Queue<(DateTimeOffset Due, (string Tenant, string Administration)[] Keys)>();
        foreach (var batch in keys.Chunk(DeclareBatch))
        {
            var (ready, answered) = await DeclareAsync(batch, refused, ct);
            if (ready.Length > 0)
                settling.Enqueue((clock.GetUtcNow() + Settle, ready));
            while (settling.TryPeek(out var next) && next.Due <= clock.GetUtcNow())
                Consume(settling.Dequeue().Keys);
            if (!answered)
                break;
        }
        while (settling.TryDequeue(out var next))
        {
            if (next.Due - clock.GetUtcNow() is { Ticks: > 0 } wait)
                await Task.Delay(wait, clock, ct);
            Consume(next.Keys);
        }
        string[] now = [.. refused.Order(StringComparer.Ordinal)];
        // Said once, not on every round: the health check keeps naming them.
        if (now.Length > 0 && !now.SequenceEqual(Undeclared))
            log.LogError("The broker refused the queues of {Count} administration(s), which are not consumed until fixed: {Refusals}", now.Length, string.Join("; ", now.Take(5)));
        Undeclared = now;
    }

    private void Consume((string Tenant, string Administration)[] keys)
    {
        foreach (var key in keys)
        {
            var watches = FinanceRouting.Lanes.Select(_ => new ConsumerWatch(clock)).ToArray();
            subscribed[key] = new([.. FinanceRouting.Lanes.Select((lane, i) => Connect(key.Tenant, key.Administration, lane, watches[i]))], watches);
            log.LogInformation("Consumes the queues of {Administration} ({Tenant})", key.Administration, key.Tenant);
        }
        Count();
    }

    /// <returns>Those whose queues exist now; false when the broker did not answer (the rest wait for the next round).</returns>
    private async Task<((string Tenant, string Administration)[] Ready, bool Answered)> DeclareAsync(
        (string Tenant, string Administration)[] keys, System.Collections.Concurrent.ConcurrentBag<string> refused, CancellationToken ct)
    {
        var ready = new System.Collections.Concurrent.ConcurrentBag<(string Tenant, string Administration)>();
        using var away = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = away.Token }, async (key, token) =>
            {
                try
                {
                    await queues.DeclareAsync(key.Tenant, key.Administration, token);
                    ready.Add(key);
                }
                catch (Exception e) when (FinanceQueues.IsRefusal(e))
                {
                    refused.Add($"{key.Administration} ({key.Tenant}): {e.Message}");
                }
                catch (Exception e) when (!token.IsCancellationRequested)
                {
                    log.LogWarning("Could not declare queues ({Reason}); trying again on the next round", e.Message);
                    await away.CancelAsync();
                }
            });
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The broker did not answer: what was declared is taken, the rest on the next round.
        }
        return ([.. ready], !away.IsCancellationRequested);
    }

    /// <summary>The administrations this replica should consume whose queues the broker refused on the last round, each with its reason.</summary>
    public IReadOnlyList<string> Undeclared { get; private set; } = [];

    /// <summary>The administrations of which a queue's consumer has not been running for longer than <see cref="StartPatience"/>.</summary>
    public IReadOnlyList<string> NotConsuming() =>
        [.. consuming.Where(c => c.Value.Watches.Any(w => w.Stalled(StartPatience))).Select(c => $"{c.Key.Administration} ({c.Key.Tenant})")];

    private async Task StopAsync((string Tenant, string Administration) key, HostReceiveEndpointHandle[] handles)
    {
        try
        {
            // MassTransit does not finish stopping an endpoint it is still starting: let it start first.
            await Task.WhenAll(handles.Select(h => h.Ready)).WaitAsync(StartPatience, clock);
        }
        catch (Exception e)
        {
            log.LogWarning("The queues of {Administration} ({Tenant}) did not start ({Reason}); letting go of them anyway", key.Administration, key.Tenant, e.Message);
        }
        try
        {
            await Task.WhenAll(handles.Select(h => h.StopAsync(CancellationToken.None)));
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Letting go of the queues of {Administration} ({Tenant}) failed", key.Administration, key.Tenant);
        }
    }

    /// <summary>The registry as it reads now, or null when it cannot be used (said once in the log).</summary>
    private IReadOnlyList<FinanceDestination>? ReadRegistry()
    {
        try
        {
            var listed = DestinationRegistry.Read(settings);
            registryProblem = null;
            return listed;
        }
        catch (InvalidOperationException e)
        {
            // A broken edit must not stop the administrations that were served: they go on as before until it is fixed.
            if (registryProblem != e.Message)
                log.LogError("{Problem} The connector goes on with the administrations it served before.", e.Message);
            registryProblem = e.Message;
            return null;
        }
    }

    /// <summary>How many messages of each queue are booked at once by a replica whose own administrations number <paramref name="share"/>.</summary>
    public static int StreamsPerQueue(int share, int streamsAtOnce) =>
        Math.Clamp(CallBudget / (FinanceRouting.Lanes.Length * Math.Max(1, share)), 1, streamsAtOnce);

    /// <summary>
    /// One lane's queue, several messages at a time (<see cref="StreamsPerQueue"/>): each tender's are
    /// booked in the order they were recorded (<see cref="Ordering.StreamOrder"/>), and one being retried holds back the ones
    /// behind it of its tender (of this administration and lane only).
    /// </summary>
    private HostReceiveEndpointHandle Connect(string tenant, string administration, FinanceLane lane, ConsumerWatch watch) =>
        endpoints.ConnectReceiveEndpoint(FinanceRouting.QueueFor(tenant, administration, lane), (registration, configurator) =>
        {
            var endpoint = (IRabbitMqReceiveEndpointConfigurator)configurator;
            endpoint.ConnectReceiveEndpointObserver(watch);
            endpoint.BindFinanceQueue();
            var streams = StreamsPerQueue(share, settings.StreamsAtOnce);
            endpoint.PrefetchCount = Math.Max(4, 2 * streams);
            endpoint.ConcurrentMessageLimit = streams;
            // After these, the message goes to the queue's _error queue with the reason in its headers. A message for
            // another administration is never retried: no retry can make it right.
            endpoint.UseMessageRetry(r =>
            {
                r.Ignore<WrongAdministrationException>();
                r.Ignore<NotSupportedException>(); // a message type this connector has no call for
                r.Exponential(settings.MaxRetries, settings.RetryMin, settings.RetryMax, settings.RetryMin);
            });
            // Named one by one: ConfigureConsumers leaves out a consumer already on another endpoint.
            foreach (var consumer in FinanceConsumers.Types)
                endpoint.ConfigureConsumer(registration, consumer);
        });
}
