using Aankopen.Api.Shared;

namespace Aankopen.Api.Tenders;

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

    public static DomainError? NotPositiveAmount(decimal amount, string field) =>
        Money.IsPositiveAmount(amount) && amount <= Money.MaximumAmount
            ? null
            : DomainError.Invalid("amount-invalid", field,
                $"Het bedrag {Wording.Number(amount, false)} moet groter zijn dan nul, hoogstens {Wording.Euro(Money.MaximumAmount, false)} en in hele centen (twee decimalen).",
                $"Le montant {Wording.Number(amount, true)} doit être supérieur à zéro, au plus {Wording.Euro(Money.MaximumAmount, true)} et exprimé en cents entiers (deux décimales).");

    public static DomainError InvalidCpv(string? value, string field) =>
        DomainError.Invalid("cpv-invalid", field,
            $"'{Shorten(value)}' is geen code van de CPV 2008-lijst (Verordening (EG) nr. 213/2008): acht cijfers, een streepje en het controlecijfer van die code, bv. 30192000-1 (Kantoorbenodigdheden).",
            $"'{Shorten(value)}' n'est pas un code de la liste CPV 2008 (règlement (CE) n° 213/2008) : huit chiffres, un tiret et le chiffre de contrôle de ce code, p. ex. 30192000-1 (Fournitures de bureau).");

    public static DomainError? MissingText(string? value, string field, int maxLength, string whatNl, string whatFr) =>
        string.IsNullOrWhiteSpace(value)
            ? DomainError.Invalid("required", field, $"Vul {whatNl} in.", $"Veuillez indiquer {whatFr}.")
            : value.Length > maxLength
                ? DomainError.Invalid("too-long", field,
                    $"{Capitalise(whatNl)} mag hoogstens {maxLength} tekens lang zijn.",
                    $"{Capitalise(whatFr)} ne peut dépasser {maxLength} caractères.")
                : null;

    public static DomainError UnknownAdministration(string? code, string field, IEnumerable<string> known) =>
        DomainError.Invalid("administration-unknown", field,
            $"Bestuur '{Shorten(code)}' is niet gekend; kies uit {string.Join(", ", known)}.",
            $"L'administration '{Shorten(code)}' est inconnue ; choisissez parmi {string.Join(", ", known)}.");

    public static DomainError? YearOutOfRange(int? year) =>
        year is < 2000 or > 2100
            ? DomainError.Invalid("year-invalid", "year", "Kies een jaar tussen 2000 en 2100.", "Choisissez une année entre 2000 et 2100.")
            : null;

    /// <summary>Echoing a hostile 10 MB value back in an error would only help the attacker; a person needs the start.</summary>
    public static string Shorten(string? value) => value is null ? "" : value.Length <= 40 ? value : value[..40] + "…";

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
