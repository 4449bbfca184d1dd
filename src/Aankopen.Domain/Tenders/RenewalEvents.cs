namespace Aankopen.Domain.Tenders;

// The facts of a running lot contract's renewals, in the same tender stream as its award.

/// <summary>Renewal <paramref name="Renewal"/> comes up: it applies on <paramref name="RenewsOn"/> unless the lot is
/// terminated, or an administration declines, by <paramref name="NoticeDeadline"/>. <paramref name="ExpectedShares"/>
/// are the next period's shares of those continuing, decided to the cent when it came up, as finance systems are told
/// them; none on events recorded before they were stored.</summary>
public sealed record RenewalBecameDue(
    Guid TenderId, int LotNumber, int Renewal, DateOnly NoticeDeadline, DateOnly RenewsOn, string RecordedBy, DateTimeOffset RecordedAt,
    IReadOnlyList<AwardShare>? ExpectedShares = null);

/// <summary>One administration will not take part in renewal <paramref name="Renewal"/>; its share ends with the current period.</summary>
public sealed record RenewalDeclined(
    Guid TenderId, int LotNumber, int Renewal, string Administration, string DeclinedBy, DateTimeOffset DeclinedAt);

/// <summary>The lot's contract renewed for <paramref name="PeriodStart"/> to <paramref name="PeriodEnd"/>; the shares
/// are those of the administrations that continue, decided to the cent when it renewed.</summary>
public sealed record LotRenewed(
    Guid TenderId,
    int LotNumber,
    int Renewal,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    decimal AmountExclVat,
    decimal VatRate,
    decimal AmountInclVat,
    IReadOnlyList<AwardShare> Shares,
    string RenewedBy,
    DateTimeOffset RenewedAt);

/// <summary>
/// The purchasing cell gives notice (opzegging / préavis) that the lot's contract will not renew: it ends with its
/// current period, on <paramref name="EndsOn"/>, for every administration. Only before the notice deadline; ending a
/// contract early is another act (<see cref="LotTerminated"/>).
/// </summary>
public sealed record LotNotRenewed(Guid TenderId, int LotNumber, int Renewal, DateOnly EndsOn, string Reason, string DecidedBy, DateTimeOffset DecidedAt);

public enum LotEndReason { LastPeriod, NotRenewable, AllDeclined, NotRenewed }

/// <summary>The lot's contract ran its course and ended on <paramref name="EndedOn"/> (its last day).</summary>
public sealed record LotEnded(Guid TenderId, int LotNumber, DateOnly EndedOn, LotEndReason Reason, string RecordedBy, DateTimeOffset RecordedAt);
