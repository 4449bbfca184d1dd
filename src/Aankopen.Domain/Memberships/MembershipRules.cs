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
            yield return DomainError.Invalid("scope-required", "scope");
        if (categories.Count > 20 || categories.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > 100))
            yield return DomainError.Invalid("scope-categories-invalid", "scope.categories");
        foreach (var division in divisions.Where(d => !CpvCode.IsDivision(d)).Take(5))
            yield return DomainError.Invalid("cpv-division-invalid", "scope.cpvDivisions", division);
    }

    public static MembershipScope Normalise(MembershipScope scope) => new(
        scope.Categories.Select(c => c.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
        scope.CpvDivisions.Distinct().Order().ToArray());

    public static DomainError? MissingDecisionReference(string? reference) =>
        InputChecks.MissingText(reference, "decisionReference", 100, "decision-reference");

    /// <summary>Whether an administration may buy <paramref name="category"/> or CPV <paramref name="cpvDivision"/>
    /// through a central on a day, with the reason. Its memberships of that central are given, any order.</summary>
    public static (bool Allowed, Spoken Reason, Guid? Membership) MayBuy(
        IReadOnlyList<CentralMembership> memberships, string administration, string central, DateOnly day, string? category, int? cpvDivision)
    {
        if (memberships.Count == 0)
            return (false, Spoken.Phrase("may-buy/not-a-member", administration, central), null);
        var active = memberships.Where(m => m.ActiveOn(day)).ToArray();
        if (active.Length == 0)
        {
            var next = memberships.Where(m => m.Start > day).OrderBy(m => m.Start).FirstOrDefault();
            if (next is not null)
                return (false, Spoken.Phrase("may-buy/not-yet", administration, central, Spoken.Date(next.Start)), next.Id);
            var last = memberships.OrderByDescending(m => m.End).First();
            return (false, Spoken.Phrase("may-buy/ended", administration, central, Spoken.Date(last.End)), last.Id);
        }
        foreach (var m in active)
        {
            var byCategory = category is not null && m.Scope.Categories.Contains(category, StringComparer.OrdinalIgnoreCase);
            var byDivision = cpvDivision is { } d && m.Scope.CpvDivisions.Contains(d);
            if (byCategory || byDivision)
                return (true, m.End is { } end
                    ? Spoken.Phrase("may-buy/yes-until", administration, central, Spoken.Date(m.Start), m.DecidingBody, m.DecisionReference, Spoken.Date(end))
                    : Spoken.Phrase("may-buy/yes", administration, central, Spoken.Date(m.Start), m.DecidingBody, m.DecisionReference), m.Id);
        }
        var scope = active[0].Scope;
        var covered = string.Join(", ", scope.Categories.Concat(scope.CpvDivisions.Select(d => $"CPV {d:00}")));
        return (false, Spoken.Phrase("may-buy/not-covered", administration, central, covered), active[0].Id);
    }
}
