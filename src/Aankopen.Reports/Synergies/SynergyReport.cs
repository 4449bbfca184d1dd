using Aankopen.Contracts.Api.V1;
using Aankopen.Domain;
using Aankopen.Domain.Administrations;
using Aankopen.Domain.Measures;
using Aankopen.Domain.Memberships;
using Aankopen.Domain.Tenders;

namespace Aankopen.Reports.Synergies;

/// <summary>
/// Builds the yearly chapter from the tenders (their folded state), the renewals recorded and the memberships. No
/// I/O: the endpoint reads, this decides what counts in which year. A tender counts in the year it was opened, an
/// award in the year it was decided, a renewal in the year its new period starts, a membership in every year it runs.
/// </summary>
public static class SynergyReport
{
    public static SynergyReportView Build(int year, IReadOnlyList<string> administrations, IReadOnlyCollection<JointTender> tenders,
        IReadOnlyCollection<LotRenewed> renewals, IReadOnlyCollection<CentralMembership> memberships, IReadOnlyDictionary<string, PurchasingCentral> centrals,
        IReadOnlyList<Administration>? known = null, IReadOnlyCollection<PlannedMeasure>? measures = null)
    {
        // The chapter is about buying together: a tender in which one administration alone takes part, a draft or a
        // cancelled tender is no joint tender, whatever else it is.
        var joint = tenders.Where(IsJoint).ToArray();
        var byId = joint.ToDictionary(t => t.Id);
        IReadOnlyList<ReportLotView> AwardedIn(int y) => joint
            .SelectMany(t => t.Lots.Values.Where(l => l.Award is { } a && BrusselsCalendar.DateOf(a.AwardedAt).Year == y).Select(l => Awarded(t, l, l.Award!)))
            .OrderBy(l => l.Reference, StringComparer.Ordinal).ThenBy(l => l.LotNumber).ToArray();
        IReadOnlyList<ReportLotView> RenewedIn(int y) => renewals
            .Where(r => r.PeriodStart.Year == y && byId.ContainsKey(r.TenderId))
            .Select(r => Renewed(byId[r.TenderId], r))
            .OrderBy(l => l.Reference, StringComparer.Ordinal).ThenBy(l => l.LotNumber).ThenBy(l => l.PeriodStart).ToArray();
        IReadOnlyList<CentralMembership> RunningIn(int y) => memberships
            .Where(m => m.Start.Year <= y && (m.End is not { } end || end.Year >= y)).ToArray();

        var opened = joint.Where(t => BrusselsCalendar.DateOf(t.OpenedAt).Year == year).OrderBy(t => t.Reference, StringComparer.Ordinal).Select(Opened).ToArray();
        var (awarded, previousAwarded) = (AwardedIn(year), AwardedIn(year - 1));
        var (renewed, previousRenewed) = (RenewedIn(year), RenewedIn(year - 1));
        var running = RunningIn(year);

        decimal ShareOf(IEnumerable<ReportLotView> lots, string administration) =>
            lots.SelectMany(l => l.Shares).Where(s => s.Administration == administration).Sum(s => s.AmountExclVat);
        decimal OrderedBy(string administration, int y) => joint.SelectMany(t => t.Lots.Values).SelectMany(l => l.Orders)
            .Where(o => o.Administration == administration && o.OrderedOn.Year == y).Sum(o => o.AmountExclVat);
        var perAdministration = administrations.Select(a => new ReportAdministrationView(a,
            ShareOf(awarded, a), ShareOf(renewed, a), ShareOf(previousAwarded, a), ShareOf(previousRenewed, a), OrderedBy(a, year), OrderedBy(a, year - 1))).ToArray();

        return new SynergyReportView(year, administrations, opened, awarded, renewed,
            running.OrderBy(m => m.Administration, StringComparer.Ordinal).ThenBy(m => m.Central, StringComparer.Ordinal).Select(m => Membership(m, year, centrals)).ToArray(),
            perAdministration,
            Figures(opened.Length, awarded, renewed, running),
            Figures(joint.Count(t => BrusselsCalendar.DateOf(t.OpenedAt).Year == year - 1), previousAwarded, previousRenewed, RunningIn(year - 1)),
            known?.DistinctBy(a => a.Code).Select(a => new ReportNameView(a.Code, a.NameNl, a.NameFr)).ToArray(),
            joint.SelectMany(t => t.Decisions.Where(d => d.DecidedOn.Year == year).Select(d => new ReportDecisionView(d.Administration, t.Reference, t.TitleNl, t.TitleFr,
                    d.Kind.ToString(), d.LotNumber, d.Renewal, d.Body.ToString(), d.BodyName, d.DecidedOn, d.Reference, d.Standing.ToString())))
                .OrderBy(d => d.DecidedOn).ThenBy(d => d.Reference, StringComparer.Ordinal).ToArray(),
            joint.SelectMany(t => t.Lots.Values.Where(l => EndOf(l)?.Year == year).Select(l => Ended(t, l)))
                .OrderBy(l => l.Reference, StringComparer.Ordinal).ThenBy(l => l.LotNumber).ToArray(),
            Measures(measures, m => m.PlannedIn(year)),
            Measures(measures, m => m.DoneIn(year)),
            joint.Where(t => BrusselsCalendar.DateOf(t.OpenedAt).Year == year || t.Lots.Values.Any(l => RunsIn(l, year)))
                .OrderBy(t => t.Reference, StringComparer.Ordinal)
                .SelectMany(t => t.BuyingThroughLead().Select(a => new BuyingThroughView(a, t.LeadAdministration, t.Id, t.Reference, t.TitleNl, t.TitleFr,
                    t.Status.ToString()))).ToArray());
    }

