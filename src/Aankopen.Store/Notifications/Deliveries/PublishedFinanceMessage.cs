using Aankopen.Contracts.Finance.V1;

namespace Aankopen.Store.Notifications.Deliveries;

/// <summary>
/// A finance message the relay had confirmed by RabbitMQ. Written with the relay's progress, so there is one per
/// message that left, whatever the connector later reports.
/// </summary>
/// <remarks>Tender fields for messages about a lot; <see cref="MembershipId"/> for messages about a membership.</remarks>
public sealed record PublishedFinanceMessage(
    Guid Id,
    string Administration,
    string MessageType,
    Guid? TenderId,
    string? TenderReference,
    int? LotNumber,
    Guid? MembershipId,
    string BusinessKey,
    DateTimeOffset PublishedAt,
    string? CorrelationId = null)
{
    public static PublishedFinanceMessage Of(FinanceMessage message, DateTimeOffset at) => message switch
    {
        TenderFinanceMessage t => new(t.MessageId, t.AdministrationCode, t.GetType().Name, t.TenderId, t.TenderReference, t.LotNumber, null, t.BusinessKey, at, t.CorrelationId),
        MembershipChanged m => new(m.MessageId, m.AdministrationCode, m.GetType().Name, null, null, null, m.MembershipId, m.BusinessKey, at, m.CorrelationId),
        _ => new(message.MessageId, message.AdministrationCode, message.GetType().Name, null, null, null, null, message.BusinessKey, at, message.CorrelationId),
    };
}
