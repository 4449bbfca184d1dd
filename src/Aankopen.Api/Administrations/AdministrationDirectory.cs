using System.Text.RegularExpressions;
using Aankopen.Api.Shared;

namespace Aankopen.Api.Administrations;

/// <summary>
/// The administrations known to this deployment, read from configuration (section <c>Administrations</c>).
/// Any number of them; the configuration is checked once at start-up so a typo never reaches a tender.
/// </summary>
public sealed partial class AdministrationDirectory
{
    private readonly Dictionary<string, Administration> byCode;

    public AdministrationDirectory(IEnumerable<Administration> administrations)
    {
        var list = administrations.ToList();
        var problems = new List<string>();
        foreach (var a in list)
        {
            if (!CodeShape().IsMatch(a.Code ?? ""))
                problems.Add($"Administrations: code '{a.Code}' must be 2 to 20 upper-case letters, digits or dashes.");
            if (!EnterpriseNumber.TryParse(a.EnterpriseNumber, out _))
                problems.Add($"Administrations: '{a.Code}' has enterprise number '{a.EnterpriseNumber}', which is not a valid KBO/BCE number (0123.456.749).");
            if (string.IsNullOrWhiteSpace(a.NameNl) || string.IsNullOrWhiteSpace(a.NameFr))
                problems.Add($"Administrations: '{a.Code}' needs both NameNl and NameFr.");
        }
        foreach (var duplicate in list.GroupBy(a => a.Code).Where(g => g.Count() > 1))
            problems.Add($"Administrations: code '{duplicate.Key}' is listed {duplicate.Count()} times.");
        if (list.Count == 0)
            problems.Add("Administrations: no administration is configured; add at least one under the 'Administrations' section.");
        if (problems.Count > 0)
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));

        byCode = list.ToDictionary(a => a.Code);
        All = list;
    }

    public IReadOnlyList<Administration> All { get; }

    public bool Contains(string code) => byCode.ContainsKey(code);

    public Administration? Find(string code) => byCode.GetValueOrDefault(code);

    [GeneratedRegex("^[A-Z0-9-]{2,20}$")]
    private static partial Regex CodeShape();
}
