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
            warnings.Add(new Warning("procedure-thresholds-unknown",
                $"De drempels voor de {Wording.Procedure(tender.Procedure, false)} na {Wording.Date(knownUntil, false)} zijn in deze versie niet gekend; kijk zelf na of de geraamde waarde ({Wording.Euro(estimated, false)} excl. btw over de hele looptijd) deze procedure toelaat.",
                $"Les seuils de la {Wording.Procedure(tender.Procedure, true)} après le {Wording.Date(knownUntil, true)} ne sont pas connus de cette version ; vérifiez vous-même que la valeur estimée ({Wording.Euro(estimated, true)} hors TVA sur toute la durée) permet cette procédure."));
        foreach (var lot in tender.LiveLots.Where(l => l.Terms.LongerDurationJustification is not null))
            warnings.Add(new Warning("framework-longer-than-four-years",
                $"Perceel {lot.Number} loopt {lot.Terms.TotalMonths} maanden, langer dan vier jaar, met als verantwoording: {lot.Terms.LongerDurationJustification}",
                $"Le lot {lot.Number} dure {lot.Terms.TotalMonths} mois, plus de quatre ans, avec pour justification : {lot.Terms.LongerDurationJustification}"));
        return warnings;
    }

    private static Warning Exceeded(JointTender tender, decimal estimated, LegalThreshold threshold)
    {
        string Validity(bool french) => threshold.ValidTo is { } to
            ? french ? $"du {Wording.Date(threshold.ValidFrom, true)} au {Wording.Date(to, true)}" : $"van {Wording.Date(threshold.ValidFrom, false)} tot en met {Wording.Date(to, false)}"
            : french ? $"depuis le {Wording.Date(threshold.ValidFrom, true)}" : $"sinds {Wording.Date(threshold.ValidFrom, false)}";
        return new Warning("procedure-threshold-exceeded",
            $"De geraamde waarde over de hele looptijd, verlengingen inbegrepen ({Wording.Euro(estimated, false)} excl. btw), bereikt het plafond van {Wording.Euro(threshold.CeilingExclVat, false)} voor de {Wording.Procedure(tender.Procedure, false)} voor {Wording.Subject(tender.Subject, false)} (geldig {Validity(false)}; {threshold.Source}); kijk na of deze procedure nog mag.",
            $"La valeur estimée sur toute la durée, reconductions comprises ({Wording.Euro(estimated, true)} hors TVA), atteint le plafond de {Wording.Euro(threshold.CeilingExclVat, true)} de la {Wording.Procedure(tender.Procedure, true)} pour des {Wording.Subject(tender.Subject, true)} (en vigueur {Validity(true)} ; {threshold.Source}) ; vérifiez que cette procédure est encore permise.");
    }
}
