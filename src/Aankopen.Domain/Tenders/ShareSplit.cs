namespace Aankopen.Domain.Tenders;

/// <summary>A share the purchasing cell gives for an administration instead of the split by the opt-ins.</summary>
public sealed record ExplicitShare(string Administration, decimal AmountExclVat);

/// <summary>
/// How an awarded amount is divided over a lot's participants. The amount excl. VAT is split with largest-remainder
/// rounding, so the shares add up to it to the cent. Each administration then receives its own invoice from the
/// supplier, with VAT computed on its own share: a share incl. VAT is its amount excl. VAT plus that VAT rounded to the
/// cent (<see cref="Money.InclVat"/>), and the award's amount incl. VAT is the sum of those, which may differ by a
/// cent or two from VAT computed on the whole amount at once.
/// </summary>
public sealed record ShareSplit(IReadOnlyList<AwardShare>? Shares, DomainError? Error)
{
    /// <summary>
    /// By the opt-in estimates: amounts when every participant gave one, otherwise quantities when every participant
    /// gave one. Participants are taken in the order they were invited, which decides who gets a leftover cent.
    /// </summary>
    public static ShareSplit Proportional(JointTender tender, Lot lot, decimal totalExclVat)
    {
        var participants = InInvitationOrder(tender, lot);
        decimal[]? weights = participants.All(o => o.EstimatedAmountExclVat is not null)
            ? participants.Select(o => o.EstimatedAmountExclVat!.Value).ToArray()
            : participants.All(o => o.EstimatedQuantity is not null)
                ? participants.Select(o => o.EstimatedQuantity!.Value).ToArray()
                : null;
        if (weights is null)
            return new(null, DomainError.Conflict("explicit-shares-required",
                $"De deelnemers aan perceel {lot.Number} gaven niet allemaal een bedrag of allemaal een hoeveelheid op; geef de aandelen per bestuur expliciet mee (explicitShares).",
                $"Les participants au lot {lot.Number} n'ont pas tous indiqué un montant ou tous une quantité ; indiquez explicitement la part de chaque administration (explicitShares)."));
        return Build(participants, LargestRemainder.Split(totalExclVat, weights), lot.VatRate);
    }

    public static ShareSplit Explicit(JointTender tender, Lot lot, IReadOnlyList<ExplicitShare> given, decimal totalExclVat)
    {
        var participants = InInvitationOrder(tender, lot);
        var byAdministration = given.GroupBy(s => s.Administration ?? "").ToDictionary(g => g.Key, g => g.ToArray());
        var errors = new List<DomainError>();
        foreach (var (code, shares) in byAdministration)
        {
            if (lot.OptInOf(code) is null)
                errors.Add(DomainError.Invalid("share-not-participant", "explicitShares",
                    $"'{InputChecks.Shorten(code)}' tekende niet in op perceel {lot.Number}; alleen deelnemers krijgen een aandeel.",
                    $"'{InputChecks.Shorten(code)}' n'a pas adhéré au lot {lot.Number} ; seuls les participants reçoivent une part."));
            else if (shares.Length > 1)
                errors.Add(DomainError.Invalid("share-duplicate", "explicitShares",
                    $"Bestuur {code} staat meer dan eens in de aandelen.", $"L'administration {code} figure plusieurs fois dans les parts."));
            foreach (var share in shares.Where(s => !Money.IsWholeCents(s.AmountExclVat) || s.AmountExclVat < 0))
                errors.Add(DomainError.Invalid("amount-invalid", "explicitShares",
                    $"Het aandeel {Wording.Number(share.AmountExclVat, false)} van {InputChecks.Shorten(code)} moet nul of meer zijn, in hele centen.",
                    $"La part {Wording.Number(share.AmountExclVat, true)} de {InputChecks.Shorten(code)} doit être positive ou nulle, en cents entiers."));
        }
        foreach (var participant in participants.Where(p => !byAdministration.ContainsKey(p.Administration)))
            errors.Add(DomainError.Invalid("share-missing", "explicitShares",
                $"Geef ook het aandeel van {participant.Administration} (0 als het niets afneemt).",
                $"Indiquez aussi la part de {participant.Administration} (0 s'il ne prend rien)."));
        if (errors.Count == 0 && given.Sum(s => s.AmountExclVat) != totalExclVat)
            errors.Add(DomainError.Invalid("shares-do-not-add-up", "explicitShares",
                $"De aandelen tellen op tot {Wording.Euro(given.Sum(s => s.AmountExclVat), false)}, niet tot het gegunde bedrag {Wording.Euro(totalExclVat, false)}.",
                $"Les parts totalisent {Wording.Euro(given.Sum(s => s.AmountExclVat), true)} et non le montant attribué {Wording.Euro(totalExclVat, true)}."));
        if (errors.Count > 0)
            return new(null, errors[0] with { Nl = string.Join(" ", errors.Select(e => e.Nl)), Fr = string.Join(" ", errors.Select(e => e.Fr)) });

        // The excl. VAT shares are taken as given.
        return Build(participants, participants.Select(p => Money.ToCents(byAdministration[p.Administration][0].AmountExclVat)).ToArray(), lot.VatRate);
    }

    /// <summary>The award's (or a renewal's) amount incl. VAT: the sum of what each administration is invoiced.</summary>
    public static decimal TotalInclVat(IEnumerable<AwardShare> shares) => shares.Sum(s => s.AmountInclVat);

    private static ShareSplit Build(OptIn[] participants, IReadOnlyList<decimal> exclVat, decimal vatRate) =>
        new(participants.Select((o, i) => new AwardShare(o.Administration, exclVat[i], Money.InclVat(exclVat[i], vatRate), o.BudgetLine)).ToArray(), null);

    private static OptIn[] InInvitationOrder(JointTender tender, Lot lot) =>
        lot.OptIns.OrderBy(o => tender.InvitedAdministrations.IndexOf(o.Administration)).ToArray();
}
