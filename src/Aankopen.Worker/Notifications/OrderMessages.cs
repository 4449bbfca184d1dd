using Aankopen.Contracts.Finance.V1;
using Aankopen.Domain.Tenders;

namespace Aankopen.Worker.Notifications;

/// <summary>
/// What finance systems hear of a framework agreement: the ceiling of each period for each administration sharing it
/// (nothing committed), then each order as a commitment, to the ordering administration only.
/// </summary>
public static class OrderMessages
{
    /// <summary>The current period's ceiling for every administration whose share does not wait for its own award decision.</summary>
    public static IReadOnlyList<FinanceMessage> Announced(FinanceEvent e, Lot lot, string by) =>
        lot.Running!.Shares.Where(s => !lot.Award!.AwaitingDecision.Contains(s.Administration))
            .Select(s => Announced(e, lot, s.Administration, by)).OfType<FinanceMessage>().ToArray();

    /// <summary>The current period's ceiling for one administration; null when it has no share in that period.</summary>
    public static FrameworkShareAnnounced? Announced(FinanceEvent e, Lot lot, string administration, string by)
    {
        var running = lot.Running!;
        if (lot.RunningShareOf(administration) is not { } share)
            return null;
        return Envelope.To(e, administration).Seal(new FrameworkShareAnnounced
        {
            TenderTitleNl = e.After.TitleNl,
            TenderTitleFr = e.After.TitleFr,
            Supplier = FinanceMessages.SupplierOf(lot),
            Renewal = running.Renewals,
            ShareExclVat = share.AmountExclVat,
            VatRate = lot.VatRate,
            ShareInclVat = share.AmountInclVat,
            BudgetLine = share.BudgetLine,
            PeriodStart = running.PeriodStart,
            PeriodEnd = running.PeriodEnd,
            AnnouncedBy = by,
            AnnouncedAt = e.At,
        }, e.After, lot);
    }

    public static OrderPlaced Placed(FinanceEvent e, Lot lot, OrderRecorded order) =>
        Envelope.To(e, order.Administration).Seal(new OrderPlaced
        {
            OrderNumber = order.Number,
            OrderReference = order.Reference,
            OrderedOn = order.OrderedOn,
            Supplier = FinanceMessages.SupplierOf(lot),
            AmountExclVat = order.AmountExclVat,
            VatRate = lot.VatRate,
            AmountInclVat = order.AmountInclVat,
            BudgetLine = order.BudgetLine,
            Renewal = order.Renewal,
            // The end of the period the order counts in: the one before, for an order dated in it after a renewal.
            PeriodEnd = lot.Running!.EndOf(order.Renewal),
            PlacedBy = order.RecordedBy,
            PlacedAt = order.RecordedAt,
        }, e.After, lot);
}
