namespace Aankopen.Api.Notifications.Deliveries;

/// <summary>
/// A finance message the relay had confirmed by RabbitMQ. Written with the relay's progress, so there is one per
/// message that left, whatever the connector later reports.
/// </summary>
public sealed record PublishedFinanceMessage(
    Guid Id,
    string Administration,
    string MessageType,
    Guid TenderId,
    string TenderReference,
    int LotNumber,
    string BusinessKey,
    DateTimeOffset PublishedAt);
