namespace Aankopen.Domain.Tenders;

/// <summary>What describes a lot, checked the same way when it is added and when it is changed.</summary>
public sealed record LotDetails(string Title, string Cpv, decimal EstimatedValueExclVat, decimal VatRate, ContractTerms? Terms)
{
    public IReadOnlyList<DomainError> Check()
    {
        var errors = new List<DomainError?>
        {
            InputChecks.MissingText(Title, "title", 200, "een omschrijving van het perceel", "une description du lot"),
            InputChecks.NotPositiveAmount(EstimatedValueExclVat, "estimatedValueExclVat"),
        };
        if (!CpvCode.TryParse(Cpv, out _))
            errors.Add(InputChecks.InvalidCpv(Cpv, "cpv"));
        if (!Money.BelgianVatRates.Contains(VatRate))
            errors.Add(DomainError.Invalid("vat-rate-invalid", "vatRate",
                $"Btw-tarief {VatRate} % bestaat niet; kies 0, 6, 12 of 21.",
                $"Le taux de TVA {VatRate} % n'existe pas ; choisissez 0, 6, 12 ou 21."));
        if (Terms is null)
            errors.Add(DomainError.Invalid("required", "terms",
                "Geef de contractvoorwaarden op: initiële looptijd, verlengbaar of niet, verlengingsperiode, maximum aantal verlengingen en opzegtermijn.",
                "Indiquez les conditions du contrat : durée initiale, reconductible ou non, période de reconduction, nombre maximal de reconductions et préavis."));
        else
            errors.AddRange(CheckTerms(Terms));
        return errors.OfType<DomainError>().ToArray();
    }

    /// <summary>Trimmed, with the renewal fields zeroed for a contract that does not renew.</summary>
    public LotDetails Normalised() => this with
    {
        Title = Title.Trim(),
        Cpv = Cpv.Trim(),
        Terms = Terms!.Renewable
            ? Terms with { LongerDurationJustification = Blank(Terms.LongerDurationJustification) }
            : Terms with { RenewalMonths = 0, MaxRenewals = 0, LongerDurationJustification = Blank(Terms.LongerDurationJustification) },
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static IEnumerable<DomainError> CheckTerms(ContractTerms terms)
    {
        if (terms.InitialMonths is < 1 or > 120)
            yield return DomainError.Invalid("initial-period-invalid", "terms.initialMonths",
                "De initiële looptijd is 1 tot 120 maanden.", "La durée initiale est de 1 à 120 mois.");
        if (terms.Renewable && terms.RenewalMonths is < 1 or > 60)
            yield return DomainError.Invalid("renewal-period-invalid", "terms.renewalMonths",
                "Een verlengbaar contract verlengt telkens met 1 tot 60 maanden.",
                "Un contrat reconductible est reconduit chaque fois pour 1 à 60 mois.");
        if (terms.Renewable && terms.MaxRenewals is < 1 or > 20)
            yield return DomainError.Invalid("max-renewals-invalid", "terms.maxRenewals",
                "Een verlengbaar contract kan 1 tot 20 keer verlengd worden.",
                "Un contrat reconductible peut être reconduit de 1 à 20 fois.");
        if (terms.NoticeDays is < 0 or > 365)
            yield return DomainError.Invalid("notice-period-invalid", "terms.noticeDays",
                "De opzegtermijn is 0 tot 365 dagen.", "Le préavis est de 0 à 365 jours.");
        if (terms.LongerDurationJustification is { Length: > 1000 })
            yield return DomainError.Invalid("too-long", "terms.longerDurationJustification",
                "De verantwoording mag hoogstens 1000 tekens lang zijn.", "La justification ne peut dépasser 1000 caractères.");
        if (terms.TotalMonths > ContractTerms.MaxTotalMonthsWithoutJustification && string.IsNullOrWhiteSpace(terms.LongerDurationJustification))
            yield return DomainError.Invalid("framework-too-long", "terms",
                $"Met verlengingen loopt dit contract {terms.TotalMonths} maanden; een raamovereenkomst duurt hoogstens 48 maanden (vier jaar). Kort de looptijd in of geef een verantwoording (longerDurationJustification).",
                $"Reconductions comprises, ce contrat dure {terms.TotalMonths} mois ; un accord-cadre dure au plus 48 mois (quatre ans). Raccourcissez la durée ou justifiez-la (longerDurationJustification).");
    }
}
