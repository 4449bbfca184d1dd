using Aankopen.Api.Tenders;
using Aankopen.Contracts.Finance.V1;

namespace Aankopen.Api.Notifications;

/// <summary>Turns a stored award into one contract message per participating administration, each with only its own share.</summary>
public static class FinanceMessages
{
    public static IReadOnlyList<LotAwardedShare> ForAward(JointTender tender, LotAwarded awarded, Guid eventId, string correlationId)
    {
        var lot = tender.Lots[awarded.LotNumber];
        return awarded.Shares.Select(share => new LotAwardedShare
        {
            MessageId = MessageIds.For(eventId, share.Administration),
            CorrelationId = correlationId,
            AdministrationCode = share.Administration,
            TenderId = tender.Id,
            TenderReference = tender.Reference,
            TenderTitleNl = tender.TitleNl,
            TenderTitleFr = tender.TitleFr,
            LotNumber = lot.Number,
            LotTitle = lot.Title,
            Supplier = new Supplier(awarded.SupplierName, awarded.SupplierId),
            ShareExclVat = share.AmountExclVat,
            VatRate = awarded.VatRate,
            ShareInclVat = share.AmountInclVat,
            BudgetLine = share.BudgetLine,
            ContractStart = awarded.ContractStart,
            ContractEnd = awarded.ContractEnd,
            AwardedBy = awarded.AwardedBy,
            AwardedAt = awarded.AwardedAt,
        }).ToArray();
    }
}
