namespace Aankopen.Domain.Tenders.AwardLot;

/// <param name="ExplicitShares">Each participant's share excl. VAT; null to split in proportion to the opt-ins.</param>
public sealed record AwardLotCommand(
    int LotNumber,
    string SupplierName,
    string SupplierId,
    decimal AwardedAmountExclVat,
    DateOnly ContractStart,
    DateOnly ContractEnd,
    IReadOnlyList<ExplicitShare>? ExplicitShares,
    string Actor,
    string? PeriodDifferenceReason = null,
    DateOnly? DecidedOn = null,
    DateOnly? ConcludedOn = null,
    AgreementKind Agreement = AgreementKind.Fixed);

public static class AwardLotDecider
{
    /// <param name="administrations">The registered administrations, so that a supplier that is one of the tender's
    /// own administrations is refused (a tender buys from a third party; an administration buying from another goes
    /// through an agreement between them, not an award).</param>
    public static Decision Decide(JointTender tender, AwardLotCommand command, DateTimeOffset now, IReadOnlyList<Aankopen.Domain.Administrations.Administration>? administrations = null)
    {
        if (TenderRules.LotMissing(tender, command.LotNumber) is { } missing)
            return missing;
        if (TenderRules.LotUndecided(tender, command.LotNumber) is { } refused)
            return refused;
        var lot = tender.Lots[command.LotNumber];

        var errors = new List<DomainError?>
        {
            InputChecks.MissingText(command.SupplierName, "supplierName", 200, "supplier-name"),
            InputChecks.NotPositiveAmount(command.AwardedAmountExclVat, "awardedAmountExclVat"),
        };
        if (!SupplierId.TryNormalise(command.SupplierId, out var supplierId))
            errors.Add(DomainError.Invalid("supplier-id-invalid", "supplierId", InputChecks.Shorten(command.SupplierId)));
        else if (OwnAdministration(tender, supplierId!, administrations) is { } own)
            errors.Add(DomainError.Invalid("supplier-is-participant", "supplierId", supplierId, Spoken.Names(own.NameNl, own.NameFr)));
        if (command.ContractEnd <= command.ContractStart)
            errors.Add(DomainError.Invalid("contract-period-invalid", "contractEnd"));
        else if (command.ContractEnd > command.ContractStart.AddYears(10))
            errors.Add(DomainError.Invalid("contract-period-invalid/too-long", "contractEnd"));
        var (decidedOn, concludedOn, dateError) = AwardDates.Of(tender, command, now);
        errors.Add(dateError);
        if (command.ContractEnd > command.ContractStart && command.ContractEnd <= command.ContractStart.AddYears(10) && dateError is null)
            errors.Add(AwardDates.BeyondFourYears(lot, command, concludedOn) ?? AwardDates.PeriodReasonMissing(lot, command));
        var refusals = errors.OfType<DomainError>().ToList();
        if (refusals.Count > 0)
            return Decision.Refuse(refusals);

        var split = command.ExplicitShares is { } explicitShares
            ? ShareSplit.Explicit(tender, lot, explicitShares, command.AwardedAmountExclVat)
            : ShareSplit.Proportional(tender, lot, command.AwardedAmountExclVat);
        if (split.Error is { } shareError)
            return shareError;
        // Each administration takes part on conditions its own body approved: none of its share is awarded before.
        // Under a purchasing central that is the lead's approval, for every share.
        var conditions = split.Shares!.Select(s => tender.DecidesFor(s.Administration)).Distinct()
            .Select(a => tender.GapIn(a, DecisionKind.Conditions)).OfType<DecisionGap>()
            .Select(gap => DecisionRules.ConditionsNotInForce(gap, Named(gap.Administration, administrations))).ToList();
        if (conditions.Count > 0)
            return DomainError.Together(conditions);
        var amountInclVat = ShareSplit.TotalInclVat(split.Shares!);
        var awaiting = split.Shares!.Where(s => tender.GapIn(tender.DecidesFor(s.Administration), DecisionKind.Award, lot.Number) is not null)
            .Select(s => s.Administration).ToArray();

        var (state, closing) = TenderRules.CloseIfDeadlinePassed(tender, now);
        return Decision.Accept([.. closing, new LotAwarded(state.Id, lot.Number, command.SupplierName.Trim(), supplierId!,
            command.AwardedAmountExclVat, lot.VatRate, amountInclVat, command.ContractStart, command.ContractEnd,
            split.Shares!, command.ExplicitShares is not null, command.Actor, now,
            AwardDates.PeriodDiffers(lot, command) is null ? null : command.PeriodDifferenceReason!.Trim(), decidedOn, concludedOn, awaiting.Length == 0 ? null : awaiting,
            // Null for a fixed contract, as on awards recorded before the kind was kept.
            command.Agreement == AgreementKind.Framework ? AgreementKind.Framework : null)]);
    }

    /// <summary>An administration by its names; by its code when the register does not know it (any more).</summary>
    private static Spoken Named(string code, IReadOnlyList<Aankopen.Domain.Administrations.Administration>? administrations) =>
        administrations?.FirstOrDefault(a => a.Code == code) is { } known ? Spoken.Names(known.NameNl, known.NameFr) : Spoken.Names(code, code);

    private static Aankopen.Domain.Administrations.Administration? OwnAdministration(JointTender tender, string supplierId, IReadOnlyList<Aankopen.Domain.Administrations.Administration>? administrations)
    {
        static string Digits(string number) => new([.. number.Where(char.IsAsciiDigit)]);
        // A Belgian enterprise number has ten digits; a foreign VAT id never has those of a Belgian one.
        if (supplierId.Length == 0 || !char.IsAsciiDigit(supplierId[0]))
            return null;
        var supplier = Digits(supplierId);
        return administrations?.FirstOrDefault(a => tender.InvitedAdministrations.Contains(a.Code) && Digits(a.EnterpriseNumber) == supplier);
    }
}
