using Aankopen.Contracts.Finance.V1;
using Aankopen.Domain;
using Aankopen.Domain.Tenders;

namespace Aankopen.Worker.Notifications;

/// <summary>
/// What each administration's finance system must hear about one stored event: one message per administration
/// concerned, each with only its own figures. <paramref name="Before"/> and <paramref name="After"/> are the tender
/// just before and just after the event, so a message can say what changed.
/// </summary>
public sealed record FinanceEvent(JointTender? Before, JointTender After, object Data, Guid EventId, string CorrelationId, DateTimeOffset At);

public static class FinanceMessages
{
    public static IReadOnlyList<FinanceMessage> For(FinanceEvent e) => NotWaiting(e, Of(e));

    /// <summary>
    /// A finance system hears nothing of a lot's running contract (renewals, releases) while its administration's share
    /// waits for its own award decision: it has no commitment to renew or release yet.
    /// </summary>
    /// <remarks>A decision coming into force is what releases a waiting share: its messages are never held back.</remarks>
    private static IReadOnlyList<FinanceMessage> NotWaiting(FinanceEvent e, IReadOnlyList<FinanceMessage> messages) =>
        e.Data is DecisionRecorded or DecisionSupervised || !messages.Any(m => Waits(e.Before, m)) ? messages : messages.Where(m => !Waits(e.Before, m)).ToArray();

    private static bool Waits(JointTender? before, FinanceMessage message) =>
        message is TenderFinanceMessage m
        && before?.Lots.GetValueOrDefault(m.LotNumber)?.Award?.AwaitingDecision.Contains(m.AdministrationCode) == true;

    private static IReadOnlyList<FinanceMessage> Of(FinanceEvent e) => (e.Before, e.Data) switch
    {
        (not null, LotAwarded awarded) => e.After.Lots[awarded.LotNumber].IsFramework
            ? OrderMessages.Announced(e, e.After.Lots[awarded.LotNumber], awarded.AwardedBy)
            : ForAward(e.After, awarded, e.EventId, e.CorrelationId),
        (not null, OrderRecorded order) => [OrderMessages.Placed(e, e.After.Lots[order.LotNumber], order)],
        (not null, DecisionRecorded or DecisionSupervised) => ReleasedShares(e),
        (not null, OptedIn optedIn) => [Reservation(e, optedIn.LotNumber, optedIn.Administration,
            e.Before.Lots[optedIn.LotNumber].OptInOf(optedIn.Administration) is null ? ReservationChange.Registered : ReservationChange.Changed,
            e.After.Lots[optedIn.LotNumber].OptInOf(optedIn.Administration)!, optedIn.OptedInBy)],
        (not null, OptInWithdrawn withdrawn) => [Reservation(e, withdrawn.LotNumber, withdrawn.Administration, ReservationChange.Withdrawn,
            e.Before.Lots[withdrawn.LotNumber].OptInOf(withdrawn.Administration)!, withdrawn.WithdrawnBy)],
        (not null, LotRemoved removed) => ReleaseOptIns(e, e.Before.Lots[removed.LotNumber], ReleaseReason.LotRemoved, null, removed.RemovedBy),
        (not null, LotNotAwarded notAwarded) =>
            ReleaseOptIns(e, e.Before.Lots[notAwarded.LotNumber], ReleaseReason.LotNotAwarded, notAwarded.Reason, notAwarded.DecidedBy),
        (not null, TenderCancelled cancelled) => e.Before.LiveLots
            .SelectMany(lot => ReleaseOptIns(e, lot, ReleaseReason.TenderCancelled, cancelled.Reason, cancelled.CancelledBy, perLot: true)).ToArray(),
        (not null, LotTerminated terminated) => ReleaseShares(e, e.Before.Lots[terminated.LotNumber], terminated),
        (not null, RenewalBecameDue due) => RenewalMessages.Due(e, e.After.Lots[due.LotNumber], due),
        (not null, RenewalDeclined declined) => [RenewalMessages.Declined(e, e.Before.Lots[declined.LotNumber], declined)],
        (not null, LotRenewed renewed) => e.After.Lots[renewed.LotNumber].IsFramework
            ? OrderMessages.Announced(e, e.After.Lots[renewed.LotNumber], renewed.RenewedBy)
            : RenewalMessages.Renewed(e, e.After.Lots[renewed.LotNumber], renewed),
        (not null, LotEnded ended) => RenewalMessages.Ended(e, e.Before.Lots[ended.LotNumber], ended),
        (not null, LotNotRenewed notRenewed) => RenewalMessages.NotRenewed(e, e.Before.Lots[notRenewed.LotNumber], notRenewed),
        _ => [],
    };

    /// <summary>Each administration's share, except those that wait for their own award decision.</summary>
    public static IReadOnlyList<LotAwardedShare> ForAward(JointTender tender, LotAwarded awarded, Guid eventId, string correlationId)
    {
        var lot = tender.Lots[awarded.LotNumber];
        return lot.Award!.Shares.Where(s => !lot.Award.AwaitingDecision.Contains(s.Administration))
            .Select(share => AwardedShare(tender, lot, share, new Envelope(eventId, correlationId, share.Administration))).ToArray();
    }

    /// <summary>An administration's award decision came into force after the award: now its finance system hears of its share.</summary>
    private static IReadOnlyList<FinanceMessage> ReleasedShares(FinanceEvent e) =>
        e.After.Lots.Values.Where(lot => lot.Award is not null)
            .SelectMany(lot => lot.Award!.Shares
                .Where(s => e.Before!.Lots[lot.Number].Award!.AwaitingDecision.Contains(s.Administration) && !lot.Award.AwaitingDecision.Contains(s.Administration))
                .Select(share => lot.IsFramework
                    ? OrderMessages.Announced(e, lot, share.Administration, lot.Award.AwardedBy)
                    : (FinanceMessage)AwardedShare(e.After, lot, share, Envelope.To(e, share.Administration))))
            .OfType<FinanceMessage>().ToArray();

