using Aankopen.Api.Shared;

namespace Aankopen.Api.Tenders;

// The facts of a joint tender's life. They are stored for ever and never edited, so each carries the stream id,
// who acted and when; finance systems never see these types (they get Aankopen.Contracts messages instead).

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
    string OpenedBy,
    DateTimeOffset OpenedAt);

public sealed record LotAdded(
    Guid TenderId,
    int LotNumber,
    string Title,
    string Cpv,
    decimal EstimatedValueExclVat,
    decimal VatRate,
    string AddedBy,
    DateTimeOffset AddedAt);

/// <summary>An administration opted into a lot, or changed its earlier opt-in (the latest one counts).</summary>
public sealed record OptedIn(
    Guid TenderId,
    int LotNumber,
    string Administration,
    decimal EstimatedAmountExclVat,
    string BudgetLine,
    string OptedInBy,
    DateTimeOffset OptedInAt);

/// <summary>The opt-in closed; <paramref name="DroppedLots"/> are the lots nobody opted into.</summary>
public sealed record OptInClosed(
    Guid TenderId,
    IReadOnlyList<int> DroppedLots,
    string ClosedBy,
    DateTimeOffset ClosedAt);

public sealed record LotAwarded(
    Guid TenderId,
    int LotNumber,
    string SupplierName,
    string SupplierEnterpriseNumber,
    decimal AwardedAmountExclVat,
    decimal VatRate,
    decimal AwardedAmountInclVat,
    DateOnly ContractStart,
    DateOnly ContractEnd,
    IReadOnlyList<AwardShare> Shares,
    string AwardedBy,
    DateTimeOffset AwardedAt);

/// <summary>One administration's part of an award, decided at award time so that every reader sees the same cents.</summary>
public sealed record AwardShare(string Administration, decimal AmountExclVat, decimal AmountInclVat, string BudgetLine);
