namespace Aankopen.Contracts.Api.V1;

// Request bodies of the tender API. Writes also take If-Match (the ETag of the version they were decided on),
// X-Aankopen-Actor (who acts) and optionally Idempotency-Key (so that a retried request is not applied twice).

/// <param name="Procedure">Open, Restricted, CompetitiveProcedureWithNegotiation, NegotiatedWithPriorPublication,
/// NegotiatedWithoutPriorPublication or AcceptedInvoice.</param>
/// <param name="Subject">Supplies, Services or Works; derived from the main CPV code when left out, refused when it contradicts it.</param>
/// <param name="Draft">True to prepare the lots before the administrations may opt in (then POST .../open-opt-in).</param>
/// <param name="Arrangement">Joint (default: each administration decides on and awards its own share) or OnBehalf (the
/// lead administration acts as purchasing central for the others: its decisions count for every share, and the
/// others order under it and pay their own orders).</param>
public sealed record OpenTenderRequest(
    string Reference,
    string TitleNl,
    string TitleFr,
    string MainCpv,
    string Procedure,
    string LeadAdministration,
    IReadOnlyList<string> InvitedAdministrations,
    DateTimeOffset OptInDeadline,
    string? Subject = null,
    bool Draft = false,
    string? Arrangement = null);

/// <param name="LotNumber">Leave out to take the next free number (only when adding).</param>
/// <param name="VatRate">Percent: 0, 6, 12 or 21.</param>
public sealed record LotRequest(
    int? LotNumber,
    string Title,
    string Cpv,
    decimal EstimatedValueExclVat,
    decimal VatRate,
    ContractTermsRequest? Terms);

/// <param name="RenewalMonths">Length of each tacit renewal; ignored when not renewable.</param>
/// <param name="NoticeDays">How many days before a period ends a termination must be notified.</param>
/// <param name="LongerDurationJustification">Needed when initial period plus all renewals exceed four years.</param>
public sealed record ContractTermsRequest(
    DateOnly? Start,
    int InitialMonths,
    bool Renewable,
    int RenewalMonths,
    int MaxRenewals,
    int NoticeDays,
    string? LongerDurationJustification = null);

/// <summary>An estimated amount, an estimated quantity, or both; the budget line is in the administration's own format.</summary>
public sealed record OptInRequest(decimal? EstimatedAmountExclVat, string BudgetLine, decimal? EstimatedQuantity = null);

/// <param name="PublicationReference">The notice's reference, e.g. its e-Procurement (BDA) number.</param>
public sealed record PublishTenderRequest(string PublicationReference, DateOnly PublishedOn);

/// <param name="SupplierId">Belgian KBO/BCE number (0123.456.749 or BE0123456749) or foreign EU VAT id (FR40303265045).</param>
/// <param name="ExplicitShares">Each participant's share excl. VAT, adding up to the awarded amount; leave out to split
/// in proportion to the opt-in estimates.</param>
/// <param name="PeriodDifferenceReason">Needed when the contract period differs from the lot's initial period: why.</param>
/// <param name="DecidedOn">The date of the award decision (default: today in Brussels).</param>
/// <param name="ConcludedOn">The date the contract was concluded, by the notification of the award to the supplier
/// (default: the decision's date); a framework agreement runs at most four years from it, renewals included.</param>
/// <param name="Agreement">Fixed (default: each share is committed at the award) or Framework (each administration then
/// places its own orders against its share, and each order is its commitment).</param>
public sealed record AwardLotRequest(
    string SupplierName,
    string SupplierId,
    decimal AwardedAmountExclVat,
    DateOnly ContractStart,
    DateOnly ContractEnd,
    IReadOnlyList<ShareRequest>? ExplicitShares = null,
    string? PeriodDifferenceReason = null,
    DateOnly? DecidedOn = null,
    DateOnly? ConcludedOn = null,
    string? Agreement = null);

public sealed record ShareRequest(string Administration, decimal AmountExclVat);

/// <summary>For cancelling a tender and declaring a lot not awarded.</summary>
public sealed record ReasonRequest(string Reason);

/// <param name="Ground">Default (the supplier's default), MutualAgreement, Bankruptcy or Other (when left out).</param>
public sealed record TerminateLotRequest(DateOnly EffectiveOn, string Reason, string? Ground = null);

/// <summary>One of the administration's own decisions on the tender, as its body took it.</summary>
/// <param name="Kind">Conditions (taking part and approving the conditions; no lot), Award (its share of a lot) or Renewal (a lot's renewal).</param>
/// <param name="Body">MunicipalCouncil or College for a municipality, SocialWelfareCouncil or StandingBureau for an OCMW, or
/// Other with <paramref name="BodyName"/>.</param>
/// <param name="Reference">The decision's own reference in the administration's register.</param>
public sealed record RecordDecisionRequest(
    string Kind,
    string Body,
    DateOnly DecidedOn,
    string Reference,
    int? LotNumber = null,
    int? Renewal = null,
    string? BodyName = null);

/// <param name="Act">Suspended, SuspensionLifted or Annulled, as the supervising authority (the governor) decided.</param>
/// <param name="Reference">The supervising authority's reference (its decree).</param>
public sealed record SuperviseDecisionRequest(string Act, DateOnly On, string Reference);

/// <summary>An order (bestelbon) the administration placed with the supplier under a lot's framework agreement.</summary>
/// <param name="OrderedOn">The order's date, in the contract's current period and not in the future.</param>
/// <param name="Reference">The order's number in the administration's register; once per administration and lot.</param>
/// <param name="AmountInclVat">What the supplier will invoice; leave out for VAT at the lot's rate.</param>
/// <param name="BudgetLine">Leave out for the budget line of the administration's share.</param>
public sealed record PlaceOrderRequest(
    DateOnly OrderedOn,
    string Reference,
    decimal AmountExclVat,
    decimal? AmountInclVat = null,
    string? BudgetLine = null);

/// <summary>The purchasing cell allows an administration to order more than its share in the contract's current period.</summary>
public sealed record RaiseShareRequest(decimal AmountExclVat, string Reason);
