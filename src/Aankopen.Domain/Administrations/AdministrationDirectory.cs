namespace Aankopen.Domain.Administrations;

/// <summary>
/// A set of administrations to decide against. The registered ones live in the database (the API loads them);
/// the configured ones (section <c>Administrations</c>) are registered at start-up when missing and are checked
/// once then, so a typo in configuration stops the start instead of reaching a tender.
/// </summary>
public sealed class AdministrationDirectory
{
    private readonly Dictionary<string, Administration> byCode;

    private AdministrationDirectory(IReadOnlyList<Administration> administrations)
    {
        byCode = administrations.ToDictionary(a => a.Code);
        All = administrations;
    }

    public IReadOnlyList<Administration> All { get; }

    public bool Contains(string? code) => code is not null && byCode.ContainsKey(code);

    public Administration? Find(string? code) => code is not null && byCode.TryGetValue(code, out var found) ? found : null;

    public static AdministrationDirectory Of(IEnumerable<Administration> administrations) =>
        new(administrations.OrderBy(a => a.Code, StringComparer.Ordinal).ToArray());

    /// <summary>The configured administrations, or an exception naming every problem in them.</summary>
    public static AdministrationDirectory FromConfiguration(IReadOnlyList<ConfiguredAdministration> configured)
    {
        var problems = configured
            .SelectMany(a => AdministrationRules.Check(a.Code, a.NameNl, a.NameFr, a.EnterpriseNumber, a.Kind)
                .Select(e => $"Administrations: '{a.Code}', {e.Field}: {e.Nl}"))
            .Concat(configured.GroupBy(a => a.Code).Where(g => g.Count() > 1)
                .Select(g => $"Administrations: code '{g.Key}' is listed {g.Count()} times."))
            .ToList();
        if (problems.Count > 0)
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        return Of(configured.Select(a => new Administration(a.Code!, a.NameNl!.Trim(), a.NameFr!.Trim(),
            EnterpriseNumber.TryParse(a.EnterpriseNumber, out var n) ? n.Value.ToString() : "", AdministrationRules.ParseKind(a.Kind)!.Value)));
    }
}

/// <summary>An administration as written in configuration, checked before use.</summary>
public sealed record ConfiguredAdministration(string? Code, string? NameNl, string? NameFr, string? EnterpriseNumber, string? Kind);
