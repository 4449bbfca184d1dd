using System.Text.Json.Serialization;

namespace Aankopen.Contracts.Finance.V1;

/// <summary>
/// What every message to a finance system carries. Each message is addressed to exactly one administration and
/// carries only that administration's figures.
/// </summary>
/// <remarks>
/// The envelope's members are required on the wire (<see cref="JsonRequiredAttribute"/>: a message without them is
/// refused when it is read) but not by the compiler, so that the sender writes each message's own figures in its
/// initializer and sets the envelope in one place for every message type. The members of each message type's own
/// figures stay <c>required</c> for both.
/// </remarks>
public abstract record FinanceMessage
{
    /// <summary>The same on every redelivery of the same message: derived from the stored event and the addressee.</summary>
    [JsonRequired]
    public Guid MessageId { get; init; }

    /// <summary>Follows one user action through the API, the messages and the logs.</summary>
    [JsonRequired]
    public string CorrelationId { get; init; } = "";

    /// <summary>1 for every V1 message; a new version of a message gets a new type (and namespace).</summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>The administration this message is for, and the only one whose figures it carries.</summary>
    [JsonRequired]
    public string AdministrationCode { get; init; } = "";

    /// <summary>
    /// The municipality's group (tenant) the administration belongs to; administration codes are unique within a
    /// tenant only. <c>default</c> in a deployment that serves one municipality.
    /// </summary>
    public string Tenant { get; init; } = "default";

    /// <summary>What the finance system acts on at most once: the idempotency key the connector sends.</summary>
    public abstract string BusinessKey { get; }
}

/// <summary>A message about one lot of a joint tender.</summary>
public abstract record TenderFinanceMessage : FinanceMessage
{
    [JsonRequired]
    public Guid TenderId { get; init; }
    [JsonRequired]
    public string TenderReference { get; init; } = "";
    [JsonRequired]
    public int LotNumber { get; init; }
    [JsonRequired]
    public string LotTitle { get; init; } = "";
}
