using Aankopen.Api.Tenders.ReadModels;
using Aankopen.Contracts.Api.V1;

namespace Aankopen.Api.Tenders;

public static class TenderViews
{
    public static TenderView ToView(this JointTender t, long version, ProcedureThresholds thresholds) => new(
        t.Id, version, t.Reference, t.TitleNl, t.TitleFr, t.MainCpv, t.Subject.ToString(), t.Procedure, t.LeadAdministration,
        t.InvitedAdministrations, t.OptInDeadline, t.Status.ToString(), t.OpenedBy, t.OpenedAt, t.PublicationReference, t.PublishedOn,
        t.CancellationReason,
        t.Lots.Values.Select(ToView).ToArray(),
        Matrix(t),
        Totals(t),
        thresholds.WarningsFor(t));

    public static TenderSummaryView ToSummary(this TenderRecord r) => new(
        r.Id, r.Version, r.Reference, r.State.TitleNl, r.State.TitleFr, r.Status.ToString(), r.Year, r.State.MainCpv,
        r.State.LeadAdministration, r.Administrations, r.State.OptInDeadline, r.State.Lots.Count, r.EstimatedTotalExclVat,
        r.AwardedTotalExclVat);

    private static LotView ToView(Lot l) => new(
        l.Number, l.Title, l.Cpv, l.EstimatedValueExclVat, l.VatRate,
        new ContractTermsView(l.Terms.Start, l.Terms.InitialMonths, l.Terms.Renewable, l.Terms.RenewalMonths, l.Terms.MaxRenewals,
            l.Terms.NoticeDays, l.Terms.TotalMonths, l.Terms.LongerDurationJustification),
        l.Status.ToString(),
        l.OptIns.Select(o => new OptInView(o.Administration, o.EstimatedAmountExclVat, o.EstimatedQuantity, o.BudgetLine)).ToArray(),
        l.Award is { } a
            ? new AwardView(a.SupplierName, a.SupplierId, a.AmountExclVat, a.AmountInclVat, a.ContractStart, a.ContractEnd, a.AwardedAt,
                a.Shares.Select(s => new ShareView(s.Administration, s.AmountExclVat, s.AmountInclVat, s.BudgetLine)).ToArray())
            : null,
        l.Ending, l.TerminatedOn,
        l.Running is { } r
            ? new RunningContractView(r.Renewals, r.PossibleRenewals, r.PeriodStart, r.PeriodEnd, r.CanRenew ? r.Next : null,
                r.CanRenew ? Renewals.ContractPeriods.NoticeDeadline(r.PeriodEnd, l.Terms.NoticeDays) : null, r.AmountExclVat, r.AmountInclVat,
                r.Shares.Select(s => new ShareView(s.Administration, s.AmountExclVat, s.AmountInclVat, s.BudgetLine)).ToArray(), r.Declined)
            : null);

    private static OptInMatrixView Matrix(JointTender t) => new(
        t.InvitedAdministrations,
        t.Lots.Values.Select(lot => new MatrixRowView(lot.Number, lot.Title, lot.Status.ToString(),
            t.InvitedAdministrations.Select(code =>
            {
                var optIn = lot.OptInOf(code);
                var share = lot.Award?.Shares.FirstOrDefault(s => s.Administration == code);
                return new MatrixCellView(code, optIn is not null, optIn?.EstimatedAmountExclVat, optIn?.EstimatedQuantity,
                    share?.AmountExclVat, share?.AmountInclVat);
            }).ToArray())).ToArray());

    /// <summary>Dropped lots count for nobody; shares of a terminated lot still count, as they were committed.</summary>
    private static IReadOnlyList<AdministrationTotalsView> Totals(JointTender t) =>
        t.InvitedAdministrations.Select(code =>
        {
            var optIns = t.LiveLots.Select(l => l.OptInOf(code)).OfType<OptIn>().ToArray();
            var shares = t.Lots.Values.SelectMany(l => l.Award?.Shares ?? []).Where(s => s.Administration == code).ToArray();
            return new AdministrationTotalsView(code, optIns.Length, optIns.Sum(o => o.EstimatedAmountExclVat ?? 0m),
                shares.Sum(s => s.AmountExclVat), shares.Sum(s => s.AmountInclVat));
        }).ToArray();
}
