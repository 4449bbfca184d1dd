using System.Text.RegularExpressions;

namespace Aankopen.Domain.Administrations;

/// <summary>What makes an administration valid, for configuration and registration alike.</summary>
public static partial class AdministrationRules
{
    public static IReadOnlyList<DomainError> Check(string? code, string? nameNl, string? nameFr, string? enterpriseNumber, string? kind)
    {
        var errors = CheckRegisteredBody(code, nameNl, nameFr, enterpriseNumber).ToList();
        if (ParseKind(kind) is null)
            errors.Add(DomainError.Invalid("administration-kind-invalid", "kind", InputChecks.Shorten(kind), string.Join(", ", Enum.GetNames<AdministrationKind>())));
        return errors;
    }

    /// <summary>What any registered public body needs (an administration, a purchasing central): code, names, number.</summary>
    public static IReadOnlyList<DomainError> CheckRegisteredBody(string? code, string? nameNl, string? nameFr, string? enterpriseNumber)
    {
        var errors = new List<DomainError?>
        {
            InputChecks.MissingText(nameNl, "nameNl", 200, "name-nl"),
            InputChecks.MissingText(nameFr, "nameFr", 200, "name-fr"),
        };
        if (!CodeShape().IsMatch(code ?? ""))
            errors.Add(DomainError.Invalid("administration-code-invalid", "code", InputChecks.Shorten(code)));
        if (!EnterpriseNumber.TryParse(enterpriseNumber, out _))
            errors.Add(DomainError.Invalid("enterprise-number-invalid", "enterpriseNumber", InputChecks.Shorten(enterpriseNumber)));
        return errors.OfType<DomainError>().ToArray();
    }

    public static AdministrationKind? ParseKind(string? kind) => EnumNames.Parse<AdministrationKind>(kind);

    [GeneratedRegex("^[A-Z0-9-]{2,20}$")]
    private static partial Regex CodeShape();
}
