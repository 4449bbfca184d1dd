namespace Aankopen.Contracts.Finance.V1;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<DeliveryStatus>))]
public enum DeliveryStatus { Delivered, Retrying, Failed }

/// <summary>
/// A finance connector's account of one finance message: booked (or found already booked), being retried, or given
/// up on (the message is then in the connector's error queue). Sent to Aankopen, which shows it per message.
/// </summary>
public sealed record DeliveryReport(
    Guid MessageId,
    string AdministrationCode,
    string MessageType,
    string BusinessKey,
    DeliveryStatus Status,
    int Attempt,
    string? Reason,
    string? FinanceSystemId,
    bool Replayed,
    DateTimeOffset At,
    string Tenant = "default")
{
    public const string Exchange = "aankopen.finance.delivery-reports.v1";
    /// <summary>
    /// The worker's queue of reports: a quorum queue, so that in a RabbitMQ cluster it outlives any one node. (Before
    /// version 1.2 it was the classic queue <c>aankopen.api.delivery-reports</c>, which can be deleted once empty.)
    /// </summary>
    public const string ApiQueue = "aankopen.delivery-reports";
}

/// <summary>
/// Several <see cref="DeliveryReport"/>s in one message, as a connector sends them: while a backlog drains it books
/// hundreds of messages a second, and a broker message per report cost as much as the bookings themselves. Published
/// to the same exchange as single reports, which Aankopen still accepts from connectors that send them.
/// </summary>
public sealed record DeliveryReportBatch(IReadOnlyList<DeliveryReport> Reports);
