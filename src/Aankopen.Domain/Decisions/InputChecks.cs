namespace Aankopen.Domain;

/// <summary>
/// Checks of what a person typed that every use case shares (required text, amounts, CPV codes, administration
/// codes, years), with their refusals by the catalogue's keys.
/// </summary>
public static class InputChecks
{
    public static DomainError? NotPositiveAmount(decimal amount, string field) =>
        Money.IsPositiveAmount(amount) && amount <= Money.MaximumAmount
            ? null
            : DomainError.Invalid("amount-invalid", field, Spoken.Number(amount), Spoken.Euro(Money.MaximumAmount));

    public static DomainError InvalidCpv(string? value, string field) =>
        DomainError.Invalid("cpv-invalid", field, Shorten(value));

    /// <param name="what">The catalogue's name for what is missing ("what/" + it): "reference" reads "een referentie".</param>
    public static DomainError? MissingText(string? value, string field, int maxLength, string what, params object?[] whatArgs) =>
        string.IsNullOrWhiteSpace(value)
            ? DomainError.Invalid("required", field, Spoken.Phrase("what/" + what, whatArgs))
            : value.Length > maxLength
                ? DomainError.Invalid("too-long", field, Spoken.Phrase("what/" + what, whatArgs), maxLength)
                : null;

    public static DomainError UnknownAdministration(string? code, string field, IEnumerable<string> known) =>
        DomainError.Invalid("administration-unknown", field, Shorten(code), string.Join(", ", known));

    public static DomainError? YearOutOfRange(int? year) =>
        year is < 2000 or > 2100
            ? DomainError.Invalid("year-invalid", "year")
            : null;

    /// <summary>Echoing a hostile 10 MB value back in an error would only help the attacker; a person needs the start.</summary>
    public static string Shorten(string? value) => value is null ? "" : value.Length <= 40 ? value : value[..40] + "…";

}
