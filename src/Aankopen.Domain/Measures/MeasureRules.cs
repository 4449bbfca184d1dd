namespace Aankopen.Domain.Measures;

/// <summary>What planning and closing a measure check.</summary>
public static class MeasureRules
{
    public static IReadOnlyList<DomainError> CheckPlanned(string? domainNl, string? domainFr, string? textNl, string? textFr, int plannedFrom) =>
        new[]
        {
            InputChecks.MissingText(domainNl, "domainNl", 100, "measure-domain-nl"),
            InputChecks.MissingText(domainFr, "domainFr", 100, "measure-domain-fr"),
            InputChecks.MissingText(textNl, "textNl", 1000, "measure-text-nl"),
            InputChecks.MissingText(textFr, "textFr", 1000, "measure-text-fr"),
            InputChecks.YearOutOfRange(plannedFrom) is null ? null : DomainError.Invalid("year-invalid", "plannedFrom"),
        }.OfType<DomainError>().ToArray();

    /// <summary>
    /// Done or dropped once, in a year from the one before it was planned for (it may be done ahead) up to the current
    /// year in Brussels: what happens next year is not recorded yet.
    /// </summary>
    public static DomainError? CheckClosing(PlannedMeasure measure, MeasureStatus status, int year, int currentYear)
    {
        if (status == MeasureStatus.Planned)
            return DomainError.Invalid("measure-status-invalid", "status", status.ToString());
        if (measure.Status != MeasureStatus.Planned)
            return DomainError.Conflict("measure-closed", measure.ClosedIn);
        return year < measure.PlannedFrom - 1 || year > currentYear
            ? DomainError.Invalid("measure-year-invalid", "year", year, measure.PlannedFrom - 1, currentYear)
            : null;
    }
}
