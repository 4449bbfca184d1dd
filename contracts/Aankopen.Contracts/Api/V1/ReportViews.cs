namespace Aankopen.Contracts.Api.V1;

/// <summary>
/// The public-procurement chapter of the yearly report on synergies and scale advantages (art. 26bis §5 of the
/// organic OCMW law), from the service's own records: what was opened, awarded and renewed in the year, each
/// administration's share, the purchasing-central memberships, and the same figures for the year before.
/// </summary>
public sealed record SynergyReportView(
    int Year,
    IReadOnlyList<string> Administrations,
    IReadOnlyList<ReportTenderView> Opened,
    IReadOnlyList<ReportLotView> Awarded,
    IReadOnlyList<ReportLotView> Renewed,
    IReadOnlyList<ReportMembershipView> Memberships,
    IReadOnlyList<ReportAdministrationView> PerAdministration,
    ReportFiguresView ThisYear,
    ReportFiguresView PreviousYear,
    IReadOnlyList<ReportNameView>? Names = null,
    IReadOnlyList<ReportDecisionView>? Decisions = null,
    IReadOnlyList<ReportLotView>? Ended = null,
    IReadOnlyList<MeasureView>? Measures = null,
    IReadOnlyList<MeasureView>? MeasuresDone = null,
    IReadOnlyList<BuyingThroughView>? BuyingThrough = null);

/// <summary>A measure planned for the coming years; <c>Status</c> is Planned, Done or Dropped, <c>ClosedIn</c> the year it was.</summary>
public sealed record MeasureView(Guid Id, string DomainNl, string DomainFr, string TextNl, string TextFr, int PlannedFrom, string Status, int? ClosedIn);

/// <param name="PlannedFrom">The first budget year the measure is planned for.</param>
public sealed record PlanMeasureRequest(string DomainNl, string DomainFr, string TextNl, string TextFr, int PlannedFrom);

/// <param name="Status">Done or Dropped.</param>
/// <param name="Year">The year it was done or dropped.</param>
public sealed record CloseMeasureRequest(string Status, int Year);

/// <summary>An administration's names, as the chapter writes it instead of its code.</summary>
public sealed record ReportNameView(string Code, string NameNl, string NameFr);

/// <summary>A decision an administration's body took in the year on one of the joint tenders (kind, body and standing as in the tender's view).</summary>
public sealed record ReportDecisionView(
    string Administration, string Reference, string TitleNl, string TitleFr, string Kind, int? LotNumber, int? Renewal, string Body, string? BodyName,
    DateOnly DecidedOn, string DecisionReference, string Standing);

/// <param name="Participants">The administrations that opted into at least one lot; the invited ones while none has.</param>
public sealed record ReportTenderView(Guid TenderId, string Reference, string TitleNl, string TitleFr, string Procedure, string Status, IReadOnlyList<string> Participants);

/// <summary>A lot awarded, or a renewal period that started, in the year, with each administration's share of it.</summary>
/// <param name="Framework">A framework agreement: each share is a ceiling, and the administrations' orders are the commitments.</param>
public sealed record ReportLotView(
    Guid TenderId, string Reference, string TitleNl, string TitleFr, int LotNumber, string LotTitle, string SupplierName,
    DateOnly PeriodStart, DateOnly PeriodEnd, decimal AmountExclVat, decimal AmountInclVat, IReadOnlyList<ReportShareView> Shares, bool Framework = false);

public sealed record ReportShareView(string Administration, decimal AmountExclVat, decimal AmountInclVat);

public sealed record ReportMembershipView(
    string Administration, string Central, string CentralNameNl, string CentralNameFr, DateOnly Start, DateOnly? End, bool JoinedInYear, bool EndedInYear);

/// <summary>One administration's awarded and renewed shares (excl. VAT) in the year and the year before.</summary>
/// <param name="OrderedExclVat">What the administration ordered in the year under joint framework agreements; null for a
/// reader of another administration (what an administration orders is its own, unlike its awarded share).</param>
public sealed record ReportAdministrationView(string Administration, decimal AwardedExclVat, decimal RenewedExclVat, decimal PreviousAwardedExclVat, decimal PreviousRenewedExclVat,
    decimal? OrderedExclVat = null, decimal? PreviousOrderedExclVat = null);

/// <param name="TendersOpened">Joint tenders only: two or more administrations take part, neither a draft nor cancelled.</param>
/// <param name="CentralsJoined">How many different purchasing centrals those memberships are with.</param>
public sealed record ReportFiguresView(int TendersOpened, int LotsAwarded, decimal AwardedExclVat, int LotsRenewed, decimal RenewedExclVat, int MembershipsActive, int CentralsJoined = 0);
