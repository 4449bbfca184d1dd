using Aankopen.Api.Memberships;
using Aankopen.Api.Notifications.Deliveries;
using Aankopen.Api.Tenders;
using Aankopen.Contracts.Finance.V1;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;

namespace Aankopen.Api.Notifications;

/// <summary>
/// Publishes finance messages from the event store, in stream order, at least once. Marten's async daemon feeds it
/// pages of events and only moves its checkpoint past a page once this method returns, so a page is only ever left
/// behind after every message in it was confirmed by the broker. While RabbitMQ is away it keeps retrying: the
/// messages of one tender or membership never overtake each other, and no later page starts. After a crash the
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
    private readonly IBus bus;
    private readonly TimeProvider clock;
    private readonly ILogger<FinanceNotificationRelay> log;

    // No IDocumentStore here: the store is built with this subscription in it, so asking for it would wait on itself.
    // The operations handed to ProcessEventsAsync read the event store just as well.
    public FinanceNotificationRelay(IBus bus, TimeProvider clock, ILogger<FinanceNotificationRelay> log)
    {
        this.bus = bus;
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
        var messages = new List<(Guid Stream, FinanceMessage Message, string? Trace)>();
        foreach (var @event in page.Events)
        {
            var correlation = @event.CorrelationId ?? @event.Id.ToString();
            var trace = Infrastructure.EventTraces.Of(@event);
            // Each event is read, and its messages addressed and recorded, within its own tenant.
            var tenant = operations.ForTenant(@event.TenantId);
            if (TenderEvents.Contains(@event.Data.GetType()))
            {
                var (before, after) = await tenders.StepAsync(tenant, @event, ct);
                foreach (var m in FinanceMessages.For(new FinanceEvent(before, after, @event.Data, @event.Id, correlation, @event.Timestamp)))
                    messages.Add((@event.StreamId, m with { Tenant = @event.TenantId }, trace));
            }
            else if (MembershipEvents.Contains(@event.Data.GetType()))
            {
                var (_, after) = await memberships.StepAsync(tenant, @event, ct);
                var central = await tenant.LoadAsync<PurchasingCentral>(after.Central, ct);
                if (MembershipMessages.For(after, @event.Data, central, @event.Id, correlation) is { } changed)
                    messages.Add((@event.StreamId, changed with { Tenant = @event.TenantId }, trace));
            }
        }

        // Then published with many confirms outstanding at once, which is what lets a backlog drain at the broker's
        // pace rather than one round trip per message. The messages of one stream stay in order: a finance system
        // must see a lot's reservation before its award and release. Different tenders need no order between them.
        await Parallel.ForEachAsync(messages.GroupBy(m => m.Stream), new ParallelOptions { MaxDegreeOfParallelism = PublishConcurrency, CancellationToken = ct },
            async (stream, token) =>
            {
                foreach (var (_, message, trace) in stream)
                {
                    // A span in the trace of the request that recorded the decision; MassTransit's send span and the
                    // connector's consume span follow from it through the message headers.
                    using var span = Observability.Telemetry.StartContinuing($"relay {message.GetType().Name}", System.Diagnostics.ActivityKind.Internal, trace);
                    span?.SetTag("aankopen.administration", message.AdministrationCode);
                    span?.SetTag("aankopen.tenant", message.Tenant);
                    await PublishUntilConfirmedAsync(message, token);
                    RelayMetrics.Published(message);
                }
            });
        // Committed with the daemon's progress for this page.
        var now = clock.GetUtcNow();
        foreach (var (_, message, _) in messages)
            operations.ForTenant(message.Tenant).Store(PublishedFinanceMessage.Of(message, now));
        return NullChangeListener.Instance;
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

    private async Task PublishUntilConfirmedAsync(FinanceMessage message, CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                attemptTimeout.CancelAfter(TimeSpan.FromSeconds(10));
                await bus.Publish(message, message.GetType(), ctx =>
                {
                    ctx.MessageId = message.MessageId;
                    ctx.Headers.Set("aankopen-correlation-id", message.CorrelationId);
                    ctx.Durable = true;
                    // Mandatory: when no queue is bound for this administration yet (registered after this process
                    // started, connector never run), RabbitMQ returns the message instead of dropping it, and the
                    // relay keeps retrying until the administration's connector has bound its queues.
                    if (ctx.TryGetPayload<RabbitMqSendContext>(out var rabbit))
                        rabbit.Mandatory = true;
                }, attemptTimeout.Token);
                if (attempt > 1)
                    log.LogInformation("Finance message {MessageId} for {Administration} published after {Attempts} attempts",
                        message.MessageId, message.AdministrationCode, attempt);
                return;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                if (attempt == 1 || attempt % 20 == 0)
                    log.LogWarning("RabbitMQ did not accept finance message {MessageId} for {Administration} (attempt {Attempt}): {Reason}. Retrying; later messages wait.",
                        message.MessageId, message.AdministrationCode, attempt, e.Message);
                await Task.Delay(delay, ct);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }
}
