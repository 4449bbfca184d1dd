namespace Aankopen.Contracts.Finance.V1;

/// <summary>
/// "Your administration placed this order under a framework agreement": book a budget commitment for
/// <see cref="AmountInclVat"/> on <see cref="BudgetLine"/>. Sent to the ordering administration only; the others
/// sharing the framework never hear of it.
/// </summary>
public sealed record OrderPlaced : TenderFinanceMessage
{
    /// <summary>The order's number in the tender, as the service numbers them.</summary>
    public required int OrderNumber { get; init; }
    /// <summary>The administration's own reference of the order (its bestelbon).</summary>
    public required string OrderReference { get; init; }
    public required DateOnly OrderedOn { get; init; }

    public required Supplier Supplier { get; init; }
    public required decimal AmountExclVat { get; init; }
    public required decimal VatRate { get; init; }
    /// <summary>What the supplier will invoice, as the administration recorded it (VAT at the lot's rate unless it said otherwise).</summary>
    public required decimal AmountInclVat { get; init; }
    public required string BudgetLine { get; init; }

    /// <summary>The contract period the order counts in: 0 for the initial one.</summary>
    public required int Renewal { get; init; }
    public required DateOnly PeriodEnd { get; init; }

    public required string PlacedBy { get; init; }
    public required DateTimeOffset PlacedAt { get; init; }

    public override string BusinessKey => $"order/{TenderId:N}/{OrderNumber}/{AdministrationCode}";
}
