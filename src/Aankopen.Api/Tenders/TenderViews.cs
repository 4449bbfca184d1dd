using Aankopen.Contracts.Api.V1;

namespace Aankopen.Api.Tenders;

public static class TenderViews
{
    public static TenderView ToView(this JointTender t, long version) => new(
        t.Id, version, t.Reference, t.TitleNl, t.TitleFr, t.MainCpv, t.Subject.ToString(), t.Procedure, t.LeadAdministration,
        t.InvitedAdministrations, t.OptInDeadline, t.Status.ToString(),
        t.Lots.Values.Select(l => new LotView(
            l.Number, l.Title, l.Cpv, l.EstimatedValueExclVat, l.VatRate, l.Status.ToString(),
            l.OptIns.Select(o => new OptInView(o.Administration, o.EstimatedAmountExclVat, o.BudgetLine)).ToArray(),
            l.Award is { } a
                ? new AwardView(a.SupplierName, a.SupplierEnterpriseNumber, a.AmountExclVat, a.AmountInclVat, a.ContractStart, a.ContractEnd,
                    a.Shares.Select(s => new ShareView(s.Administration, s.AmountExclVat, s.AmountInclVat, s.BudgetLine)).ToArray())
                : null)).ToArray());
}
