namespace Aankopen.Domain.Tenders.Thresholds;

/// <summary>
/// Whether a tender's procedure fits its estimate, by the law's dated ceilings (<see cref="BelgianThresholds"/>): the
/// one for the tender's procedure and subject on the Brussels date it was opened, compared with the estimate over the
/// whole possible duration of its lots, renewals included. A tender that does not fit gets a warning naming the
/// ceiling, its source and its validity, not a refusal: the purchasing cell may have a legal reason.
/// </summary>
public sealed class ProcedureThresholds(IEnumerable<LegalThreshold> thresholds, DateOnly knownUntil)
{
    private readonly LegalThreshold[] all = [.. thresholds];

    public static ProcedureThresholds Belgian { get; } = new(BelgianThresholds.All, BelgianThresholds.KnownUntil);

    public LegalThreshold? For(string procedure, ContractSubject subject, DateOnly opened) =>
        all.LastOrDefault(t => t.AppliesTo(procedure, subject, opened));

    /// <summary>What the law compares with the ceilings: every live lot's estimate over its whole possible duration.</summary>
    public static decimal EstimatedOverFullDuration(JointTender tender) =>
        tender.LiveLots.Sum(l => l.Terms.OverFullDuration(l.EstimatedValueExclVat));

    public IReadOnlyList<Warning> WarningsFor(JointTender tender)
    {
        var warnings = new List<Warning>();
        var opened = BrusselsCalendar.DateOf(tender.OpenedAt);
        var estimated = EstimatedOverFullDuration(tender);
        if (For(tender.Procedure, tender.Subject, opened) is { } threshold)
        {
            if (estimated >= threshold.CeilingExclVat)
                warnings.Add(Exceeded(tender, estimated, threshold));
        }
        else if (opened > knownUntil && all.Any(t => string.Equals(t.Procedure, tender.Procedure, StringComparison.OrdinalIgnoreCase)))
            warnings.Add(new Warning("procedure-thresholds-unknown", Spoken.Procedure(tender.Procedure), Spoken.Date(knownUntil), Spoken.Euro(estimated)));
        foreach (var lot in tender.LiveLots.Where(l => l.Terms.LongerDurationJustification is not null))
            warnings.Add(new Warning("framework-longer-than-four-years", lot.Number, lot.Terms.TotalMonths, lot.Terms.LongerDurationJustification));
        return warnings;
    }

    private static Warning Exceeded(JointTender tender, decimal estimated, LegalThreshold threshold)
    {
        var validity = threshold.ValidTo is { } to
            ? Spoken.Phrase("validity/between", Spoken.Date(threshold.ValidFrom), Spoken.Date(to))
            : Spoken.Phrase("validity/since", Spoken.Date(threshold.ValidFrom));
        return new Warning("procedure-threshold-exceeded", Spoken.Euro(estimated), Spoken.Euro(threshold.CeilingExclVat),
            Spoken.Procedure(tender.Procedure), Spoken.Subject(tender.Subject), validity, threshold.Source);
    }
}
