using Aankopen.Contracts.Finance.V1;
using Aankopen.Contracts.FinanceSystem.V1;
using Aankopen.FinanceConnector.Ordering;
using MassTransit;

namespace Aankopen.FinanceConnector;

/// <summary>
/// Hands one finance message to the administration's finance system, with the message's business key as
/// idempotency key, so however often it is delivered (redelivery, relay replay, error-queue replay) the finance
/// system acts once. Tells Aankopen how it went: delivered, retrying, or failed after the last retry. One consumer for
/// every message type and every served administration: the message's tenant and administration say whose finance
/// system it goes to, and what it asks of it is in <see cref="FinanceCalls"/>.
/// </summary>
public sealed class FinanceConsumer<T>(LiveDestinations destinations, ConnectorSettings settings, StreamOrder order, TimeProvider time, DeliveryReporter reports,
    ILogger<FinanceConsumer<T>> log)
    : IConsumer<T> where T : FinanceMessage
{

    public async Task Consume(ConsumeContext<T> context)
    {
        var m = context.Message;
        var attempt = context.GetRetryAttempt() + 1;
        // The id of the request that recorded the decision, in every line logged about this message.
        using var scope = log.BeginScope("CorrelationId:{CorrelationId} MessageId:{MessageId}", m.CorrelationId, m.MessageId);
        Uri? url = null;
        try
        {
            // Only the queue's own administration's messages reach it, by the broker's routing; the check stops a
            // misconfigured binding from ever handing another administration's figures to this finance system.
            var queue = context.ReceiveContext.InputAddress?.AbsolutePath.Split('/')[^1];
            if (destinations.Find(m.Tenant, m.AdministrationCode) is not { } destination
                || queue != FinanceRouting.QueueFor(m.Tenant, m.AdministrationCode, FinanceRouting.LaneOf(m)))
                throw new WrongAdministrationException(
                    $"Message {m.MessageId} is for {m.AdministrationCode} of tenant {m.Tenant}, but it came from {queue}, which is not that administration's, or this connector does not serve it.");
            url = destination.Config.FinanceSystem;
            // Behind the earlier messages of its tender in this queue, which other threads may be booking.
            await order.EnterAsync(context, m);

            var call = FinanceCalls.For(m);
            var receipt = await OpenCircuit.CallPastAsync(ct => call.SendAsync(destination.Api, ct), settings.RetryDelay, settings.BreakerPatience, time,
                async (wait, count) =>
                {
                    log.LogInformation("Finance system at {Url} is held off by the circuit breaker; {BusinessKey} waits {Wait} and tries again",
                        destination.Config.FinanceSystem, m.BusinessKey, wait);
                    // Once per attempt, so that the delivery status shows why the message waits.
                    if (count == 1)
                        await ReportAsync(context, DeliveryStatus.Retrying, attempt, "The finance system is unreachable (circuit breaker open); the message waits.", null);
                },
                context.CancellationToken);
            log.LogInformation("Delivered {MessageType} {BusinessKey} to {Administration} as {Id}{Replay}: {Description}",
                typeof(T).Name, m.BusinessKey, m.AdministrationCode, receipt.Id, receipt.Replayed ? " (already booked before)" : "", call.Description);
            await ReportAsync(context, DeliveryStatus.Delivered, attempt, null, receipt);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            var last = attempt > settings.MaxRetries || e is WrongAdministrationException or NotSupportedException;
            log.LogWarning("Finance system at {Url} did not take {BusinessKey} (attempt {Attempt}): {Reason}. {Next}",
                url, m.BusinessKey, attempt, e.Message,
                last ? $"Giving up: the message goes to {FinanceRouting.ErrorQueueFor(m.Tenant, m.AdministrationCode, FinanceRouting.LaneOf(m))}." : "It will be retried.");
            await ReportAsync(context, last ? DeliveryStatus.Failed : DeliveryStatus.Retrying, attempt, e.Message, null);
            throw;
        }
    }

    private async Task ReportAsync(ConsumeContext<T> context, DeliveryStatus status, int attempt, string? reason, Receipt? receipt)
    {
        var m = context.Message;
        DeliveryMetrics.Record(m, typeof(T).Name, status);
        try
        {
            // Sent together with the reports of the connector's other queues; the message is acknowledged (and so never
            // delivered again) only once its report is on the broker.
            await reports.ReportAsync(new DeliveryReport(m.MessageId, m.AdministrationCode, typeof(T).Name, m.BusinessKey, status, attempt,
                reason is { Length: > 500 } ? reason[..500] : reason, receipt?.Id, receipt?.Replayed ?? false, time.GetUtcNow(), m.Tenant));
        }
        catch (Exception e)
        {
            // A report is information, not the delivery itself: losing one must not undo or repeat a booking.
            log.LogWarning("Could not report {Status} for {MessageId}: {Reason}", status, m.MessageId, e.Message);
        }
    }
}

public sealed class WrongAdministrationException(string message) : Exception(message);
