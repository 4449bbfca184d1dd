using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Aankopen.Domain;

/// <summary>
/// How a supplier is identified on an award: a Belgian enterprise number (checked with its modulo-97 digits), or
/// the VAT id of a supplier established in another EU member state (country prefix and 2 to 12 characters; the
/// national check digits differ per country and are not verified here).
/// </summary>
public static partial class SupplierId
{
    public static bool TryNormalise(string? text, [NotNullWhen(true)] out string? normalised)
    {
        normalised = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 30)
            return false;
        if (EnterpriseNumber.TryParse(text, out var belgian))
        {
            normalised = belgian.Value.ToString();
            return true;
        }
        var compact = text.Trim().Replace(" ", "").Replace(".", "").Replace("-", "").ToUpperInvariant();
        if (!ForeignVat().IsMatch(compact))
            return false;
        normalised = compact;
        return true;
    }

    // EU VAT prefixes other than BE (Greece uses EL, Northern Ireland XI).
    [GeneratedRegex("^(AT|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI)[0-9A-Z]{2,12}$")]
    private static partial Regex ForeignVat();
}
