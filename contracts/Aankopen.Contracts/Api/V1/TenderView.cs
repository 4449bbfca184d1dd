namespace Aankopen.Contracts.Api.V1;

/// <summary>A joint tender as the API shows it. Its <c>version</c> is also sent as the ETag.</summary>
/// <param name="Warnings">Things a person should look at that do not block anything, such as a procedure that does
/// not fit the estimated total.</param>
/// <param name="Arrangement">Joint, or OnBehalf when the lead administration buys for the others as purchasing central.</param>
public sealed record TenderView(
    Guid Id,
    long Version,
    string Reference,
    string TitleNl,
    string TitleFr,
    string MainCpv,
    string Subject,
    string Procedure,
    string LeadAdministration,
    IReadOnlyList<string> InvitedAdministrations,
    DateTimeOffset OptInDeadline,
    string Status,
    string OpenedBy,
    DateTimeOffset OpenedAt,
    string? PublicationReference,
    DateOnly? PublishedOn,
    string? CancellationReason,
    IReadOnlyList<LotView> Lots,
    OptInMatrixView Matrix,
    IReadOnlyList<AdministrationTotalsView> Totals,
    IReadOnlyList<WarningView> Warnings,
    decimal? EstimatedFullDurationExclVat = null,
    string? MainCpvLabelNl = null,
    string? MainCpvLabelFr = null,
    IReadOnlyList<DecisionView>? Decisions = null,
    IReadOnlyList<DecisionGapView>? MissingDecisions = null,
    string Arrangement = "Joint");

/// <summary>
/// One administration's decision on the tender (a public act of its council, college or bureau).
/// <c>Standing</c> is InForce, Suspended or Annulled.
/// </summary>
public sealed record DecisionView(
    int Number,
    string Administration,
    string Kind,
    int? LotNumber,
    int? Renewal,
    string Body,
    string? BodyName,
    DateOnly DecidedOn,
    string Reference,
    string Standing);

/// <summary>A decision an administration still has to take (<c>Standing</c> null), or one suspended or annulled.</summary>
public sealed record DecisionGapView(string Administration, string Kind, int? LotNumber, int? Renewal, string? Standing);

public sealed record LotView(
    int Number,
    string Title,
    string Cpv,
    decimal EstimatedValueExclVat,
    decimal VatRate,
    ContractTermsView Terms,
    string Status,
    IReadOnlyList<OptInView> OptIns,
    AwardView? Award,
    string? Ending,
    DateOnly? TerminatedOn,
    RunningContractView? Running = null,
    decimal? EstimatedFullDurationExclVat = null,
    string? CpvLabelNl = null,
    string? CpvLabelFr = null,
    IReadOnlyList<ConsumptionView>? Consumption = null,
    IReadOnlyList<OrderView>? Orders = null);

/// <summary>
/// What one administration ordered under a framework agreement in the contract's current period, against its share of
/// that period and what the purchasing cell raised it by. <c>Warning</c> is true from <c>WarningPercent</c> of the
/// ceiling on (a setting of the service); beyond the ceiling an order is refused.
/// </summary>
public sealed record ConsumptionView(
    string Administration,
    int Renewal,
    decimal ShareExclVat,
    decimal RaisedExclVat,
    decimal CeilingExclVat,
    decimal OrderedExclVat,
    decimal OrderedInclVat,
    decimal RemainingExclVat,
    int Orders,
    int Percent,
    int WarningPercent,
    bool Warning);

/// <summary>One order (bestelbon) an administration placed under a framework agreement.</summary>
public sealed record OrderView(
    int Number,
    string Administration,
    int Renewal,
    DateOnly OrderedOn,
    string Reference,
    decimal AmountExclVat,
    decimal AmountInclVat,
    string BudgetLine);

/// <summary>An awarded lot's current contract period and what comes next.</summary>
/// <param name="NextRenewal">Null when the contract ends with this period.</param>
/// <param name="PreviousPeriodEnd">The end of the period before, which may still run after a renewal recorded ahead of
/// time; under a framework, <paramref name="PreviousAdministrations"/> may order in it until then.</param>
public sealed record RunningContractView(
    int Renewals,
    int PossibleRenewals,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    int? NextRenewal,
    DateOnly? NoticeDeadline,
    decimal AmountExclVat,
    decimal AmountInclVat,
    IReadOnlyList<ShareView> Shares,
    IReadOnlyList<string> Declined,
    DateOnly? PreviousPeriodEnd = null,
    IReadOnlyList<string>? PreviousAdministrations = null);

public sealed record ContractTermsView(
    DateOnly? Start,
    int InitialMonths,
    bool Renewable,
    int RenewalMonths,
    int MaxRenewals,
    int NoticeDays,
    int TotalMonths,
    string? LongerDurationJustification);

public sealed record OptInView(string Administration, decimal? EstimatedAmountExclVat, decimal? EstimatedQuantity, string BudgetLine);

/// <param name="AwaitingDecision">Administrations whose share waits for their own award decision: their finance systems
/// are told once it is in force.</param>
/// <param name="Agreement">Fixed (the award is each administration's commitment) or Framework (each order is).</param>
public sealed record AwardView(
    string SupplierName,
    string SupplierId,
    decimal AmountExclVat,
    decimal AmountInclVat,
    DateOnly ContractStart,
    DateOnly ContractEnd,
    DateTimeOffset AwardedAt,
    IReadOnlyList<ShareView> Shares,
    DateOnly? DecidedOn = null,
    DateOnly? ConcludedOn = null,
    IReadOnlyList<string>? AwaitingDecision = null,
    string Agreement = "Fixed");

public sealed record ShareView(string Administration, decimal AmountExclVat, decimal AmountInclVat, string BudgetLine);

/// <summary>Lot x administration: one row per lot, one cell per invited administration, in invitation order.</summary>
public sealed record OptInMatrixView(IReadOnlyList<string> Administrations, IReadOnlyList<MatrixRowView> Rows);

/// <param name="Cells">Same order as <see cref="OptInMatrixView.Administrations"/>; a cell with no amounts means no opt-in.</param>
public sealed record MatrixRowView(int LotNumber, string LotTitle, string Status, IReadOnlyList<MatrixCellView> Cells);

public sealed record MatrixCellView(
    string Administration,
    bool OptedIn,
    decimal? EstimatedAmountExclVat,
    decimal? EstimatedQuantity,
    decimal? ShareExclVat,
    decimal? ShareInclVat);

/// <summary>What one administration takes in this tender, summed over its lots.</summary>
public sealed record AdministrationTotalsView(
    string Administration,
    int LotsOptedIn,
    decimal EstimatedAmountExclVat,
    decimal AwardedExclVat,
    decimal AwardedInclVat);

public sealed record WarningView(string Code, string Nl, string Fr);

public sealed record AdministrationView(
    string Code,
    string NameNl,
    string NameFr,
    string EnterpriseNumber,
    string Kind,
    string FinanceRoutingKey,
    long Version);
