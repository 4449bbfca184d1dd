namespace Aankopen.Domain.Tenders;

/// <summary>Refusals that several use cases share, worded once so a person reads the same sentence everywhere.</summary>
public static class TenderRules
{
    /// <summary>Who closes an opt-in when nobody did before its deadline.</summary>
    public const string DeadlineActor = "system:opt-in-deadline";

    public static DomainError? LotMissing(JointTender tender, int lotNumber) =>
        tender.Lots.ContainsKey(lotNumber)
            ? null
            : DomainError.NotFound("lot-not-found",
                $"Perceel {lotNumber} bestaat niet in opdracht {tender.Reference}.",
                $"Le lot {lotNumber} n'existe pas dans le marché {tender.Reference}.");

    public static DomainError? Cancelled(JointTender tender) =>
        tender.Status == TenderStatus.Cancelled
            ? DomainError.Conflict("tender-cancelled",
                $"Opdracht {tender.Reference} werd geannuleerd ({tender.CancellationReason}); er kan niets meer aan gebeuren.",
                $"Le marché {tender.Reference} a été annulé ({tender.CancellationReason}) ; il ne peut plus être modifié.")
            : null;

    /// <summary>Lots may change while the tender is a draft, or open for opt-in and before its deadline.</summary>
    public static DomainError? LotsFrozen(JointTender tender, DateTimeOffset now) =>
        tender.Status == TenderStatus.Draft ? null : Cancelled(tender) ?? NotOpenForOptIn(tender, now);

    public static DomainError? NotOpenForOptIn(JointTender tender, DateTimeOffset now)
    {
        if (Cancelled(tender) is { } cancelled)
            return cancelled;
        if (tender.Status == TenderStatus.Draft)
            return DomainError.Conflict("tender-draft",
                $"Opdracht {tender.Reference} is nog een ontwerp: de aankoopcel moet de intekening eerst openen.",
                $"Le marché {tender.Reference} est encore un projet : la cellule d'achat doit d'abord ouvrir l'adhésion.");
        if (tender.Status != TenderStatus.OpenForOptIn)
            return DomainError.Conflict("opt-in-closed",
                $"De intekening voor {tender.Reference} is afgesloten; wijzigingen aan percelen en intekeningen kunnen niet meer.",
                $"L'adhésion au marché {tender.Reference} est clôturée ; les lots et adhésions ne peuvent plus être modifiés.");
        if (now > tender.OptInDeadline)
            return DomainError.Conflict("opt-in-deadline-passed",
                $"De intekentermijn voor {tender.Reference} is verstreken op {Wording.Moment(tender.OptInDeadline, false)}; wijzigingen aan percelen en intekeningen kunnen niet meer.",
                $"Le délai d'adhésion au marché {tender.Reference} a expiré le {Wording.Moment(tender.OptInDeadline, true)} ; les lots et adhésions ne peuvent plus être modifiés.");
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
            return DomainError.Conflict("not-published",
                $"Maak {tender.Reference} eerst bekend (na het afsluiten van de intekening); pas dan kan een perceel gegund worden.",
                $"Publiez d'abord le marché {tender.Reference} (après la clôture de l'adhésion) ; un lot ne peut être attribué qu'ensuite.");
        var lot = tender.Lots[lotNumber];
        return lot.Status switch
        {
            LotStatus.Dropped => DomainError.Conflict("lot-dropped",
                $"Perceel {lot.Number} is vervallen omdat geen enkel bestuur intekende; het kan niet gegund worden.",
                $"Le lot {lot.Number} a été abandonné faute d'adhésion ; il ne peut pas être attribué."),
            LotStatus.Awarded or LotStatus.Terminated => DomainError.Conflict("lot-already-awarded",
                $"Perceel {lot.Number} is al gegund aan {lot.Award!.SupplierName}.",
                $"Le lot {lot.Number} est déjà attribué à {lot.Award!.SupplierName}."),
            LotStatus.NotAwarded => DomainError.Conflict("lot-not-awarded",
                $"Over perceel {lot.Number} werd al beslist dat het niet gegund wordt ({lot.Ending}).",
                $"Il a déjà été décidé de ne pas attribuer le lot {lot.Number} ({lot.Ending})."),
            _ => null,
        };
    }

    /// <summary>Opting in and withdrawing are for the administrations the tender invited.</summary>
    public static DomainError? NotInvited(JointTender tender, string administration) =>
        tender.InvitedAdministrations.Contains(administration)
            ? null
            : DomainError.Conflict("administration-not-invited",
                $"Bestuur '{InputChecks.Shorten(administration)}' is niet uitgenodigd voor {tender.Reference} en kan niet intekenen.",
                $"L'administration '{InputChecks.Shorten(administration)}' n'est pas invitée au marché {tender.Reference} et ne peut pas y adhérer.");

    /// <summary>What opting in, changing and withdrawing all need: the lot, an opt-in still open, and an invitation.</summary>
    public static DomainError? OptInUnchangeable(JointTender tender, int lotNumber, string administration, DateTimeOffset now) =>
        LotMissing(tender, lotNumber) ?? NotOpenForOptIn(tender, now) ?? NotInvited(tender, administration);
}
