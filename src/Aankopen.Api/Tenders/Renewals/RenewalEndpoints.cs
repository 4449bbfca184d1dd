using Aankopen.Api.Shared;
using Aankopen.Api.Shared.Http;
using Aankopen.Api.Tenders.ReadModels;
using Aankopen.Contracts.Api.V1;
using Marten;

namespace Aankopen.Api.Tenders.Renewals;

public static class RenewalEndpoints
{
    public static Task<IResult> Renew(Guid tenderId, int lotNumber, HttpContext http, TenderWrites writes, CancellationToken ct) =>
        writes.ExecuteAsync(http, tenderId, (tender, actor, now) => RenewalDeciders.RenewNow(tender, lotNumber, actor, now), ct);

    public static Task<IResult> Decline(Guid tenderId, int lotNumber, string administration, HttpContext http, TenderWrites writes, CancellationToken ct) =>
        writes.ExecuteAsync(http, tenderId, (tender, actor, now) => RenewalDeciders.Decline(tender, lotNumber, administration, actor, now), ct);

    /// <summary>Running lots whose notice deadline or period end falls in the window, most urgent first.</summary>
    public static async Task<IResult> Calendar(
        DateOnly? from, DateOnly? to, string? administration, HttpContext http, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var start = from ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var end = to ?? start.AddMonths(6);
        if (end < start || end > start.AddYears(10))
            return Problems.From(http, [DomainError.Invalid("window-invalid", "to",
                "Het venster eindigt na het begin en beslaat hoogstens tien jaar.", "La fenêtre se termine après son début et couvre au plus dix ans.")]);

        var due = session.Query<TenderRecord>().Where(t => t.NextRenewalCheck != null && t.NextRenewalCheck <= end.AddDays(1));
        // In the query, not after it: one administration's calendar must not read every tender due in the window.
        if (!string.IsNullOrWhiteSpace(administration))
            due = due.Involving(administration);
        var records = await due.ToListAsync(ct);
        var entries = records.SelectMany(r => r.State.Lots.Values
                .Where(l => l.Status == LotStatus.Awarded && l.Running is not null)
                .Select(l => Entry(r.State, l)))
            .Where(e => (e.NoticeDeadline is { } d && d >= start && d <= end) || (e.PeriodEnd >= start && e.PeriodEnd <= end))
            .Where(e => string.IsNullOrWhiteSpace(administration) || e.Administrations.Contains(administration))
            .OrderBy(e => e.FirstDate).ThenBy(e => e.TenderReference).ThenBy(e => e.LotNumber)
            .ToArray();
        return TypedResults.Ok(entries);
    }

    private static RenewalCalendarEntryView Entry(JointTender t, Lot l)
    {
        var running = l.Running!;
        DateOnly? deadline = running.CanRenew ? ContractPeriods.NoticeDeadline(running.PeriodEnd, l.Terms.NoticeDays) : null;
        return new RenewalCalendarEntryView(t.Id, t.Reference, l.Number, l.Title, l.Award!.SupplierName, running.Renewals,
            running.CanRenew ? running.Next : null, running.PeriodEnd, deadline, deadline ?? running.PeriodEnd,
            running.Shares.Select(s => s.Administration).ToArray(), running.Declined);
    }
}
