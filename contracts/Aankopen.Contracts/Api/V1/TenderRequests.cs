namespace Aankopen.Contracts.Api.V1;

// Request bodies of the tender API. Writes also take If-Match (the ETag of the version they were decided on) and
// X-Aankopen-Actor (who acts).

/// <param name="Procedure">Open, Restricted, CompetitiveProcedureWithNegotiation, NegotiatedWithPriorPublication,
/// NegotiatedWithoutPriorPublication or AcceptedInvoice.</param>
public sealed record OpenTenderRequest(
    string Reference,
    string TitleNl,
    string TitleFr,
    string MainCpv,
    string Procedure,
    string LeadAdministration,
    IReadOnlyList<string> InvitedAdministrations,
    DateTimeOffset OptInDeadline);

/// <param name="LotNumber">Leave out to take the next free number.</param>
/// <param name="VatRate">Percent: 0, 6, 12 or 21.</param>
public sealed record AddLotRequest(
    int? LotNumber,
    string Title,
    string Cpv,
    decimal EstimatedValueExclVat,
    decimal VatRate);

public sealed record OptInRequest(decimal EstimatedAmountExclVat, string BudgetLine);

/// <param name="SupplierEnterpriseNumber">Belgian KBO/BCE number: 0123.456.749 or BE0123456749.</param>
public sealed record AwardLotRequest(
    string SupplierName,
    string SupplierEnterpriseNumber,
    decimal AwardedAmountExclVat,
    DateOnly ContractStart,
    DateOnly ContractEnd);
