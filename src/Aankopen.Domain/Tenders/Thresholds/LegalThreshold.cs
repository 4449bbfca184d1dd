namespace Aankopen.Domain.Tenders.Thresholds;

/// <summary>
/// A ceiling the law sets on a procedure: a tender of one of <paramref name="Subjects"/> may use
/// <paramref name="Procedure"/> only while its estimate over the whole duration stays below
/// <paramref name="CeilingExclVat"/>. Valid for tenders opened from <paramref name="ValidFrom"/> to
/// <paramref name="ValidTo"/> (Brussels dates, both included), as <paramref name="Source"/> says.
/// </summary>
public sealed record LegalThreshold(
    string Procedure, IReadOnlyList<ContractSubject> Subjects, DateOnly ValidFrom, DateOnly? ValidTo, decimal CeilingExclVat, string Source)
{
    public bool AppliesTo(string procedure, ContractSubject subject, DateOnly opened) =>
        string.Equals(Procedure, procedure, StringComparison.OrdinalIgnoreCase) && Subjects.Contains(subject)
        && ValidFrom <= opened && (ValidTo is null || opened <= ValidTo);
}
