namespace Aankopen.Contracts.FinanceSystem.V1;

// The finance-system HTTP contract: what the finance connector asks an administration's finance system to do.
// Every call is a POST with an Idempotency-Key header; a finance system that receives the same key twice acts once
// and answers the second call with the first receipt (Replayed = true). Described for other platforms in
// contracts/finance-system.openapi.json.

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<CommitmentKind>))]
public enum CommitmentKind { Award, Renewal, Order }

/// <summary>
/// <c>POST commitments</c>: book a budget commitment (vastlegging) for a fixed contract's award or renewal, or for an
/// order under a framework agreement (<see cref="CommitmentKind.Order"/>, with <paramref name="OrderReference"/>).
/// </summary>
public sealed record CommitmentRequest(
    string AdministrationCode,
    string BudgetLine,
    decimal AmountExclVat,
    decimal VatRate,
    decimal AmountInclVat,
    string SupplierName,
    string SupplierIdentifier,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string TenderReference,
    int LotNumber,
    string Description,
    CommitmentKind Kind = CommitmentKind.Award,
    string? OrderReference = null);

/// <summary>
/// <c>POST frameworks</c>: record the administration's ceiling under a framework agreement for one period (0 the
/// initial one); nothing is committed until its orders come.
/// </summary>
public sealed record FrameworkRequest(
    string AdministrationCode,
    string BudgetLine,
    int Renewal,
    decimal AmountExclVat,
    decimal VatRate,
    decimal AmountInclVat,
    string SupplierName,
    string SupplierIdentifier,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string TenderReference,
    int LotNumber,
    string Description);

/// <summary><c>POST reservations</c>: reserve provisionally for an opt-in, change that reservation, or drop it.</summary>
public sealed record ReservationRequest(
    string AdministrationCode,
    string BudgetLine,
    string Change,
    decimal? AmountExclVat,
    decimal? AmountInclVat,
    decimal? Quantity,
    string TenderReference,
    int LotNumber,
    string Description);

/// <summary><c>POST releases</c>: release what was reserved or committed for a lot, from its <c>effectiveOn</c>.</summary>
public sealed record ReleaseRequest(
    string AdministrationCode,
    string BudgetLine,
    string Reason,
    decimal? AmountExclVat,
    decimal? AmountInclVat,
    DateOnly EffectiveOn,
    string TenderReference,
    int LotNumber,
    string Description);

/// <summary><c>POST memberships</c>: the administration's membership of a purchasing central, whole, after a change.</summary>
/// <param name="Change">Joined, ScopeChanged, Renewed or Ended.</param>
public sealed record MembershipRequest(
    string AdministrationCode,
    Guid MembershipId,
    string Change,
    string CentralCode,
    string CentralName,
    IReadOnlyList<string> Categories,
    IReadOnlyList<int> CpvDivisions,
    DateOnly Start,
    DateOnly? End,
    string DecisionReference);

/// <param name="Id">The finance system's own number for what it booked.</param>
/// <param name="Replayed">True when the idempotency key had been used before and nothing new was booked.</param>
public sealed record Receipt(string Id, string IdempotencyKey, DateTimeOffset BookedAt, bool Replayed);

public static class FinanceSystemHeaders
{
    public const string IdempotencyKey = "Idempotency-Key";
}
