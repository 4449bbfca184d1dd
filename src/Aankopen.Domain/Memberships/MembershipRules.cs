namespace Aankopen.Domain.Memberships;

/// <summary>The checks every membership decision shares, and the answer to "may X buy Y through Z on D?".</summary>
public static class MembershipRules
{
    public const int MaxNoticeMonths = 24;

    public static IEnumerable<DomainError> CheckScope(MembershipScope? scope)
    {
        var categories = scope?.Categories ?? [];
        var divisions = scope?.CpvDivisions ?? [];
        if (categories.Count == 0 && divisions.Count == 0)
            yield return DomainError.Invalid("scope-required", "scope",
                "Geef aan wat via de aankoopcentrale gekocht mag worden: categorieën (bv. Papier) en/of CPV-afdelingen (bv. 30).",
                "Indiquez ce qui peut être acheté via la centrale : des catégories (p. ex. Papier) et/ou des divisions CPV (p. ex. 30).");
        if (categories.Count > 20 || categories.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > 100))
            yield return DomainError.Invalid("scope-categories-invalid", "scope.categories",
                "Hoogstens 20 categorieën, elk 1 tot 100 tekens.", "Au plus 20 catégories, chacune de 1 à 100 caractères.");
        foreach (var division in divisions.Where(d => !CpvCode.IsDivision(d)).Take(5))
            yield return DomainError.Invalid("cpv-division-invalid", "scope.cpvDivisions",
                $"{division} is geen CPV-afdeling (bv. 09 energie, 30 kantoormachines, 48 software).",
                $"{division} n'est pas une division CPV (p. ex. 09 énergie, 30 machines de bureau, 48 logiciels).");
    }

    public static MembershipScope Normalise(MembershipScope scope) => new(
        scope.Categories.Select(c => c.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
        scope.CpvDivisions.Distinct().Order().ToArray());

    public static DomainError? MissingDecisionReference(string? reference) =>
        InputChecks.MissingText(reference, "decisionReference", 100, "de referentie van de beslissing", "la référence de la décision");

    /// <summary>Whether an administration may buy <paramref name="category"/> or CPV <paramref name="cpvDivision"/>
    /// through a central on a day, with the reason in nl and fr. Its memberships of that central are given, any order.</summary>
    public static (bool Allowed, string Nl, string Fr, Guid? Membership) MayBuy(
        IReadOnlyList<CentralMembership> memberships, string administration, string central, DateOnly day, string? category, int? cpvDivision)
    {
        if (memberships.Count == 0)
            return (false, $"{administration} is geen lid van aankoopcentrale {central}.", $"{administration} n'est pas membre de la centrale d'achat {central}.", null);
        var active = memberships.Where(m => m.ActiveOn(day)).ToArray();
        if (active.Length == 0)
        {
            var next = memberships.Where(m => m.Start > day).OrderBy(m => m.Start).FirstOrDefault();
            if (next is not null)
                return (false, $"Het lidmaatschap van {administration} bij {central} gaat pas in op {Wording.Date(next.Start, false)}.",
                    $"L'adhésion de {administration} à {central} ne commence que le {Wording.Date(next.Start, true)}.", next.Id);
            var last = memberships.OrderByDescending(m => m.End).First();
            return (false, $"Het lidmaatschap van {administration} bij {central} liep af op {Wording.Date(last.End, false)}.",
                $"L'adhésion de {administration} à {central} a pris fin le {Wording.Date(last.End, true)}.", last.Id);
        }
        foreach (var m in active)
        {
            var byCategory = category is not null && m.Scope.Categories.Contains(category, StringComparer.OrdinalIgnoreCase);
            var byDivision = cpvDivision is { } d && m.Scope.CpvDivisions.Contains(d);
            if (byCategory || byDivision)
                return (true,
                    $"Ja: {administration} is lid van {central} sinds {Wording.Date(m.Start, false)} ({m.DecidingBody}, {m.DecisionReference}){(m.End is { } end ? $" tot {Wording.Date(end, false)}" : "")}.",
                    $"Oui : {administration} est membre de {central} depuis le {Wording.Date(m.Start, true)} ({m.DecidingBody}, {m.DecisionReference}){(m.End is { } fin ? $" jusqu'au {Wording.Date(fin, true)}" : "")}.",
                    m.Id);
        }
        var scope = active[0].Scope;
        var covered = string.Join(", ", scope.Categories.Concat(scope.CpvDivisions.Select(d => $"CPV {d:00}")));
        return (false, $"Het lidmaatschap van {administration} bij {central} dekt dit niet; het dekt: {covered}.",
            $"L'adhésion de {administration} à {central} ne couvre pas cet achat ; elle couvre : {covered}.", active[0].Id);
    }
}
