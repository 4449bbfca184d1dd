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
/// behind after every message in it was confirmed by the broker. While RabbitMQ is away it keeps retrying the
/// same message: later events wait rather than overtake it.
/// </summary>
public sealed class FinanceNotificationRelay : SubscriptionBase
{
    private readonly IBus bus;
    private readonly ILogger<FinanceNotificationRelay> log;

    // No IDocumentStore here: the store is built with this subscription in it, so asking for it would wait on itself.
    // The operations handed to ProcessEventsAsync read the event store just as well.
    public FinanceNotificationRelay(IBus bus, ILogger<FinanceNotificationRelay> log)
    {
        this.bus = bus;
        this.log = log;
        Name = "FinanceNotifications";
        IncludeType<LotAwarded>();
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken ct)
    {
        foreach (var @event in page.Events)
        {
            if (@event.Data is not LotAwarded awarded)
                continue;
            var loaded = await TenderStreams.LoadAsync(operations, @event.StreamId, ct, upToVersion: @event.Version)
                ?? throw new InvalidOperationException($"Tender stream {@event.StreamId} is empty at version {@event.Version}.");
            var correlation = @event.CorrelationId ?? @event.Id.ToString();
            foreach (var message in FinanceMessages.ForAward(loaded.Tender, awarded, @event.Id, correlation))
                await PublishUntilConfirmedAsync(message, ct);
        }
        return NullChangeListener.Instance;
    }

    private async Task PublishUntilConfirmedAsync(LotAwardedShare message, CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                attemptTimeout.CancelAfter(TimeSpan.FromSeconds(10));
                await bus.Publish(message, ctx =>
                {
                    ctx.MessageId = message.MessageId;
                    ctx.Headers.Set("aankopen-correlation-id", message.CorrelationId);
                    ctx.Durable = true;
                    // Mandatory: when no queue is bound for this administration yet (registered after this process
                    // started, connector never run), RabbitMQ returns the message instead of dropping it, and the
                    // relay keeps retrying until the administration's connector has bound its queue.
                    if (ctx.TryGetPayload<MassTransit.RabbitMqSendContext>(out var rabbit))
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
