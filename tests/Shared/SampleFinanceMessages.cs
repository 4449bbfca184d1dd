using Aankopen.Contracts.Finance.V1;

namespace Aankopen.Samples;

/// <summary>
/// An award and a provisional reservation as the relay publishes them, for tests and benchmarks that feed the
/// connectors straight from the broker. Linked into both projects (the benchmark cannot reference the tests).
/// </summary>
public static class SampleFinanceMessages
{
    public static LotAwardedShare Award(string tenant, string code, Guid? tenderId = null) => new()
    {
        MessageId = Guid.CreateVersion7(),
        CorrelationId = "sample",
        AdministrationCode = code,
        Tenant = tenant,
        TenderId = tenderId ?? Guid.CreateVersion7(),
        TenderReference = Reference(tenderId ?? Guid.Empty),
        TenderTitleNl = "Strooizout",
        TenderTitleFr = "Sel de déneigement",
        LotNumber = 1,
        LotTitle = "Strooizout in bulk",
        Supplier = new Supplier("Zoutkeet NV", "0207.000.176"),
        ShareExclVat = 10_000m,
        VatRate = 21m,
        ShareInclVat = 12_100m,
        BudgetLine = "0400/140-02",
        ContractStart = new DateOnly(2027, 1, 1),
        ContractEnd = new DateOnly(2027, 12, 31),
        AwardedBy = "aankoopcel@regio.example",
        AwardedAt = DateTimeOffset.UtcNow,
    };

    public static ProvisionalReservation Reservation(string tenant, string code, Guid tenderId) => new()
    {
        MessageId = Guid.CreateVersion7(),
        CorrelationId = "sample",
        AdministrationCode = code,
        Tenant = tenant,
        TenderId = tenderId,
        TenderReference = Reference(tenderId),
        TenderTitleNl = "Strooizout",
        TenderTitleFr = "Sel de déneigement",
        LotNumber = 1,
        LotTitle = "Strooizout in bulk",
        Change = ReservationChange.Changed,
        EstimatedAmountExclVat = 9_000m,
        VatRate = 21m,
        EstimatedAmountInclVat = 10_890m,
        BudgetLine = "0400/140-02",
        ChangedBy = "gemeente@regio.example",
        ChangedAt = DateTimeOffset.UtcNow,
    };

    private static string Reference(Guid tenderId) => $"REG-{tenderId:N}"[..12];
}
