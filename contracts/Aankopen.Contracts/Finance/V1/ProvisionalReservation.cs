namespace Aankopen.Contracts.Finance.V1;

/// <summary>Written by name on the wire, so that a finance system on any platform reads "Withdrawn", not 2.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ReservationChange>))]
public enum ReservationChange { Registered, Changed, Withdrawn }

/// <summary>
/// "Your administration opted into a lot, changed its opt-in, or withdrew it": reserve provisionally (or stop
/// reserving) on <see cref="BudgetLine"/>. Optional for a finance system; an award later replaces the reservation
/// with a commitment (<see cref="LotAwardedShare"/>), a release (<see cref="ReservationReleased"/>) ends it.
/// </summary>
/// <remarks>Each change is its own message, in the order they happened; the latest one counts.</remarks>
public sealed record ProvisionalReservation : TenderFinanceMessage
{
    public required string TenderTitleNl { get; init; }
    public required string TenderTitleFr { get; init; }

    public required ReservationChange Change { get; init; }

    /// <summary>The administration's estimate excl. VAT; null when it gave only a quantity, or withdrew.</summary>
    public decimal? EstimatedAmountExclVat { get; init; }
    public required decimal VatRate { get; init; }
    public decimal? EstimatedAmountInclVat { get; init; }
    public decimal? EstimatedQuantity { get; init; }

    /// <summary>The budget line of the opt-in (for a withdrawal: of the opt-in withdrawn).</summary>
    public required string BudgetLine { get; init; }

    public required string ChangedBy { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }

    public override string BusinessKey => $"reservation/{MessageId}";
}