    /// <summary>Whether an awarded lot's contract runs during some of the year.</summary>
    private static bool RunsIn(Lot l, int year) => l.Award is { } a
        && a.ContractStart.Year <= year && (EndOf(l) ?? l.Running?.PeriodEnd ?? a.ContractEnd).Year >= year;

    private static MeasureView[] Measures(IReadOnlyCollection<PlannedMeasure>? measures, Func<PlannedMeasure, bool> shown) =>
        (measures ?? []).Where(shown).OrderBy(m => m.DomainNl, StringComparer.Ordinal).ThenBy(m => m.PlannedFrom).ThenBy(m => m.RecordedAt)
            .Select(m => m.ToView()).ToArray();

    /// <summary>When a lot's contract ended: the day it was terminated, or the end of its last period.</summary>
    private static DateOnly? EndOf(Lot l) => l.Status switch
    {
        LotStatus.Terminated => l.TerminatedOn,
        LotStatus.Ended => l.Running?.PeriodEnd ?? l.Award?.ContractEnd,
        _ => null,
    };

    private static ReportLotView Ended(JointTender t, Lot l)
    {
        var award = l.Award!;
        var shares = l.Running?.Shares ?? award.Shares;
        return new(t.Id, t.Reference, t.TitleNl, t.TitleFr, l.Number, l.Title, award.SupplierName, l.Running?.PeriodStart ?? award.ContractStart, EndOf(l)!.Value,
            l.Running?.AmountExclVat ?? award.AmountExclVat, l.Running?.AmountInclVat ?? award.AmountInclVat,
            shares.Select(s => new ReportShareView(s.Administration, s.AmountExclVat, s.AmountInclVat)).ToArray());
    }

    /// <summary>Two or more administrations take part (an opt-in on a lot still in the running, a share, or buying for the others as
    /// purchasing central), and the tender is neither a draft nor cancelled.</summary>
    public static bool IsJoint(JointTender t) =>
        t.Status is not (TenderStatus.Draft or TenderStatus.Cancelled)
        && t.LiveLots.SelectMany(l => l.OptIns.Select(o => o.Administration).Concat(l.Award?.Shares.Select(s => s.Administration) ?? []))
            // A purchasing central buys together with those it buys for, even without a share of its own.
            .Concat(t.BuyingThroughLead().Count > 0 ? [t.LeadAdministration] : []).Distinct().Count() >= 2;

    private static ReportFiguresView Figures(int opened, IReadOnlyList<ReportLotView> awarded, IReadOnlyList<ReportLotView> renewed, IReadOnlyList<CentralMembership> memberships) =>
        new(opened, awarded.Count, awarded.Sum(l => l.AmountExclVat), renewed.Count, renewed.Sum(l => l.AmountExclVat), memberships.Count,
            memberships.Select(m => m.Central).Distinct().Count());

    private static ReportTenderView Opened(JointTender t)
    {
        var participants = t.Lots.Values.SelectMany(l => l.OptIns.Select(o => o.Administration)).Distinct().ToArray();
        return new ReportTenderView(t.Id, t.Reference, t.TitleNl, t.TitleFr, t.Procedure, t.Status.ToString(),
            participants.Length > 0 ? t.InvitedAdministrations.Where(participants.Contains).ToArray() : [.. t.InvitedAdministrations]);
    }

    private static ReportLotView Awarded(JointTender t, Lot l, Award a) =>
        new(t.Id, t.Reference, t.TitleNl, t.TitleFr, l.Number, l.Title, a.SupplierName, a.ContractStart, a.ContractEnd, a.AmountExclVat, a.AmountInclVat,
            a.Shares.Select(s => new ReportShareView(s.Administration, s.AmountExclVat, s.AmountInclVat)).ToArray(), a.Agreement == AgreementKind.Framework);

    private static ReportLotView Renewed(JointTender t, LotRenewed r)
    {
        var lot = t.Lots.GetValueOrDefault(r.LotNumber);
        return new(t.Id, t.Reference, t.TitleNl, t.TitleFr, r.LotNumber, lot?.Title ?? "", lot?.Award?.SupplierName ?? "", r.PeriodStart, r.PeriodEnd,
            r.AmountExclVat, r.AmountInclVat, r.Shares.Select(s => new ReportShareView(s.Administration, s.AmountExclVat, s.AmountInclVat)).ToArray(),
            lot?.IsFramework == true);
    }

    private static ReportMembershipView Membership(CentralMembership m, int year, IReadOnlyDictionary<string, PurchasingCentral> centrals)
    {
        var central = centrals.GetValueOrDefault(m.Central);
        return new(m.Administration, m.Central, central?.NameNl ?? m.Central, central?.NameFr ?? m.Central, m.Start, m.End,
            m.Start.Year == year, m.End is { } end && end.Year == year);
    }
}
