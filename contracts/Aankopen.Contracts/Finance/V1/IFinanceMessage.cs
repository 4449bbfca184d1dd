namespace Aankopen.Contracts.Finance.V1;

/// <summary>
/// What every message to a finance system carries. Each message is addressed to exactly one administration and
/// carries only that administration's figures.
/// </summary>
public interface IFinanceMessage
{
    /// <summary>The same on every redelivery of the same message: derived from the stored event and the addressee.</summary>
    Guid MessageId { get; }

    /// <summary>Follows one user action through the API, the messages and the logs.</summary>
    string CorrelationId { get; }

    int SchemaVersion { get; }

    /// <summary>The administration this message is for, and the only one whose figures it carries.</summary>
    string AdministrationCode { get; }

    Guid TenderId { get; }

    string TenderReference { get; }

    int LotNumber { get; }

    /// <summary>What the finance system books at most once: the idempotency key the connector sends.</summary>
    string BusinessKey { get; }
}
