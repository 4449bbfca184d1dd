namespace Aankopen.Contracts.Finance.V1;

/// <summary>
/// "A lot was awarded (or renewed) as a framework agreement; this is the most you may order under it in this period":
/// record the ceiling on <see cref="BudgetLine"/>, but book no commitment. Under a framework each order is the
/// commitment (<see cref="OrderPlaced"/>). A fixed contract's award comes as <see cref="LotAwardedShare"/> instead.
/// </summary>
public sealed record FrameworkShareAnnounced : TenderFinanceMessage
{
    public required string TenderTitleNl { get; init; }
    public required string TenderTitleFr { get; init; }
    public required Supplier Supplier { get; init; }

    /// <summary>0 for the initial period, 1 for the first renewal, and so on.</summary>
    public required int Renewal { get; init; }

    public required decimal ShareExclVat { get; init; }
    public required decimal VatRate { get; init; }
    public required decimal ShareInclVat { get; init; }
    public required string BudgetLine { get; init; }

    public required DateOnly PeriodStart { get; init; }
    public required DateOnly PeriodEnd { get; init; }

    public required string AnnouncedBy { get; init; }
    public required DateTimeOffset AnnouncedAt { get; init; }

    /// <summary>One announcement per tender, lot, administration and period.</summary>
    public override string BusinessKey => $"framework/{TenderId:N}/{LotNumber}/{AdministrationCode}/{Renewal}";
}
