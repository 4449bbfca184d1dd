namespace Aankopen.Contracts.Finance.V1;

/// <summary>
/// "The framework contract of this lot renewed; this is your share of the new period": book the next commitment.
/// Published when the renewal scheduler (or the purchasing cell) renews the lot.
/// </summary>
public sealed record LotRenewedShare : TenderFinanceMessage
{
    /// <summary>1 for the first renewal, and so on.</summary>
    public required int Renewal { get; init; }
    public required Supplier Supplier { get; init; }
    public required decimal ShareExclVat { get; init; }
    public required decimal VatRate { get; init; }
    /// <summary>
    /// What the supplier invoices this administration: <see cref="ShareExclVat"/> plus VAT at <see cref="VatRate"/> on it,
    /// rounded half away from zero to the cent. Each administration receives its own invoice, so the shares incl. VAT of
    /// one award may add up to a cent or two more or less than VAT on the whole amount.
    /// </summary>
    public required decimal ShareInclVat { get; init; }
    public required string BudgetLine { get; init; }
    public required DateOnly PeriodStart { get; init; }
    public required DateOnly PeriodEnd { get; init; }

    public required string RenewedBy { get; init; }
    public required DateTimeOffset RenewedAt { get; init; }

    public override string BusinessKey => $"renewal/{TenderId:N}/{LotNumber}/{Renewal}/{AdministrationCode}";
}

/// <summary>
/// "This lot renews tacitly on <see cref="RenewsOn"/> unless terminated before <see cref="NoticeDeadline"/>": reserve
/// for the next period, or ask the purchasing cell to decline it for your administration.
/// </summary>
public sealed record RenewalDue : TenderFinanceMessage
{
    public required int Renewal { get; init; }
    public required DateOnly NoticeDeadline { get; init; }
    public required DateOnly RenewsOn { get; init; }
    public required decimal ExpectedShareExclVat { get; init; }
    public required decimal ExpectedShareInclVat { get; init; }
    public required string BudgetLine { get; init; }

    public override string BusinessKey => $"renewal-due/{TenderId:N}/{LotNumber}/{Renewal}/{AdministrationCode}";
}
