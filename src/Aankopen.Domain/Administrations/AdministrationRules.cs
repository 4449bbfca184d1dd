using System.Text.RegularExpressions;

namespace Aankopen.Domain.Administrations;

/// <summary>What makes an administration valid, for configuration and registration alike.</summary>
public static partial class AdministrationRules
{
    public static IReadOnlyList<DomainError> Check(string? code, string? nameNl, string? nameFr, string? enterpriseNumber, string? kind)
    {
        var errors = CheckRegisteredBody(code, nameNl, nameFr, enterpriseNumber).ToList();
        if (ParseKind(kind) is null)
            errors.Add(DomainError.Invalid("administration-kind-invalid", "kind",
                $"Soort '{InputChecks.Shorten(kind)}' is niet gekend; kies uit {string.Join(", ", Enum.GetNames<AdministrationKind>())}.",
                $"Le type '{InputChecks.Shorten(kind)}' est inconnu ; choisissez parmi {string.Join(", ", Enum.GetNames<AdministrationKind>())}."));
        return errors;
    }

    /// <summary>What any registered public body needs (an administration, a purchasing central): code, names, number.</summary>
    public static IReadOnlyList<DomainError> CheckRegisteredBody(string? code, string? nameNl, string? nameFr, string? enterpriseNumber)
    {
        var errors = new List<DomainError?>
        {
            InputChecks.MissingText(nameNl, "nameNl", 200, "de Nederlandse naam", "le nom en néerlandais"),
            InputChecks.MissingText(nameFr, "nameFr", 200, "de Franse naam", "le nom en français"),
        };
        if (!CodeShape().IsMatch(code ?? ""))
            errors.Add(DomainError.Invalid("administration-code-invalid", "code",
                $"Code '{InputChecks.Shorten(code)}' moet 2 tot 20 hoofdletters, cijfers of streepjes zijn (bv. OCMW): berichten naar het financieel pakket worden erop gerouteerd.",
                $"Le code '{InputChecks.Shorten(code)}' doit compter 2 à 20 majuscules, chiffres ou tirets (p. ex. CPAS) : les messages au logiciel financier sont routés sur ce code."));
        if (!EnterpriseNumber.TryParse(enterpriseNumber, out _))
            errors.Add(DomainError.Invalid("enterprise-number-invalid", "enterpriseNumber",
                $"'{InputChecks.Shorten(enterpriseNumber)}' is geen geldig ondernemingsnummer: tien cijfers, beginnend met 0 of 1, met kloppend controlegetal (0123.456.749).",
                $"'{InputChecks.Shorten(enterpriseNumber)}' n'est pas un numéro d'entreprise valide : dix chiffres commençant par 0 ou 1, avec un chiffre de contrôle correct (0123.456.749)."));
        return errors.OfType<DomainError>().ToArray();
    }

    public static AdministrationKind? ParseKind(string? kind) => EnumNames.Parse<AdministrationKind>(kind);

    [GeneratedRegex("^[A-Z0-9-]{2,20}$")]
    private static partial Regex CodeShape();
}
