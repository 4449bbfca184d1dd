using Aankopen.Contracts.Api.V1;

namespace Aankopen.Api.Tenders;

/// <param name="MaximumExclVat">The estimated total (excl. VAT) must stay below this for the procedure to be allowed.</param>
public sealed record ProcedureThreshold(string Procedure, DateOnly ValidFrom, decimal MaximumExclVat);

/// <summary>
/// Thresholds change every two years (EU) or by royal decree (Belgium), so they are dated configuration (section
/// <c>ProcedureThresholds</c>): the one that applies is the latest whose ValidFrom is on or before the opening date.
/// A tender that does not fit gets a warning, not a refusal: the purchasing cell may have a legal reason.
/// </summary>
public sealed class ProcedureThresholds(IEnumerable<ProcedureThreshold> thresholds)
{
    private readonly ProcedureThreshold[] all = thresholds.OrderBy(t => t.ValidFrom).ToArray();

    public ProcedureThreshold? For(string procedure, DateOnly on) =>
        all.LastOrDefault(t => string.Equals(t.Procedure, procedure, StringComparison.OrdinalIgnoreCase) && t.ValidFrom <= on);

    public IReadOnlyList<WarningView> WarningsFor(JointTender tender)
    {
        var warnings = new List<WarningView>();
        var estimated = tender.LiveLots.Sum(l => l.EstimatedValueExclVat);
        if (For(tender.Procedure, DateOnly.FromDateTime(tender.OpenedAt.UtcDateTime)) is { } threshold && estimated >= threshold.MaximumExclVat)
            warnings.Add(new WarningView("procedure-threshold-exceeded",
                $"De geraamde waarde ({estimated:N2} euro excl. btw) bereikt de drempel van {threshold.MaximumExclVat:N2} euro voor procedure {tender.Procedure} (geldig sinds {threshold.ValidFrom:yyyy-MM-dd}); kijk na of deze procedure nog mag.",
                $"La valeur estimée ({estimated:N2} euros hors TVA) atteint le seuil de {threshold.MaximumExclVat:N2} euros de la procédure {tender.Procedure} (en vigueur depuis le {threshold.ValidFrom:yyyy-MM-dd}) ; vérifiez que cette procédure est encore permise."));
        foreach (var lot in tender.LiveLots.Where(l => l.Terms.LongerDurationJustification is not null))
            warnings.Add(new WarningView("framework-longer-than-four-years",
                $"Perceel {lot.Number} loopt {lot.Terms.TotalMonths} maanden, langer dan vier jaar, met als verantwoording: {lot.Terms.LongerDurationJustification}",
                $"Le lot {lot.Number} dure {lot.Terms.TotalMonths} mois, plus de quatre ans, avec pour justification : {lot.Terms.LongerDurationJustification}"));
        return warnings;
    }
}
