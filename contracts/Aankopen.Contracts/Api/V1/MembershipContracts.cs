namespace Aankopen.Contracts.Api.V1;

/// <param name="Level">Federal, Regional, Provincial, Intermunicipal or Other.</param>
public sealed record RegisterCentralRequest(string Code, string NameNl, string NameFr, string EnterpriseNumber, string Level);

public sealed record CentralView(string Code, string NameNl, string NameFr, string EnterpriseNumber, string Level);

/// <summary>What may be bought through the central: categories (free names, e.g. Papier) and/or CPV divisions (e.g. 30).</summary>
public sealed record ScopeDto(IReadOnlyList<string>? Categories, IReadOnlyList<int>? CpvDivisions);

/// <param name="End">Leave out for an open-ended membership.</param>
/// <param name="NoticeMonths">How many months before an end it must be terminated (0 to 24).</param>
public sealed record JoinCentralRequest(
    string Administration,
    string Central,
    string DecidingBody,
    DateOnly DecisionDate,
    string DecisionReference,
    ScopeDto? Scope,
    DateOnly Start,
    DateOnly? End,
    int NoticeMonths);

public sealed record ChangeScopeRequest(ScopeDto? Scope, string DecisionReference);

/// <param name="NewEnd">The new end; leave out to make the membership open-ended.</param>
public sealed record RenewMembershipRequest(DateOnly? NewEnd, string DecisionReference);

public sealed record EndMembershipRequest(DateOnly EndsOn, string Reason);

public sealed record MembershipView(
    Guid Id,
    long Version,
    string Administration,
    string Central,
    string DecidingBody,
    DateOnly DecisionDate,
    string DecisionReference,
    ScopeDto Scope,
    DateOnly Start,
    DateOnly? End,
    int NoticeMonths,
    DateOnly? NoticeDeadline,
    bool Terminated,
    string? EndReason);

/// <param name="Reason">Why, in Dutch or French after Accept-Language: the membership that allows it, or what is missing.</param>
public sealed record MayBuyView(bool Allowed, string Reason, Guid? MembershipId);

/// <summary>
/// An administration buys through another acting as its purchasing central (opdrachtencentrale) for one tender: the
/// other decides and awards; this one orders under it and pays its own orders.
/// </summary>
public sealed record BuyingThroughView(
    string Administration,
    string Through,
    Guid TenderId,
    string Reference,
    string TitleNl,
    string TitleFr,
    string TenderStatus);
