using Aankopen.Contracts.Finance.V1;
using Aankopen.Domain.Memberships;
using Aankopen.Domain.Tenders;
using Aankopen.Messaging;
using Aankopen.Store.Notifications.Deliveries;
using Aankopen.Store.Notifications.Parking;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;

namespace Aankopen.Worker.Notifications;

/// <summary>
/// Publishes finance messages from the event store, in stream order, at least once. Marten's async daemon feeds it
/// pages of events and only moves its checkpoint past a page once this method returns, so a page is only ever left
/// behind after every message in it was confirmed by the broker or parked. While RabbitMQ is away it keeps retrying:
/// the messages of one tender or membership never overtake each other, and no later page starts. A message the broker
/// answers for and still refuses is parked for its administration (<see cref="ParkedFinanceMessage"/>), with
/// the later messages of its stream for that administration behind it, and the relay goes on. After a crash the
/// daemon starts again from the last checkpoint; messages sent again carry the same ids and business keys, so
/// finance systems book them once.
/// </summary>
public sealed class FinanceNotificationRelay : SubscriptionBase
{
    private static readonly HashSet<Type> TenderEvents = [.. TenderEventTypes.All];
    private static readonly HashSet<Type> MembershipEvents = [.. MembershipEventTypes.All];

    /// <summary>Confirms awaited at once; RabbitMQ confirms in batches, so more only adds memory.</summary>
    private const int PublishConcurrency = 64;

    private readonly Folds<JointTender> tenders = new(JointTender.Transition);
    private readonly Folds<CentralMembership> memberships = new(CentralMembership.Transition);
    private readonly FinanceMessagePublisher publisher;
    private readonly FinanceQueues queues;
    private readonly int attempts;

    /// <summary>
    /// Administrations whose last message was parked: a message of another tender for them gets one attempt, not all,
    /// so an administration the broker keeps refusing costs the others one round trip, not the whole back-off.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Tenant, string Administration), bool> refusing = new();
    private readonly TimeProvider clock;
    private readonly ILogger<FinanceNotificationRelay> log;

    // No IDocumentStore here: the store is built with this subscription in it, so asking for it would wait on itself.
    // The operations handed to ProcessEventsAsync read the event store just as well.
    public FinanceNotificationRelay(FinanceMessagePublisher publisher, FinanceQueues queues, IConfiguration configuration, TimeProvider clock, ILogger<FinanceNotificationRelay> log)
    {
        this.publisher = publisher;
        this.queues = queues;
        attempts = NotificationSettings.PublishAttempts(configuration);
        this.clock = clock;
        this.log = log;
        Name = "FinanceNotifications";
        Options.BatchSize = 2_000;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken ct)
    {
        // First every message of the page, in event order; each stream is folded once, event by event, so every
        // message can compare before and after.
        var messages = new List<Outgoing>();
        foreach (var @event in page.Events)
        {
            var correlation = @event.CorrelationId ?? @event.Id.ToString();
            var trace = Store.Infrastructure.EventTraces.Of(@event);
            // Each event is read, and its messages addressed and recorded, within its own tenant.
            var tenant = operations.ForTenant(@event.TenantId);
            var ordinal = 0;
            void Add(FinanceMessage m)
            {
                Envelope.EnsureSealed(m);
                messages.Add(new(@event.StreamId, m with { Tenant = @event.TenantId }, trace, @event.Sequence, ordinal++));
            }

            if (TenderEvents.Contains(@event.Data.GetType()))
            {
                var (before, after) = await tenders.StepAsync(tenant, @event, ct);
                foreach (var m in FinanceMessages.For(new FinanceEvent(before, after, @event.Data, @event.Id, correlation, @event.Timestamp)))
                    Add(m);
            }
            else if (MembershipEvents.Contains(@event.Data.GetType()))
            {
                var (_, after) = await memberships.StepAsync(tenant, @event, ct);
                var central = await tenant.LoadAsync<PurchasingCentral>(after.Central, ct);
                if (MembershipMessages.For(after, @event.Data, central, @event.Id, correlation) is { } changed)
                    Add(changed);
            }
        }

        // A stream's messages for an administration that has one parked wait behind it, in the relay's order.
        var held = await ParkedAheadAsync(operations, messages, ct);
        var parked = new System.Collections.Concurrent.ConcurrentBag<ParkedFinanceMessage>();
        var now = clock.GetUtcNow();

        // Then published with many confirms outstanding at once, which is what lets a backlog drain at the broker's
        // pace rather than one round trip per message. The messages of one stream stay in order: a finance system
        // must see a lot's reservation before its award and release. Different tenders need no order between them.
        await Parallel.ForEachAsync(messages.GroupBy(m => m.Stream), new ParallelOptions { MaxDegreeOfParallelism = PublishConcurrency, CancellationToken = ct },
            async (stream, token) =>
            {
                foreach (var outgoing in stream)
                {
                    var message = outgoing.Message;
                    var destination = (message.Tenant, message.AdministrationCode, outgoing.Stream);
                    if (held.TryGetValue(destination, out var ahead))
                    {
                        parked.Add(ParkedFinanceMessage.Of(message, outgoing.Stream, outgoing.Sequence, outgoing.Ordinal,
                            $"Waits behind parked message {ahead} of the same stream.", now, ahead));
                        continue;
                    }
                    // A span in the trace of the request that recorded the decision; MassTransit's send span and the
                    // connector's consume span follow from it through the message headers.
                    using var span = Observability.Telemetry.StartContinuing($"relay {message.GetType().Name}", System.Diagnostics.ActivityKind.Internal, outgoing.Trace);
                    span?.SetTag("aankopen.administration", message.AdministrationCode);
                    span?.SetTag("aankopen.tenant", message.Tenant);
                    if (await PublishOrGiveUpAsync(message, token) is { } refusal)
                    {
                        parked.Add(ParkedFinanceMessage.Of(message, outgoing.Stream, outgoing.Sequence, outgoing.Ordinal, refusal, now, null));
                        held[destination] = message.MessageId;
                        log.LogError("Finance message {MessageId} for {Tenant}/{Administration} parked: {Reason}. Later messages of its stream for that administration wait behind it; re-send with POST /api/operations/parked/{Administration}/resend.",
                            message.MessageId, message.Tenant, message.AdministrationCode, refusal, message.AdministrationCode);
                        continue;
                    }
                    RelayMetrics.Published(message);
                }
            });
        // Committed with the daemon's progress for this page: every message is then either published or parked.
        var parkedIds = parked.Select(p => p.Id).ToHashSet();
        foreach (var outgoing in messages.Where(m => !parkedIds.Contains(m.Message.MessageId)))
            operations.ForTenant(outgoing.Message.Tenant).Store(PublishedFinanceMessage.Of(outgoing.Message, now));
        foreach (var p in parked)
            operations.ForTenant(p.Tenant).Store(p);
        return NullChangeListener.Instance;
    }