    /// <remarks>
    /// Released late, a share is announced for the contract's current period and the administration's share of it, so
    /// a renewal that went on meanwhile is not lost and nothing is left to release for periods that already ended.
    /// </remarks>
    private static LotAwardedShare AwardedShare(JointTender tender, Lot lot, AwardShare share, Envelope envelope)
    {
        var award = lot.Award!;
        var (start, end) = lot.Running is { } running ? (running.PeriodStart, running.PeriodEnd) : (award.ContractStart, award.ContractEnd);
        var current = lot.RunningShareOf(share.Administration) ?? share;
        return envelope.Seal(new LotAwardedShare
        {
            TenderTitleNl = tender.TitleNl,
            TenderTitleFr = tender.TitleFr,
            Supplier = SupplierOf(lot),
            ShareExclVat = current.AmountExclVat,
            VatRate = lot.VatRate,
            ShareInclVat = current.AmountInclVat,
            BudgetLine = current.BudgetLine,
            ContractStart = start,
            ContractEnd = end,
            AwardedBy = award.AwardedBy,
            AwardedAt = award.AwardedAt,
        }, tender, lot);
    }

    /// <summary>The awarded supplier as every commitment names it.</summary>
    internal static Supplier SupplierOf(Lot lot) => new(lot.Award!.SupplierName, lot.Award.SupplierId);

    private static ProvisionalReservation Reservation(FinanceEvent e, int lotNumber, string administration, ReservationChange change, OptIn optIn, string by)
    {
        var lot = e.After.Lots[lotNumber];
        return Envelope.To(e, administration).Seal(new ProvisionalReservation
        {
            TenderTitleNl = e.After.TitleNl,
            TenderTitleFr = e.After.TitleFr,
            Change = change,
            EstimatedAmountExclVat = optIn.EstimatedAmountExclVat is { } estimate ? Money.ToCents(estimate) : null,
            VatRate = lot.VatRate,
            EstimatedAmountInclVat = optIn.EstimatedAmountExclVat is { } amount ? Money.InclVat(amount, lot.VatRate) : null,
            EstimatedQuantity = optIn.EstimatedQuantity,
            BudgetLine = optIn.BudgetLine,
            ChangedBy = by,
            ChangedAt = e.At,
        }, e.After, lot);
    }

    private static IReadOnlyList<FinanceMessage> ReleaseOptIns(
        FinanceEvent e, Lot lot, ReleaseReason reason, string? explanation, string by, bool perLot = false) =>
        lot.OptIns.Select(optIn => (FinanceMessage)Release(e, lot, optIn.Administration, reason, explanation, optIn.BudgetLine,
            optIn.EstimatedAmountExclVat is { } estimate ? Money.ToCents(estimate) : null, optIn.EstimatedAmountExclVat is { } amount ? Money.InclVat(amount, lot.VatRate) : null,
            BrusselsCalendar.DateOf(e.At), by, perLot)).ToArray();

    /// <summary>The shares of the contract's current period end: an administration that left it at a renewal heard so then.</summary>
    private static IReadOnlyList<FinanceMessage> ReleaseShares(FinanceEvent e, Lot lot, LotTerminated terminated) =>
        (lot.Running?.Shares ?? lot.Award!.Shares).Select(share => (FinanceMessage)Release(e, lot, share, ReleaseReason.LotTerminated, terminated.Reason,
            terminated.EffectiveOn, terminated.TerminatedBy)).ToArray();

    /// <remarks>
    /// Under a framework agreement the share was a ceiling, never committed: the release says so and carries no amount,
    /// and the orders, each committed on its own, stay booked.
    /// </remarks>
    internal static ReservationReleased Release(FinanceEvent e, Lot lot, AwardShare share, ReleaseReason reason, string? explanation, DateOnly effectiveOn, string by) =>
        lot.IsFramework
            ? Release(e, lot, share.Administration, reason, $"{explanation} ({FrameworkCeilingEnds})".TrimStart(), share.BudgetLine, null, null, effectiveOn, by, perLot: false)
            : Release(e, lot, share.Administration, reason, explanation, share.BudgetLine, share.AmountExclVat, share.AmountInclVat, effectiveOn, by, perLot: false);

    private const string FrameworkCeilingEnds =
        "raamovereenkomst: het plafond vervalt, de bestellingen blijven vastgelegd / accord-cadre : le plafond tombe, les commandes restent engagées";

    /// <param name="perLot">One event releases several lots of the same administration: the lot joins the addressee in the id.</param>
    private static ReservationReleased Release(
        FinanceEvent e, Lot lot, string administration, ReleaseReason reason, string? explanation, string budgetLine,
        decimal? exclVat, decimal? inclVat, DateOnly effectiveOn, string by, bool perLot) =>
        new Envelope(e.EventId, e.CorrelationId, administration, perLot ? $"{administration}/{lot.Number}" : null).Seal(new ReservationReleased
        {
            Reason = reason,
            Explanation = explanation,
            BudgetLine = budgetLine,
            CommittedExclVat = exclVat,
            CommittedInclVat = inclVat,
            EffectiveOn = effectiveOn,
            DecidedBy = by,
            DecidedAt = e.At,
        }, e.After, lot);
}
