using System.Diagnostics.CodeAnalysis;

namespace Aankopen.Domain;

/// <summary>
/// A Belgian enterprise number (KBO/BCE): ten digits, the first 0 or 1, the last two equal to
/// 97 - (first eight mod 97). Accepted as <c>0123.456.749</c>, <c>0123456749</c> or <c>BE0123456749</c>;
/// always written back in the dotted form.
/// </summary>
public readonly record struct EnterpriseNumber
{
    private EnterpriseNumber(string digits) => Digits = digits;

    public string Digits { get; }

    public override string ToString() => $"{Digits[..4]}.{Digits[4..7]}.{Digits[7..]}";

    public static bool TryParse(string? text, [NotNullWhen(true)] out EnterpriseNumber? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(text))
            return false;

        var compact = text.Trim().Replace(".", "").Replace(" ", "");
        if (compact.StartsWith("BE", StringComparison.OrdinalIgnoreCase))
            compact = compact[2..];
        if (compact.Length != 10 || !compact.All(char.IsAsciiDigit) || compact[0] is not ('0' or '1'))
            return false;

        var body = long.Parse(compact[..8], System.Globalization.CultureInfo.InvariantCulture);
        var check = int.Parse(compact[8..], System.Globalization.CultureInfo.InvariantCulture);
        if (97 - body % 97 != check)
            return false;

        number = new EnterpriseNumber(compact);
        return true;
    }
}
