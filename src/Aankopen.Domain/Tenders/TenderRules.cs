namespace Aankopen.Domain.Tenders;

/// <summary>Refusals that several use cases share, worded once so a person reads the same sentence everywhere.</summary>
public static class TenderRules
{
    /// <summary>Who closes an opt-in when nobody did before its deadline.</summary>
    public const string DeadlineActor = "system:opt-in-deadline";

    public static DomainError? LotMissing(JointTender tender, int lotNumber) =>
        tender.Lots.ContainsKey(lotNumber)
            ? null
            : DomainError.NotFound("lot-not-found", lotNumber, tender.Reference);

    public static DomainError? Cancelled(JointTender tender) =>
        tender.Status == TenderStatus.Cancelled
            ? DomainError.Conflict("tender-cancelled", tender.Reference, tender.CancellationReason)
            : null;

    /// <summary>Lots may change while the tender is a draft, or open for opt-in and before its deadline.</summary>
    public static DomainError? LotsFrozen(JointTender tender, DateTimeOffset now) =>
        tender.Status == TenderStatus.Draft ? null : Cancelled(tender) ?? NotOpenForOptIn(tender, now);

    public static DomainError? NotOpenForOptIn(JointTender tender, DateTimeOffset now)
    {
        if (Cancelled(tender) is { } cancelled)
            return cancelled;
        if (tender.Status == TenderStatus.Draft)
            return DomainError.Conflict("tender-draft", tender.Reference);
        if (tender.Status != TenderStatus.OpenForOptIn)
            return DomainError.Conflict("opt-in-closed", tender.Reference);
        if (now > tender.OptInDeadline)
            return DomainError.Conflict("opt-in-deadline-passed", tender.Reference, Spoken.Moment(tender.OptInDeadline));
        return null;
    }

    /// <summary>
    /// A tender whose deadline passed is closed, whether or not anyone said so yet: a decision taken after the
    /// deadline first records that closing, so the stream always shows when and why the opt-in ended.
    /// </summary>
    public static (JointTender State, IReadOnlyList<object> Closing) CloseIfDeadlinePassed(JointTender tender, DateTimeOffset now)
    {
        if (tender.Status != TenderStatus.OpenForOptIn || now <= tender.OptInDeadline)
            return (tender, []);
        var closed = new OptInClosed(tender.Id, DroppedLots(tender), AtDeadline: true, DeadlineActor, tender.OptInDeadline);
        return (tender.Apply(closed), [closed]);
    }

    public static IReadOnlyList<int> DroppedLots(JointTender tender) =>
        tender.Lots.Values.Where(lot => lot.OptIns.IsEmpty).Select(lot => lot.Number).ToArray();

    /// <summary>Awarding and declaring "not awarded" both need a published tender and a lot that is still open.</summary>
    public static DomainError? LotUndecided(JointTender tender, int lotNumber)
    {
        if (TenderRules.Cancelled(tender) is { } cancelled)
            return cancelled;
        if (tender.Status != TenderStatus.Published)
            return DomainError.Conflict("not-published", tender.Reference);
        var lot = tender.Lots[lotNumber];
        return lot.Status switch
        {
            LotStatus.Dropped => DomainError.Conflict("lot-dropped", lot.Number),
            LotStatus.Awarded or LotStatus.Terminated => DomainError.Conflict("lot-already-awarded", lot.Number, lot.Award!.SupplierName),
            LotStatus.NotAwarded => DomainError.Conflict("lot-not-awarded", lot.Number, lot.Ending),
            _ => null,
        };
    }

    /// <summary>Opting in and withdrawing are for the administrations the tender invited.</summary>
    public static DomainError? NotInvited(JointTender tender, string administration) =>
        tender.InvitedAdministrations.Contains(administration)
            ? null
            : DomainError.Conflict("administration-not-invited", InputChecks.Shorten(administration), tender.Reference);

    /// <summary>What opting in, changing and withdrawing all need: the lot, an opt-in still open, and an invitation.</summary>
    public static DomainError? OptInUnchangeable(JointTender tender, int lotNumber, string administration, DateTimeOffset now) =>
        LotMissing(tender, lotNumber) ?? NotOpenForOptIn(tender, now) ?? NotInvited(tender, administration);
}
