namespace Aankopen.Contracts.Api.V1;

/// <summary>A joint tender as the API shows it. <see cref="Version"/> is also sent as the ETag.</summary>
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
    IReadOnlyList<LotView> Lots);

public sealed record LotView(
    int Number,
    string Title,
    string Cpv,
    decimal EstimatedValueExclVat,
    decimal VatRate,
    string Status,
    IReadOnlyList<OptInView> OptIns,
    AwardView? Award);

public sealed record OptInView(string Administration, decimal EstimatedAmountExclVat, string BudgetLine);

public sealed record AwardView(
    string SupplierName,
    string SupplierEnterpriseNumber,
    decimal AmountExclVat,
    decimal AmountInclVat,
    DateOnly ContractStart,
    DateOnly ContractEnd,
    IReadOnlyList<ShareView> Shares);

public sealed record ShareView(string Administration, decimal AmountExclVat, decimal AmountInclVat, string BudgetLine);

public sealed record AdministrationView(string Code, string NameNl, string NameFr, string EnterpriseNumber, string Kind);
