using Aankopen.Contracts.Finance.V1;
using Aankopen.Contracts.FinanceSystem.V1;

namespace Aankopen.FinanceConnector;

/// <summary>A finance message as the call it stands for, and how it reads in the connector's log.</summary>
public sealed record FinanceCall(string Description, Func<IFinanceSystemApi, CancellationToken, Task<Receipt>> SendAsync);

/// <summary>
/// What each finance message asks of the administration's finance system (the published finance-system contract),
/// in one place: a new message type gets its line here and nowhere else. The message's business key is the
/// idempotency key of every call.
/// </summary>
public static class FinanceCalls
{
    public static FinanceCall For(FinanceMessage message) => message switch
    {
        LotAwardedShare m => Commitment(m, m.BudgetLine, m.ShareExclVat, m.VatRate, m.ShareInclVat, m.Supplier, m.ContractStart, m.ContractEnd,
            CommitmentKind.Award, Lot(m)),
        LotRenewedShare m => Commitment(m, m.BudgetLine, m.ShareExclVat, m.VatRate, m.ShareInclVat, m.Supplier, m.PeriodStart, m.PeriodEnd,
            CommitmentKind.Renewal, $"{Lot(m)}, verlenging/reconduction {m.Renewal}"),
        ProvisionalReservation m => Reservation(m, m.BudgetLine, m.Change.ToString(), m.EstimatedAmountExclVat, m.EstimatedAmountInclVat,
            m.EstimatedQuantity, $"{Lot(m)} ({m.Change})"),
        RenewalDue m => Reservation(m, m.BudgetLine, "RenewalDue", m.ExpectedShareExclVat, m.ExpectedShareInclVat, null,
            $"{Lot(m)}, verlengt op/reconduit le {m.RenewsOn:yyyy-MM-dd} tenzij opgezegd voor/sauf résiliation avant {m.NoticeDeadline:yyyy-MM-dd}"),
        ReservationReleased m => Call($"{Lot(m)} ({m.Reason}{(m.Explanation is null ? "" : ": " + m.Explanation)})",
            (finance, description, ct) => finance.ReleaseAsync(m.BusinessKey, new ReleaseRequest(m.AdministrationCode, m.BudgetLine, m.Reason.ToString(),
                m.CommittedExclVat, m.CommittedInclVat, m.EffectiveOn, m.TenderReference, m.LotNumber, description), ct)),
        MembershipChanged m => Call($"{m.CentralCode} ({m.Change}, {m.DecisionReference})",
            (finance, _, ct) => finance.RecordMembershipAsync(m.BusinessKey, new MembershipRequest(m.AdministrationCode, m.MembershipId, m.Change.ToString(),
                m.CentralCode, $"{m.CentralNameNl} / {m.CentralNameFr}", m.Categories, m.CpvDivisions, m.Start, m.End, m.DecisionReference), ct)),
        FrameworkShareAnnounced m => Call($"{Lot(m)}, raamovereenkomst/accord-cadre, periode/période {m.Renewal}",
            (finance, text, ct) => finance.AnnounceFrameworkAsync(m.BusinessKey, new FrameworkRequest(m.AdministrationCode, m.BudgetLine, m.Renewal,
                m.ShareExclVat, m.VatRate, m.ShareInclVat, m.Supplier.Name, m.Supplier.Identifier, m.PeriodStart, m.PeriodEnd, m.TenderReference,
                m.LotNumber, text), ct)),
        OrderPlaced m => Call($"{Lot(m)}, bestelling/commande {m.OrderReference}",
            (finance, text, ct) => finance.BookCommitmentAsync(m.BusinessKey, new CommitmentRequest(m.AdministrationCode, m.BudgetLine, m.AmountExclVat,
                m.VatRate, m.AmountInclVat, m.Supplier.Name, m.Supplier.Identifier, m.OrderedOn, m.PeriodEnd, m.TenderReference, m.LotNumber, text,
                CommitmentKind.Order, m.OrderReference), ct)),
        _ => throw new NotSupportedException($"No finance-system call is known for {message.GetType().Name}; add it to {nameof(FinanceCalls)}."),
    };

    private static string Lot(TenderFinanceMessage m) => $"{m.TenderReference} perceel/lot {m.LotNumber}: {m.LotTitle}";

    private static FinanceCall Call(string description, Func<IFinanceSystemApi, string, CancellationToken, Task<Receipt>> send) =>
        new(description, (finance, ct) => send(finance, description, ct));

    private static FinanceCall Commitment(TenderFinanceMessage m, string budgetLine, decimal exclVat, decimal vatRate, decimal inclVat, Supplier supplier,
        DateOnly start, DateOnly end, CommitmentKind kind, string description) =>
        Call(description, (finance, text, ct) => finance.BookCommitmentAsync(m.BusinessKey, new CommitmentRequest(
            m.AdministrationCode, budgetLine, exclVat, vatRate, inclVat, supplier.Name, supplier.Identifier, start, end, m.TenderReference, m.LotNumber, text, kind), ct));

    private static FinanceCall Reservation(TenderFinanceMessage m, string budgetLine, string change, decimal? exclVat, decimal? inclVat, decimal? quantity,
        string description) =>
        Call(description, (finance, text, ct) => finance.ReserveAsync(m.BusinessKey, new ReservationRequest(
            m.AdministrationCode, budgetLine, change, exclVat, inclVat, quantity, m.TenderReference, m.LotNumber, text), ct));
}
