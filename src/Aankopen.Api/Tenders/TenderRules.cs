using Aankopen.Api.Shared;

namespace Aankopen.Api.Tenders;

/// <summary>Refusals that several use cases share, worded once so a person reads the same sentence everywhere.</summary>
public static class TenderRules
{
    public static DomainError? LotMissing(JointTender tender, int lotNumber) =>
        tender.Lots.ContainsKey(lotNumber)
            ? null
            : DomainError.NotFound("lot-not-found",
                $"Perceel {lotNumber} bestaat niet in opdracht {tender.Reference}.",
                $"Le lot {lotNumber} n'existe pas dans le marché {tender.Reference}.");

    public static DomainError? NotOpenForOptIn(JointTender tender, DateTimeOffset now)
    {
        if (tender.Status != TenderStatus.OpenForOptIn)
            return DomainError.Conflict("opt-in-closed",
                $"De intekening voor {tender.Reference} is afgesloten; wijzigingen aan percelen en intekeningen kunnen niet meer.",
                $"L'adhésion au marché {tender.Reference} est clôturée ; les lots et adhésions ne peuvent plus être modifiés.");
        if (now > tender.OptInDeadline)
            return DomainError.Conflict("opt-in-deadline-passed",
                $"De intekentermijn voor {tender.Reference} is verstreken op {tender.OptInDeadline:yyyy-MM-dd HH:mm} (UTC).",
                $"Le délai d'adhésion au marché {tender.Reference} a expiré le {tender.OptInDeadline:yyyy-MM-dd HH:mm} (UTC).");
        return null;
    }

    public static DomainError? NotPositiveAmount(decimal amount, string field) =>
        Money.IsPositiveAmount(amount)
            ? null
            : DomainError.Invalid("amount-invalid", field,
                $"Het bedrag {amount} moet groter zijn dan nul en in hele centen (twee decimalen).",
                $"Le montant {amount} doit être supérieur à zéro et exprimé en cents entiers (deux décimales).");

    public static DomainError InvalidCpv(string? value, string field) =>
        DomainError.Invalid("cpv-invalid", field,
            $"'{value}' is geen CPV-code: gebruik acht cijfers, een streepje en een controlecijfer (30192000-1).",
            $"'{value}' n'est pas un code CPV : huit chiffres, un tiret et un chiffre de contrôle (30192000-1).");

    public static DomainError? MissingText(string? value, string field, int maxLength, string whatNl, string whatFr) =>
        string.IsNullOrWhiteSpace(value)
            ? DomainError.Invalid("required", field, $"Vul {whatNl} in.", $"Veuillez indiquer {whatFr}.")
            : value.Length > maxLength
                ? DomainError.Invalid("too-long", field,
                    $"{Capitalise(whatNl)} mag hoogstens {maxLength} tekens lang zijn.",
                    $"{Capitalise(whatFr)} ne peut dépasser {maxLength} caractères.")
                : null;

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
