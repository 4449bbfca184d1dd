using Aankopen.Api.Shared;

namespace Aankopen.Api.Tenders.OptInToLot;

public sealed record OptInCommand(
    int LotNumber,
    string Administration,
    decimal EstimatedAmountExclVat,
    string BudgetLine,
    string Actor);

public static class OptInDecider
{
    public static Decision Decide(JointTender tender, OptInCommand command, DateTimeOffset now)
    {
        if (TenderRules.LotMissing(tender, command.LotNumber) is { } missing)
            return missing;
        if (TenderRules.NotOpenForOptIn(tender, now) is { } closed)
            return closed;
        if (!tender.InvitedAdministrations.Contains(command.Administration))
            return DomainError.Conflict("administration-not-invited",
                $"Bestuur '{command.Administration}' is niet uitgenodigd voor {tender.Reference} en kan niet intekenen.",
                $"L'administration '{command.Administration}' n'est pas invitée au marché {tender.Reference} et ne peut pas y adhérer.");

        var refusals = new[]
        {
            TenderRules.NotPositiveAmount(command.EstimatedAmountExclVat, "estimatedAmountExclVat"),
            TenderRules.MissingText(command.BudgetLine, "budgetLine", 100, "het budgetartikel", "l'article budgétaire"),
        }.OfType<DomainError>().ToList();
        if (refusals.Count > 0)
            return Decision.Refuse(refusals);

        return Decision.Accept(new OptedIn(tender.Id, command.LotNumber, command.Administration,
            command.EstimatedAmountExclVat, command.BudgetLine.Trim(), command.Actor, now));
    }
}
