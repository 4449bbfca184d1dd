namespace Aankopen.Contracts.Finance.V1;

/// <summary>
/// "A lot was awarded; this is your share": sent to exactly one administration's finance connector, carrying only
/// that administration's figures. Book a budget commitment for <see cref="ShareInclVat"/> on <see cref="BudgetLine"/>.
/// </summary>
/// <remarks>
/// <c>MessageId</c> (from <see cref="FinanceMessage"/>) is the same on every redelivery of the same share (derived from the stored award), so
/// receivers use it, or <see cref="BusinessKey"/>, to book once. Amounts are euro with two decimals.
/// </remarks>
public sealed record LotAwardedShare : TenderFinanceMessage
{
    public required string TenderTitleNl { get; init; }
    public required string TenderTitleFr { get; init; }

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

    public required DateOnly ContractStart { get; init; }
    public required DateOnly ContractEnd { get; init; }

    public required string AwardedBy { get; init; }
    public required DateTimeOffset AwardedAt { get; init; }

    /// <summary>Stable across redeliveries and versions: one commitment per tender, lot and administration.</summary>
    public override string BusinessKey => $"award/{TenderId:N}/{LotNumber}/{AdministrationCode}";
}

/// <param name="Identifier">Belgian KBO/BCE number (0123.456.749) or, for a supplier from another EU state, its VAT id (FR40303265045).</param>
public sealed record Supplier(string Name, string Identifier);
