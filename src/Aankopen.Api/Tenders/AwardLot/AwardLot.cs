using Aankopen.Api.Shared;

namespace Aankopen.Api.Tenders.AwardLot;

/// <param name="ExplicitShares">Each participant's share excl. VAT; null to split in proportion to the opt-ins.</param>
public sealed record AwardLotCommand(
    int LotNumber,
    string SupplierName,
    string SupplierId,
    decimal AwardedAmountExclVat,
    DateOnly ContractStart,
    DateOnly ContractEnd,
    IReadOnlyList<ExplicitShare>? ExplicitShares,
    string Actor);

public sealed record ExplicitShare(string Administration, decimal AmountExclVat);

public static class AwardLotDecider
{
    public static Decision Decide(JointTender tender, AwardLotCommand command, DateTimeOffset now)
    {
        if (TenderRules.LotMissing(tender, command.LotNumber) is { } missing)
            return missing;
        if (LotUndecided(tender, command.LotNumber) is { } refused)
            return refused;
        var lot = tender.Lots[command.LotNumber];

        var errors = new List<DomainError?>
        {
            TenderRules.MissingText(command.SupplierName, "supplierName", 200, "de naam van de leverancier", "le nom du fournisseur"),
            TenderRules.NotPositiveAmount(command.AwardedAmountExclVat, "awardedAmountExclVat"),
        };
        if (!SupplierId.TryNormalise(command.SupplierId, out var supplierId))
            errors.Add(DomainError.Invalid("supplier-id-invalid", "supplierId",
                $"'{TenderRules.Shorten(command.SupplierId)}' is geen geldig Belgisch ondernemingsnummer (tien cijfers, beginnend met 0 of 1, met kloppend controlegetal: 0123.456.749) of buitenlands btw-nummer (landcode en nummer: FR40303265045).",
                $"'{TenderRules.Shorten(command.SupplierId)}' n'est ni un numéro d'entreprise belge valide (dix chiffres commençant par 0 ou 1, avec chiffre de contrôle correct : 0123.456.749) ni un numéro de TVA étranger (code pays et numéro : FR40303265045)."));
        if (command.ContractEnd <= command.ContractStart)
            errors.Add(DomainError.Invalid("contract-period-invalid", "contractEnd",
                "Het einde van het contract moet na de start liggen.", "La fin du contrat doit suivre son début."));
        else if (command.ContractEnd > command.ContractStart.AddYears(10))
            errors.Add(DomainError.Invalid("contract-period-invalid", "contractEnd",
                "Een contractperiode duurt hoogstens tien jaar.", "Une période contractuelle dure au plus dix ans."));
        var refusals = errors.OfType<DomainError>().ToList();
        if (refusals.Count > 0)
            return Decision.Refuse(refusals);

        var amountInclVat = Money.InclVat(command.AwardedAmountExclVat, lot.VatRate);
        var split = command.ExplicitShares is { } explicitShares
            ? ShareSplit.Explicit(tender, lot, explicitShares, command.AwardedAmountExclVat, amountInclVat)
            : ShareSplit.Proportional(tender, lot, command.AwardedAmountExclVat, amountInclVat);
        if (split.Error is { } shareError)
            return shareError;

        var (state, closing) = TenderRules.CloseIfDeadlinePassed(tender, now);
        return Decision.Accept([.. closing, new LotAwarded(state.Id, lot.Number, command.SupplierName.Trim(), supplierId!,
            command.AwardedAmountExclVat, lot.VatRate, amountInclVat, command.ContractStart, command.ContractEnd,
            split.Shares!, command.ExplicitShares is not null, command.Actor, now)]);
    }

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
}
