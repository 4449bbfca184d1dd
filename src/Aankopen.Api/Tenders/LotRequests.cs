using Aankopen.Contracts.Api.V1;
using Aankopen.Domain.Tenders;

namespace Aankopen.Api.Tenders;

public static class LotRequests
{
    public static LotDetails ToDetails(this LotRequest r) => new(r.Title, r.Cpv, r.EstimatedValueExclVat, r.VatRate,
        r.Terms is { } t
            ? new ContractTerms(t.Start, t.InitialMonths, t.Renewable, t.RenewalMonths, t.MaxRenewals, t.NoticeDays, t.LongerDurationJustification)
            : null);
}
