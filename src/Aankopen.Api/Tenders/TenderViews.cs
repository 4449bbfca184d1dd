using Aankopen.Contracts.Api.V1;
using Aankopen.Domain.Tenders;
using Aankopen.Domain.Tenders.Thresholds;
using Aankopen.Edge.Security;
using Aankopen.Store.Tenders.ReadModels;

namespace Aankopen.Api.Tenders;

/// <summary>
/// A tender as one caller may see it. Shared among the participants by design: the tender and its lots as the cell set
/// them up, who takes part in which lot (the matrix), and each administration's awarded share (the award is public,
/// and everyone can check that the shares add up). An administration's own only: its estimates, quantities and budget
/// lines (opt-ins, matrix cells, shares) and its totals. The purchasing cell and auditors see everything. A tender that
/// involves none of the caller's administrations is not shown at all (<see cref="Involves"/>).
/// </summary>
public static class TenderViews
{
    public static bool Involves(this JointTender t, UserScope scope) =>
        scope.SeesAll || scope.Administrations.Contains(t.LeadAdministration) || t.InvitedAdministrations.Any(scope.Administrations.Contains);

    /// <summary>The only way to make a tender's view: the caller's scope decides what it holds, here, not afterwards.</summary>
    public static TenderView ToView(this JointTender t, long version, ProcedureThresholds thresholds, UserScope scope, OrderWarning? warning = null)
    {
        var whole = WholeView(t, version, thresholds, warning ?? OrderWarning.Default);
        return scope.SeesAll ? whole : OwnFiguresOnly(whole, scope.Administrations);
    }

    private static TenderView WholeView(JointTender t, long version, ProcedureThresholds thresholds, OrderWarning warning)
    {
        var cpv = Aankopen.Domain.CpvVocabulary.Find(t.MainCpv);
        return new(
            t.Id, version, t.Reference, t.TitleNl, t.TitleFr, t.MainCpv, t.Subject.ToString(), t.Procedure, t.LeadAdministration,
            t.InvitedAdministrations, t.OptInDeadline, t.Status.ToString(), t.OpenedBy, t.OpenedAt, t.PublicationReference, t.PublishedOn,
            t.CancellationReason,
            t.Lots.Values.Select(l => ToView(l, warning)).ToArray(),
            Matrix(t),
            Totals(t),
            thresholds.WarningsFor(t).Select(w => new WarningView(w.Code, w.Nl, w.Fr)).ToArray(),
            ProcedureThresholds.EstimatedOverFullDuration(t),
            cpv?.Nl, cpv?.Fr,
            // Decisions are public acts of each administration's bodies: every participant sees who decided what.
            t.Decisions.Select(d => new DecisionView(d.Number, d.Administration, d.Kind.ToString(), d.LotNumber, d.Renewal, d.Body.ToString(),
                d.BodyName, d.DecidedOn, d.Reference, d.Standing.ToString())).ToArray(),
            t.DecisionGaps().Select(g => new DecisionGapView(g.Administration, g.Kind.ToString(), g.LotNumber, g.Renewal, g.Standing?.ToString())).ToArray(),
            t.Arrangement.ToString());
    }

    public static TenderSummaryView ToSummary(this TenderRecord r) => new(
        r.Id, r.Version, r.Reference, r.State.TitleNl, r.State.TitleFr, r.Status.ToString(), r.Year, r.State.MainCpv,
        r.State.LeadAdministration, r.Administrations, r.State.OptInDeadline, r.State.Lots.Count, r.EstimatedTotalExclVat,
        r.AwardedTotalExclVat);

    private static LotView ToView(Lot l, OrderWarning warning) => ToView(l, Aankopen.Domain.CpvVocabulary.Find(l.Cpv), warning);

    private static LotView ToView(Lot l, Aankopen.Domain.CpvVocabulary.Entry? cpv, OrderWarning warning) => new(
        l.Number, l.Title, l.Cpv, l.EstimatedValueExclVat, l.VatRate,
        new ContractTermsView(l.Terms.Start, l.Terms.InitialMonths, l.Terms.Renewable, l.Terms.RenewalMonths, l.Terms.MaxRenewals,
            l.Terms.NoticeDays, l.Terms.TotalMonths, l.Terms.LongerDurationJustification),
        l.Status.ToString(),
        l.OptIns.Select(o => new OptInView(o.Administration, o.EstimatedAmountExclVat, o.EstimatedQuantity, o.BudgetLine)).ToArray(),
        l.Award is { } a
            ? new AwardView(a.SupplierName, a.SupplierId, a.AmountExclVat, a.AmountInclVat, a.ContractStart, a.ContractEnd, a.AwardedAt,
                a.Shares.Select(s => new ShareView(s.Administration, s.AmountExclVat, s.AmountInclVat, s.BudgetLine)).ToArray(), a.DecidedOn, a.ConcludedOn,
                a.AwaitingDecision, a.Agreement.ToString())
            : null,
        l.Ending, l.TerminatedOn,
        l.Running is { } r
            ? new RunningContractView(r.Renewals, r.PossibleRenewals, r.PeriodStart, r.PeriodEnd, r.CanRenew ? r.Next : null,
                r.CanRenew ? Aankopen.Domain.Tenders.ContractPeriods.NoticeDeadline(r.PeriodEnd, l.Terms.NoticeDays) : null, r.AmountExclVat, r.AmountInclVat,
                r.Shares.Select(s => new ShareView(s.Administration, s.AmountExclVat, s.AmountInclVat, s.BudgetLine)).ToArray(), r.Declined,
                r.Previous?.End, r.Previous?.Shares.Select(s => s.Administration).ToArray())
            : null,
        l.Terms.OverFullDuration(l.EstimatedValueExclVat),
        cpv?.Nl, cpv?.Fr,
        l.IsFramework ? Consumption.Of(l).Select(warning.ToView).ToArray() : null,
        l.IsFramework
            ? l.Orders.Select(o => new OrderView(o.Number, o.Administration, o.Renewal, o.OrderedOn, o.Reference, o.AmountExclVat, o.AmountInclVat, o.BudgetLine)).ToArray()
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

    private static TenderView OwnFiguresOnly(TenderView view, IReadOnlySet<string> own)
    {
        ShareView Share(ShareView s) => own.Contains(s.Administration) ? s : s with { BudgetLine = "" };
        return view with
        {
            Lots = view.Lots.Select(l => l with
            {
                OptIns = l.OptIns.Where(o => own.Contains(o.Administration)).ToArray(),
                Award = l.Award is null ? null : l.Award with { Shares = l.Award.Shares.Select(Share).ToArray() },
                Running = l.Running is null ? null : l.Running with { Shares = l.Running.Shares.Select(Share).ToArray() },
                // What an administration orders is its own business, like its budget lines.
                Consumption = l.Consumption?.Where(c => own.Contains(c.Administration)).ToArray(),
                Orders = l.Orders?.Where(o => own.Contains(o.Administration)).ToArray(),
            }).ToArray(),
            Matrix = view.Matrix with
            {
                Rows = view.Matrix.Rows.Select(r => r with
                {
                    Cells = r.Cells.Select(c => own.Contains(c.Administration) ? c : c with { EstimatedAmountExclVat = null, EstimatedQuantity = null }).ToArray(),
                }).ToArray(),
            },
            Totals = view.Totals.Where(t => own.Contains(t.Administration)).ToArray(),
        };
    }

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
