namespace Aankopen.Contracts.Finance.V1;

/// <summary>
/// What every message to a finance system carries. Each message is addressed to exactly one administration and
/// carries only that administration's figures.
/// </summary>
public abstract record FinanceMessage
{
    /// <summary>The same on every redelivery of the same message: derived from the stored event and the addressee.</summary>
    public required Guid MessageId { get; init; }

    /// <summary>Follows one user action through the API, the messages and the logs.</summary>
    public required string CorrelationId { get; init; }

    /// <summary>1 for every V1 message; a new version of a message gets a new type (and namespace).</summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>The administration this message is for, and the only one whose figures it carries.</summary>
    public required string AdministrationCode { get; init; }

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
    public required Guid TenderId { get; init; }
    public required string TenderReference { get; init; }
    public required int LotNumber { get; init; }
    public required string LotTitle { get; init; }
}
