namespace Aankopen.Contracts.Finance.V1;

/// <remarks><see cref="LotEnded"/>: the contract ran its course (no further renewal, or the administration declined one).</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ReleaseReason>))]
public enum ReleaseReason { LotRemoved, LotNotAwarded, TenderCancelled, LotTerminated, LotEnded }

/// <summary>
/// "Release what you reserved or committed for this lot": the lot was removed before the opt-in closed, will not be
/// awarded, the whole tender was cancelled, or the running contract was terminated early.
/// </summary>
/// <remarks>
/// For a terminated lot, <see cref="CommittedExclVat"/>/<see cref="CommittedInclVat"/> are the administration's
/// awarded share and <see cref="EffectiveOn"/> the date the contract ends; the finance system releases what falls
/// after it. Otherwise they are the opt-in estimate (null when only a quantity was given).
/// </remarks>
public sealed record ReservationReleased : TenderFinanceMessage
{
    public required ReleaseReason Reason { get; init; }

    /// <summary>The reason as the purchasing cell wrote it, when there is one.</summary>
    public string? Explanation { get; init; }

    public required string BudgetLine { get; init; }
    public decimal? CommittedExclVat { get; init; }
    public decimal? CommittedInclVat { get; init; }
    public required DateOnly EffectiveOn { get; init; }

    public required string DecidedBy { get; init; }
    public required DateTimeOffset DecidedAt { get; init; }

    public override string BusinessKey => $"release/{TenderId:N}/{LotNumber}/{AdministrationCode}/{Reason}";
}
