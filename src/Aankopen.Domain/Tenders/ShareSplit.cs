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
            return new(null, DomainError.Conflict("explicit-shares-required", lot.Number));
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
                errors.Add(DomainError.Invalid("share-not-participant", "explicitShares", InputChecks.Shorten(code), lot.Number));
            else if (shares.Length > 1)
                errors.Add(DomainError.Invalid("share-duplicate", "explicitShares", code));
            foreach (var share in shares.Where(s => !Money.IsWholeCents(s.AmountExclVat) || s.AmountExclVat < 0))
                errors.Add(DomainError.Invalid("amount-invalid/share", "explicitShares", Spoken.Number(share.AmountExclVat), InputChecks.Shorten(code)));
        }
        foreach (var participant in participants.Where(p => !byAdministration.ContainsKey(p.Administration)))
            errors.Add(DomainError.Invalid("share-missing", "explicitShares", participant.Administration));
        if (errors.Count == 0 && given.Sum(s => s.AmountExclVat) != totalExclVat)
            errors.Add(DomainError.Invalid("shares-do-not-add-up", "explicitShares", Spoken.Euro(given.Sum(s => s.AmountExclVat)), Spoken.Euro(totalExclVat)));
        if (errors.Count > 0)
            return new(null, DomainError.Together(errors));

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
