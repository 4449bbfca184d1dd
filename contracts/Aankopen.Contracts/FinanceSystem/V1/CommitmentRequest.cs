namespace Aankopen.Contracts.FinanceSystem.V1;

/// <summary>
/// What the finance connector asks an administration's finance system to book:
/// <c>POST commitments</c> with an <c>Idempotency-Key</c> header. A finance system that receives the same key twice
/// books once and answers the second call with the first booking.
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
    string Description);

/// <param name="Replayed">True when the idempotency key had been booked before and nothing new was booked.</param>
public sealed record CommitmentReceipt(string CommitmentId, string IdempotencyKey, DateTimeOffset BookedAt, bool Replayed);

public static class FinanceSystemHeaders
{
    public const string IdempotencyKey = "Idempotency-Key";
}
