using Aankopen.Contracts.Finance.V1;
using Aankopen.Contracts.FinanceSystem.V1;

namespace Aankopen.FinanceConnector;

// One consumer per finance message: each turns the message into the finance-system call it stands for.

public sealed class LotAwardedShareConsumer(IFinanceSystemApi finance, ConnectorSettings settings, TimeProvider time, DeliveryReporter reports, ILogger<LotAwardedShareConsumer> log)
    : FinanceConsumer<LotAwardedShare>(finance, settings, time, reports, log)
{
    protected override Task<Receipt> DeliverAsync(LotAwardedShare m, CancellationToken ct) =>
        Finance.BookCommitmentAsync(m.BusinessKey, new CommitmentRequest(
            m.AdministrationCode, m.BudgetLine, m.ShareExclVat, m.VatRate, m.ShareInclVat, m.Supplier.Name, m.Supplier.Identifier,
            m.ContractStart, m.ContractEnd, m.TenderReference, m.LotNumber, Describe(m)), ct);

    protected override string Describe(LotAwardedShare m) => $"{m.TenderReference} perceel/lot {m.LotNumber}: {m.LotTitle}";
}

public sealed class LotRenewedShareConsumer(IFinanceSystemApi finance, ConnectorSettings settings, TimeProvider time, DeliveryReporter reports, ILogger<LotRenewedShareConsumer> log)
    : FinanceConsumer<LotRenewedShare>(finance, settings, time, reports, log)
{
    protected override Task<Receipt> DeliverAsync(LotRenewedShare m, CancellationToken ct) =>
        Finance.BookCommitmentAsync(m.BusinessKey, new CommitmentRequest(
            m.AdministrationCode, m.BudgetLine, m.ShareExclVat, m.VatRate, m.ShareInclVat, m.Supplier.Name, m.Supplier.Identifier,
            m.PeriodStart, m.PeriodEnd, m.TenderReference, m.LotNumber, Describe(m), CommitmentKind.Renewal), ct);

    protected override string Describe(LotRenewedShare m) =>
        $"{m.TenderReference} perceel/lot {m.LotNumber}: {m.LotTitle}, verlenging/reconduction {m.Renewal}";
}

public sealed class ProvisionalReservationConsumer(IFinanceSystemApi finance, ConnectorSettings settings, TimeProvider time, DeliveryReporter reports, ILogger<ProvisionalReservationConsumer> log)
    : FinanceConsumer<ProvisionalReservation>(finance, settings, time, reports, log)
{
    protected override Task<Receipt> DeliverAsync(ProvisionalReservation m, CancellationToken ct) =>
        Finance.ReserveAsync(m.BusinessKey, new ReservationRequest(
            m.AdministrationCode, m.BudgetLine, m.Change.ToString(), m.EstimatedAmountExclVat, m.EstimatedAmountInclVat, m.EstimatedQuantity,
            m.TenderReference, m.LotNumber, Describe(m)), ct);

    protected override string Describe(ProvisionalReservation m) => $"{m.TenderReference} perceel/lot {m.LotNumber}: {m.LotTitle} ({m.Change})";
}

public sealed class RenewalDueConsumer(IFinanceSystemApi finance, ConnectorSettings settings, TimeProvider time, DeliveryReporter reports, ILogger<RenewalDueConsumer> log)
    : FinanceConsumer<RenewalDue>(finance, settings, time, reports, log)
{
    protected override Task<Receipt> DeliverAsync(RenewalDue m, CancellationToken ct) =>
        Finance.ReserveAsync(m.BusinessKey, new ReservationRequest(
            m.AdministrationCode, m.BudgetLine, "RenewalDue", m.ExpectedShareExclVat, m.ExpectedShareInclVat, null,
            m.TenderReference, m.LotNumber, Describe(m)), ct);

    protected override string Describe(RenewalDue m) =>
        $"{m.TenderReference} perceel/lot {m.LotNumber}: {m.LotTitle}, verlengt op/reconduit le {m.RenewsOn:yyyy-MM-dd} tenzij opgezegd voor/sauf résiliation avant {m.NoticeDeadline:yyyy-MM-dd}";
}

public sealed class ReservationReleasedConsumer(IFinanceSystemApi finance, ConnectorSettings settings, TimeProvider time, DeliveryReporter reports, ILogger<ReservationReleasedConsumer> log)
    : FinanceConsumer<ReservationReleased>(finance, settings, time, reports, log)
{
    protected override Task<Receipt> DeliverAsync(ReservationReleased m, CancellationToken ct) =>
        Finance.ReleaseAsync(m.BusinessKey, new ReleaseRequest(
            m.AdministrationCode, m.BudgetLine, m.Reason.ToString(), m.CommittedExclVat, m.CommittedInclVat, m.EffectiveOn,
            m.TenderReference, m.LotNumber, Describe(m)), ct);

    protected override string Describe(ReservationReleased m) =>
        $"{m.TenderReference} perceel/lot {m.LotNumber}: {m.LotTitle} ({m.Reason}{(m.Explanation is null ? "" : ": " + m.Explanation)})";
}

public sealed class MembershipChangedConsumer(IFinanceSystemApi finance, ConnectorSettings settings, TimeProvider time, DeliveryReporter reports, ILogger<MembershipChangedConsumer> log)
    : FinanceConsumer<MembershipChanged>(finance, settings, time, reports, log)
{
    protected override Task<Receipt> DeliverAsync(MembershipChanged m, CancellationToken ct) =>
        Finance.RecordMembershipAsync(m.BusinessKey, new MembershipRequest(
            m.AdministrationCode, m.MembershipId, m.Change.ToString(), m.CentralCode, $"{m.CentralNameNl} / {m.CentralNameFr}",
            m.Categories, m.CpvDivisions, m.Start, m.End, m.DecisionReference), ct);

    protected override string Describe(MembershipChanged m) => $"{m.CentralCode} ({m.Change}, {m.DecisionReference})";
}
