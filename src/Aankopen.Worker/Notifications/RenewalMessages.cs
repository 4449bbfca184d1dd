using Aankopen.Contracts.Finance.V1;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.Renewals;

namespace Aankopen.Worker.Notifications;

/// <summary>What each administration's finance system hears about the renewals of a lot it shares.</summary>
public static class RenewalMessages
{
    /// <summary>A renewal comes up: each administration that continues gets its expected share of the next period.</summary>
    public static IReadOnlyList<FinanceMessage> Due(FinanceEvent e, Lot lot, RenewalBecameDue due)
    {
        // The figures the event recorded, never worked out again here: a replay after a change to the rules sends
        // what was sent the first time. Only events recorded before the shares were stored are worked out again.
        var shares = due.ExpectedShares ?? RenewalDeciders.NextShares(lot, lot.Running!).Shares;
        return shares.Select(share => (FinanceMessage)Envelope.To(e, share.Administration).Seal(new RenewalDue
        {
            Renewal = due.Renewal,
            NoticeDeadline = due.NoticeDeadline,
            RenewsOn = due.RenewsOn,
            ExpectedShareExclVat = share.AmountExclVat,
            ExpectedShareInclVat = share.AmountInclVat,
            BudgetLine = share.BudgetLine,
        }, e.After, lot)).ToArray();
    }

    /// <summary>The administration that declined hears that its share ends with the current period.</summary>
    public static FinanceMessage Declined(FinanceEvent e, Lot lot, RenewalDeclined declined) =>
        FinanceMessages.Release(e, lot, lot.Running!.Shares.Single(s => s.Administration == declined.Administration), ReleaseReason.LotEnded,
            $"Verlenging {declined.Renewal} geweigerd / reconduction {declined.Renewal} refusée", lot.Running.PeriodEnd, declined.DeclinedBy);

    /// <summary>Notice was given: every administration sharing the contract hears that its share ends with the current period.</summary>
    public static IReadOnlyList<FinanceMessage> NotRenewed(FinanceEvent e, Lot lot, LotNotRenewed notRenewed) =>
        lot.Running!.Shares.Where(s => !lot.Running.Declined.Contains(s.Administration))
            .Select(share => (FinanceMessage)FinanceMessages.Release(e, lot, share, ReleaseReason.LotEnded,
                $"Niet verlengd / non reconduit: {notRenewed.Reason}", notRenewed.EndsOn, notRenewed.DecidedBy))
            .ToArray();

    public static IReadOnlyList<FinanceMessage> Renewed(FinanceEvent e, Lot lot, LotRenewed renewed) =>
        renewed.Shares.Select(share => (FinanceMessage)Envelope.To(e, share.Administration).Seal(new LotRenewedShare
        {
            Renewal = renewed.Renewal,
            Supplier = FinanceMessages.SupplierOf(lot),
            ShareExclVat = share.AmountExclVat,
            VatRate = renewed.VatRate,
            ShareInclVat = share.AmountInclVat,
            BudgetLine = share.BudgetLine,
            PeriodStart = renewed.PeriodStart,
            PeriodEnd = renewed.PeriodEnd,
            RenewedBy = renewed.RenewedBy,
            RenewedAt = renewed.RenewedAt,
        }, e.After, lot)).ToArray();

    /// <summary>The contract ran its course: every administration still sharing it releases what remains after the end.</summary>
    public static IReadOnlyList<FinanceMessage> Ended(FinanceEvent e, Lot lot, LotEnded ended) =>
        lot.Running!.Shares.Where(s => !lot.Running.Declined.Contains(s.Administration))
            .Select(share => (FinanceMessage)FinanceMessages.Release(e, lot, share, ReleaseReason.LotEnded, ended.Reason.ToString(), ended.EndedOn, ended.RecordedBy))
            .ToArray();
}
