using System.Text.Json;
using Aankopen.Contracts.Api.V1;
using Aankopen.Contracts.Finance.V1;

namespace Aankopen.Store.Notifications.Parking;

/// <summary>
/// A finance message held back for its administration: the broker refused it after the relay's last attempt while it
/// answered, or an earlier message of the same stream for the same administration is held. Written with the relay's
/// progress, like <see cref="Deliveries.PublishedFinanceMessage"/>, so a message is either published or parked, never
/// neither. The message is kept whole, as it was made from its event, and sent as it is: re-sending never recomputes it.
/// </summary>
/// <param name="EventSequence">With <paramref name="Ordinal"/> its place in the relay's order: the event's sequence, then the message's place among the event's.</param>
public sealed record ParkedFinanceMessage(
    Guid Id,
    string Tenant,
    string Administration,
    Guid StreamId,
    long EventSequence,
    int Ordinal,
    string MessageType,
    string Body,
    string BusinessKey,
    string Reason,
    DateTimeOffset ParkedAt,
    Guid? WaitsBehind)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ParkedFinanceMessage Of(FinanceMessage message, Guid stream, long sequence, int ordinal, string reason, DateTimeOffset at, Guid? behind) =>
        new(message.MessageId, message.Tenant, message.AdministrationCode, stream, sequence, ordinal, message.GetType().Name,
            JsonSerializer.Serialize(message, message.GetType(), Json), message.BusinessKey, reason, at, behind);

    public FinanceMessage Message() =>
        (FinanceMessage)JsonSerializer.Deserialize(Body, FinanceRouting.MessageTypes.Single(t => t.Name == MessageType), Json)!;

    /// <summary>In the order the relay would have sent them.</summary>
    public static IOrderedQueryable<ParkedFinanceMessage> InOrder(IQueryable<ParkedFinanceMessage> parked) =>
        parked.OrderBy(p => p.EventSequence).ThenBy(p => p.Ordinal);

    public ParkedMessageView ToView() => new(Id, Administration, MessageType, StreamId, BusinessKey, Reason, ParkedAt, WaitsBehind);
}
