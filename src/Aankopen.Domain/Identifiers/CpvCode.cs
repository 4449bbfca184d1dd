using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Aankopen.Domain;

/// <summary>
/// What a contract is for, as the thresholds distinguish it. <see cref="SocialServices"/> are the social and other
/// specific services of Annex XIV of Directive 2014/24/EU (a choice of the cell: their CPV codes are services).
/// </summary>
public enum ContractSubject { Supplies, Services, Works, SocialServices }

/// <summary>
/// A Common Procurement Vocabulary code of the CPV 2008 list, <c>30192000-1</c> (<see cref="CpvVocabulary"/>). Its
/// division (first two digits) tells whether a purchase is supplies (03-44, 48), works (45) or services (49-98).
/// </summary>
public readonly partial record struct CpvCode
{
    private CpvCode(string value) => Value = value;

    public string Value { get; }

    public int Division => int.Parse(Value[..2], System.Globalization.CultureInfo.InvariantCulture);

    public ContractSubject Subject => Division switch
    {
        45 => ContractSubject.Works,
        >= 49 => ContractSubject.Services,
        _ => ContractSubject.Supplies,
    };

    public override string ToString() => Value;

    /// <summary>Its label in the CPV 2008 list, in Dutch or French.</summary>
    public string Label(bool french) => CpvVocabulary.Find(Value) is { } entry ? french ? entry.Fr : entry.Nl : "";

    /// <summary>The divisions that exist in the CPV 2008 vocabulary.</summary>
    private static readonly HashSet<int> Divisions =
    [
        3, 9, 14, 15, 16, 18, 19, 22, 24, 30, 31, 32, 33, 34, 35, 37, 38, 39, 41, 42, 43, 44, 45, 48,
        50, 51, 55, 60, 63, 64, 65, 66, 70, 71, 72, 73, 75, 76, 77, 79, 80, 85, 90, 92, 98,
    ];

    public static bool IsDivision(int division) => Divisions.Contains(division);

    public static bool TryParse(string? text, [NotNullWhen(true)] out CpvCode? code)
    {
        code = null;
        if (text is null || !Shape().IsMatch(text.Trim()))
            return false;
        var value = text.Trim();
        if (!Divisions.Contains(int.Parse(value[..2], System.Globalization.CultureInfo.InvariantCulture)) || CpvVocabulary.Find(value) is null)
            return false;
        code = new CpvCode(value);
        return true;
    }

    [GeneratedRegex(@"^\d{8}-\d$")]
    private static partial Regex Shape();
}