    private sealed record Outgoing(Guid Stream, FinanceMessage Message, string? Trace, long Sequence, int Ordinal);

    /// <summary>For the page's streams: the destinations (tenant, administration, stream) with a parked message, and the first one, which holds the others.</summary>
    private static async Task<System.Collections.Concurrent.ConcurrentDictionary<(string, string, Guid), Guid>> ParkedAheadAsync(
        IDocumentOperations operations, IReadOnlyList<Outgoing> messages, CancellationToken ct)
    {
        var held = new System.Collections.Concurrent.ConcurrentDictionary<(string, string, Guid), Guid>();
        foreach (var tenant in messages.GroupBy(m => m.Message.Tenant))
        {
            var streams = tenant.Select(m => m.Stream).Distinct().ToArray();
            var found = await ParkedFinanceMessage.InOrder(operations.ForTenant(tenant.Key).Query<ParkedFinanceMessage>().Where(p => p.StreamId.IsOneOf(streams)))
                .ToListAsync(ct);
            foreach (var p in found)
                held.TryAdd((p.Tenant, p.Administration, p.StreamId), p.WaitsBehind ?? p.Id);
        }
        return held;
    }

    /// <summary>
    /// The state of each stream after the last event this relay handled, kept across pages so a long-lived tender is
    /// not read back from its first event for every page. Only the daemon's single shard calls this, one page at a
    /// time. A page handled again (after a failure or a restart of the shard) starts behind what is known, and
    /// then the stream is read again from the store.
    /// </summary>
    private sealed class Folds<TState>(Func<TState?, object, TState?> transition) where TState : class
    {
        private const int Capacity = 20_000;
        private readonly Dictionary<Guid, (TState? State, long Version)> known = [];

        public async Task<(TState? Before, TState After)> StepAsync(IDocumentOperations operations, IEvent e, CancellationToken ct)
        {
            var (before, version) = known.TryGetValue(e.StreamId, out var found) && found.Version < e.Version ? found : (null, 0L);
            if (version < e.Version - 1)
            {
                var missing = await operations.Events.FetchStreamAsync(e.StreamId, e.Version - 1, fromVersion: version + 1, token: ct);
                before = missing.Aggregate(before, (s, m) => transition(s, m.Data));
            }
            var after = transition(before, e.Data)!;
            // Bounded: forgetting costs one read of the stream later, never a wrong message.
            if (known.Count >= Capacity && !known.ContainsKey(e.StreamId))
                known.Clear();
            known[e.StreamId] = (after, e.Version);
            return (before, after);
        }
    }

    /// <summary>
    /// Publishes until the broker confirms: null. While RabbitMQ is away (timeouts, no connection) that is for ever:
    /// every message waits alike, none is lost. When it answers and refuses this message (<see cref="FinanceQueues.IsRefusal"/>)
    /// <see cref="attempts"/> times, or once while its administration already has a message parked, the reason: the
    /// message is then parked for its administration and the relay goes on with every other destination.
    /// </summary>
    private async Task<string?> PublishOrGiveUpAsync(FinanceMessage message, CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        var refused = 0;
        var destination = (message.Tenant, message.AdministrationCode);
        var allowed = refusing.ContainsKey(destination) ? 1 : attempts;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Its queues exist before its first message, whether or not its connector ever ran.
                await queues.EnsureAsync(message.Tenant, message.AdministrationCode, ct);
                await publisher.PublishAsync(message, ct);
                refusing.TryRemove(destination, out _);
                if (attempt > 1)
                    log.LogInformation("Finance message {MessageId} for {Administration} published after {Attempts} attempts",
                        message.MessageId, message.AdministrationCode, attempt);
                return null;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                if (FinanceQueues.IsRefusal(e))
                {
                    // Queues deleted by hand are declared again before the next attempt, and the message goes through.
                    queues.Forget(message.Tenant, message.AdministrationCode);
                    if (++refused >= allowed)
                    {
                        refusing[destination] = true;
                        return $"{e.GetType().Name}: {e.Message}";
                    }
                }
                if (attempt == 1 || attempt % 20 == 0)
                    log.LogWarning("RabbitMQ did not accept finance message {MessageId} for {Administration} (attempt {Attempt}): {Reason}. Retrying; later messages of its stream wait.",
                        message.MessageId, message.AdministrationCode, attempt, e.Message);
                await Task.Delay(delay, ct);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }
}
