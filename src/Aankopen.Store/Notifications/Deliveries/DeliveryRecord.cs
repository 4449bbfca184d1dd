using System.Collections.Immutable;
using Aankopen.Contracts.Finance.V1;

namespace Aankopen.Store.Notifications.Deliveries;

/// <summary>What the administration's finance connector last said about one message (id = the message id).</summary>
public sealed record DeliveryRecord(
    Guid Id,
    string Administration,
    DeliveryStatus Status,
    int Attempts,
    string? Reason,
    string? FinanceSystemId,
    bool Replayed,
    DateTimeOffset UpdatedAt,
    ImmutableList<DeliveryReport> Reports)
{
    /// <summary>Reports can arrive out of order (retries race the final answer): the latest by time wins.</summary>
    public static DeliveryRecord Merge(DeliveryRecord? current, DeliveryReport report)
    {
        var reports = (current?.Reports ?? []).Add(report);
        var latest = reports.MaxBy(r => r.At)!;
        return new DeliveryRecord(report.MessageId, report.AdministrationCode, latest.Status, reports.Max(r => r.Attempt),
            latest.Reason, reports.LastOrDefault(r => r.FinanceSystemId is not null)?.FinanceSystemId, latest.Replayed, latest.At,
            reports.Count > 50 ? reports.RemoveRange(0, reports.Count - 50) : reports);
    }
}
