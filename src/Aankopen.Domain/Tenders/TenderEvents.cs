namespace Aankopen.Domain.Tenders;

// The facts of a joint tender's life. They are stored for ever and never edited, so each carries the stream id,
// who acted and when; finance systems never see these types (they get Aankopen.Contracts messages instead).

/// <summary>
/// How the administrations buy together (the seeds name three ways; joining an existing central is a membership).
/// In a joint tender each administration decides on and awards its own share. Under a purchasing central
/// (opdrachtencentrale, law of 17 June 2016, art. 47) the lead administration conducts the procedure
/// on behalf of the others: its decisions count for every share, and the others order under it and pay their own orders.
/// </summary>
public enum Arrangement { Joint, OnBehalf }

/// <summary>The tender exists. A draft is prepared by the purchasing cell before the administrations may opt in.</summary>
/// <param name="Arrangement">Null on tenders opened before the arrangement was kept: joint tenders.</param>
public sealed record TenderOpened(
    Guid TenderId,
    string Reference,
    string TitleNl,
    string TitleFr,
    string MainCpv,
    ContractSubject Subject,
    string Procedure,
    string LeadAdministration,
    IReadOnlyList<string> InvitedAdministrations,
    DateTimeOffset OptInDeadline,
    bool IsDraft,
    string OpenedBy,
    DateTimeOffset OpenedAt,
    Arrangement? Arrangement = null);

/// <summary>A draft tender was opened for opt-in by the invited administrations.</summary>
public sealed record OptInOpened(Guid TenderId, string OpenedBy, DateTimeOffset OpenedAt);

public sealed record LotAdded(
    Guid TenderId,
    int LotNumber,
    string Title,
    string Cpv,
    decimal EstimatedValueExclVat,
    decimal VatRate,
    ContractTerms Terms,
    string AddedBy,
    DateTimeOffset AddedAt);

/// <summary>A lot's description, value or terms were changed before the opt-in closed; the whole new lot is recorded.</summary>
public sealed record LotChanged(
    Guid TenderId,
    int LotNumber,
    string Title,
    string Cpv,
    decimal EstimatedValueExclVat,
    decimal VatRate,
    ContractTerms Terms,
    string ChangedBy,
    DateTimeOffset ChangedAt);

/// <summary>A lot was taken out before the opt-in closed, with the opt-ins it had.</summary>
public sealed record LotRemoved(Guid TenderId, int LotNumber, string RemovedBy, DateTimeOffset RemovedAt);

/// <summary>An administration opted into a lot, or changed its earlier opt-in (the latest one counts).</summary>
public sealed record OptedIn(
    Guid TenderId,
    int LotNumber,
    string Administration,
    decimal? EstimatedAmountExclVat,
    decimal? EstimatedQuantity,
    string BudgetLine,
    string OptedInBy,
    DateTimeOffset OptedInAt);

public sealed record OptInWithdrawn(Guid TenderId, int LotNumber, string Administration, string WithdrawnBy, DateTimeOffset WithdrawnAt);

/// <summary>
/// The opt-in closed, by the purchasing cell or because the deadline passed (<paramref name="AtDeadline"/>);
/// <paramref name="DroppedLots"/> are the lots nobody opted into.
/// </summary>
public sealed record OptInClosed(
    Guid TenderId,
    IReadOnlyList<int> DroppedLots,
    bool AtDeadline,
    string ClosedBy,
    DateTimeOffset ClosedAt);

public sealed record TenderPublished(
    Guid TenderId,
    string PublicationReference,
    DateOnly PublishedOn,
    string PublishedBy,
    DateTimeOffset PublishedAt);

/// <param name="SupplierId">Belgian enterprise number (0123.456.749) or foreign VAT id (FR40303265045).</param>
/// <param name="ExplicitShares">True when the purchasing cell gave the shares instead of splitting by the opt-ins.</param>
/// <param name="AwaitingDecision">The administrations whose own award decision was not in force when the lot was awarded: their
/// finance systems hear of their share when it is (none on events recorded before decisions were kept).</param>
/// <param name="Agreement">Framework or fixed; null on awards recorded before the kind was kept, which were fixed.</param>
public sealed record LotAwarded(
    Guid TenderId,
    int LotNumber,
    string SupplierName,
    string SupplierId,
    decimal AwardedAmountExclVat,
    decimal VatRate,
    decimal AwardedAmountInclVat,
    DateOnly ContractStart,
    DateOnly ContractEnd,
    IReadOnlyList<AwardShare> Shares,
    bool ExplicitShares,
    string AwardedBy,
    DateTimeOffset AwardedAt,
    string? PeriodDifferenceReason = null,
    DateOnly? DecidedOn = null,
    DateOnly? ConcludedOn = null,
    IReadOnlyList<string>? AwaitingDecision = null,
    AgreementKind? Agreement = null);

/// <summary>One administration's part of an award, decided at award time so that every reader sees the same cents.</summary>
public sealed record AwardShare(string Administration, decimal AmountExclVat, decimal AmountInclVat, string BudgetLine);

/// <summary>The procedure ended for this lot without a contract (no valid offer, too expensive, ...).</summary>
public sealed record LotNotAwarded(Guid TenderId, int LotNumber, string Reason, string DecidedBy, DateTimeOffset DecidedAt);

/// <summary>The whole tender was stopped before any lot was awarded.</summary>
public sealed record TenderCancelled(Guid TenderId, string Reason, string CancelledBy, DateTimeOffset CancelledAt);

/// <summary>A running lot contract ends early, on <paramref name="EffectiveOn"/>.</summary>
public sealed record LotTerminated(
    Guid TenderId,
    int LotNumber,
    DateOnly EffectiveOn,
    string Reason,
    string TerminatedBy,
    DateTimeOffset TerminatedAt,
    TerminationGround? Ground = null);

/// <summary>
/// Why a contract ends early: the supplier's default (royal decree of 14 January 2013 on execution, art. 44 and 47),
/// mutual agreement, the supplier's bankruptcy, or another ground. Not a notice not to renew (<see cref="LotNotRenewed"/>).
/// </summary>
public enum TerminationGround { Default, MutualAgreement, Bankruptcy, Other }

public static class TenderEventTypes
{
    /// <summary>Every event a tender stream can hold, for registration with the event store.</summary>
    public static readonly Type[] All =
    [
        typeof(TenderOpened), typeof(OptInOpened), typeof(LotAdded), typeof(LotChanged), typeof(LotRemoved), typeof(OptedIn),
        typeof(OptInWithdrawn), typeof(OptInClosed), typeof(TenderPublished), typeof(LotAwarded), typeof(LotNotAwarded),
        typeof(TenderCancelled), typeof(LotTerminated), typeof(RenewalBecameDue), typeof(RenewalDeclined), typeof(LotRenewed), typeof(LotEnded),
        typeof(LotNotRenewed), typeof(DecisionRecorded), typeof(DecisionSupervised), typeof(OrderRecorded), typeof(ShareCeilingRaised),
    ];
}
