namespace Aankopen.Contracts.Api.V1;

/// <summary>One line of the tender list.</summary>
public sealed record TenderSummaryView(
    Guid Id,
    long Version,
    string Reference,
    string TitleNl,
    string TitleFr,
    string Status,
    int Year,
    string MainCpv,
    string LeadAdministration,
    IReadOnlyList<string> InvitedAdministrations,
    DateTimeOffset OptInDeadline,
    int LotCount,
    decimal EstimatedTotalExclVat,
    decimal AwardedTotalExclVat);

public sealed record PageView<T>(IReadOnlyList<T> Items, long Total, int Page, int PageSize);

/// <summary>One recorded fact of a tender's life: what happened, who did it, when, its recorded content, and the correlation id of the request that recorded it.</summary>
/// <param name="CorrelationId">This service's id of the request that recorded the fact (in its logs and answer).</param>
/// <param name="CallerCorrelationId">The id the caller sent in X-Correlation-Id, if any: the caller's word, not checked.</param>
public sealed record HistoryEntryView(long Version, string Event, string By, DateTimeOffset At, object Data, string? CorrelationId = null,
    string? CallerCorrelationId = null);

/// <summary>An administration's part in the joint tenders opened in one year, and the shares it was awarded in that year.</summary>
public sealed record AdministrationYearView(
    string Administration,
    int Year,
    IReadOnlyList<ParticipationView> Participations,
    decimal EstimatedTotalExclVat,
    decimal AwardedTotalExclVat,
    decimal AwardedTotalInclVat);

public sealed record ParticipationView(
    Guid TenderId,
    string Reference,
    string TitleNl,
    string TitleFr,
    string TenderStatus,
    IReadOnlyList<ParticipationLotView> Lots);

/// <param name="Status">Participating, Withdrawn, Awarded, NotAwarded, Terminated, Dropped or Cancelled.</param>
public sealed record ParticipationLotView(
    int LotNumber,
    string Status,
    decimal? EstimatedAmountExclVat,
    decimal? EstimatedQuantity,
    string? BudgetLine,
    string? SupplierName,
    decimal? ShareExclVat,
    decimal? ShareInclVat,
    DateOnly? AwardedOn,
    ConsumptionView? Consumption = null);

public sealed record RegisterAdministrationRequest(string Code, string NameNl, string NameFr, string EnterpriseNumber, string Kind);

public sealed record ChangeAdministrationRequest(string NameNl, string NameFr, string EnterpriseNumber, string Kind);

/// <param name="Status">Published (left Aankopen, no word from the connector yet), Delivered, Retrying or Failed
/// (in the connector's error queue).</param>
/// <param name="CorrelationId">That of the request whose decision the message carries.</param>
public sealed record DeliveryView(
    Guid MessageId,
    string Administration,
    string MessageType,
    Guid? TenderId,
    string? TenderReference,
    int? LotNumber,
    Guid? MembershipId,
    string BusinessKey,
    DateTimeOffset PublishedAt,
    string Status,
    int Attempts,
    string? Reason,
    string? FinanceSystemId,
    bool Replayed,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<DeliveryReportView> Reports,
    string? CorrelationId = null);

public sealed record DeliveryReportView(string Status, int Attempt, string? Reason, DateTimeOffset At);

/// <summary>
/// One running lot in the renewal calendar: what comes next and by when. Sorted by <c>firstDate</c>.
/// </summary>
/// <param name="NextRenewal">The number of the next renewal, or null when the contract ends with this period.</param>
/// <param name="NoticeDeadline">The last day to terminate or decline before it renews; null when it will not renew.</param>
/// <param name="Administrations">Who shares the current period; <paramref name="Declined"/> will not continue.</param>
public sealed record RenewalCalendarEntryView(
    Guid TenderId,
    string TenderReference,
    int LotNumber,
    string LotTitle,
    string SupplierName,
    int Renewals,
    int? NextRenewal,
    DateOnly PeriodEnd,
    DateOnly? NoticeDeadline,
    DateOnly FirstDate,
    IReadOnlyList<string> Administrations,
    IReadOnlyList<string> Declined,
    IReadOnlyList<ConsumptionView>? Consumption = null);

/// <summary>A code of the CPV 2008 list with its Dutch and French labels.</summary>
public sealed record CpvView(string Code, string Nl, string Fr);
