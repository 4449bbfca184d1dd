namespace Aankopen.Domain;

/// <summary>
/// Checks of what a person typed that every use case shares (required text, amounts, CPV codes, administration
/// codes, years), with their refusals in Dutch and French.
/// </summary>
public static class InputChecks
{
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
                    $"{Wording.Capitalised(whatNl)} mag hoogstens {maxLength} tekens lang zijn.",
                    $"{Wording.Capitalised(whatFr)} ne peut dépasser {maxLength} caractères.")
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

}
