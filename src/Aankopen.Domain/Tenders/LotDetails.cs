namespace Aankopen.Domain.Tenders;

/// <summary>What describes a lot, checked the same way when it is added and when it is changed.</summary>
public sealed record LotDetails(string Title, string Cpv, decimal EstimatedValueExclVat, decimal VatRate, ContractTerms? Terms)
{
    public IReadOnlyList<DomainError> Check()
    {
        var errors = new List<DomainError?>
        {
            InputChecks.MissingText(Title, "title", 200, "lot-title"),
            InputChecks.NotPositiveAmount(EstimatedValueExclVat, "estimatedValueExclVat"),
        };
        if (!CpvCode.TryParse(Cpv, out _))
            errors.Add(InputChecks.InvalidCpv(Cpv, "cpv"));
        if (!Money.BelgianVatRates.Contains(VatRate))
            errors.Add(DomainError.Invalid("vat-rate-invalid", "vatRate", VatRate));
        if (Terms is null)
            errors.Add(DomainError.Invalid("required/terms", "terms"));
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
            yield return DomainError.Invalid("initial-period-invalid", "terms.initialMonths");
        if (terms.Renewable && terms.RenewalMonths is < 1 or > 60)
            yield return DomainError.Invalid("renewal-period-invalid", "terms.renewalMonths");
        if (terms.Renewable && terms.MaxRenewals is < 1 or > 20)
            yield return DomainError.Invalid("max-renewals-invalid", "terms.maxRenewals");
        if (terms.NoticeDays is < 0 or > 365)
            yield return DomainError.Invalid("notice-period-invalid/days", "terms.noticeDays");
        if (terms.LongerDurationJustification is { Length: > 1000 })
            yield return DomainError.Invalid("too-long/justification", "terms.longerDurationJustification");
        if (terms.TotalMonths > ContractTerms.MaxTotalMonthsWithoutJustification && string.IsNullOrWhiteSpace(terms.LongerDurationJustification))
            yield return DomainError.Invalid("framework-too-long", "terms", terms.TotalMonths);
    }
}
