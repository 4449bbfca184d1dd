namespace Aankopen.Domain.Measures;

public enum MeasureStatus { Planned, Done, Dropped }

/// <summary>
/// A measure the purchasing cell plans for the coming years (the annex's "geplande maatregelen"), in both languages
/// and under a domain of the report (paper, energy, ...). It stays in every year's annex from <see cref="PlannedFrom"/>
/// until the year it is done or dropped.
/// </summary>
public sealed record PlannedMeasure(
    Guid Id,
    string DomainNl,
    string DomainFr,
    string TextNl,
    string TextFr,
    int PlannedFrom,
    MeasureStatus Status,
    int? ClosedIn,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    string? ClosedBy = null,
    DateTimeOffset? ClosedAt = null,
    string? RequestFingerprint = null)
{
    /// <summary>
    /// The annex of <paramref name="year"/> goes with the budget of the year after: it plans from then on, so it lists
    /// what was planned for that budget year or before and was not done or dropped by the end of its own year.
    /// </summary>
    public bool PlannedIn(int year) => PlannedFrom <= year + 1 && (ClosedIn is not { } closed || closed > year);

    public bool DoneIn(int year) => Status == MeasureStatus.Done && ClosedIn == year;
}
