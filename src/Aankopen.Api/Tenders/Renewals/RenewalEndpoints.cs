using Aankopen.Contracts.Api.V1;
using Aankopen.Domain;
using Aankopen.Domain.Tenders.Renewals;
using Aankopen.Edge.Http;
using Aankopen.Edge.Security;
using Aankopen.Store.Tenders.ReadModels;
using Marten;

namespace Aankopen.Api.Tenders.Renewals;

public static class RenewalEndpoints
{
    public static Task<IResult> Renew(Guid tenderId, int lotNumber, HttpContext http, TenderWrites writes, CancellationToken ct) =>
        writes.ExecuteAsync(http, tenderId, (tender, actor, now) => RenewalDeciders.RenewNow(tender, lotNumber, actor, now), ct);

    public static Task<IResult> NotRenew(Guid tenderId, int lotNumber, ReasonRequest request, HttpContext http, TenderWrites writes, CancellationToken ct) =>
        writes.ExecuteAsync(http, tenderId, (tender, actor, now) => RenewalDeciders.NotRenew(tender, lotNumber, request.Reason, actor, now), ct);

    public static Task<IResult> Decline(Guid tenderId, int lotNumber, string administration, HttpContext http, TenderWrites writes, CancellationToken ct) =>
        writes.ExecuteAsync(http, tenderId, (tender, actor, now) => RenewalDeciders.Decline(tender, lotNumber, administration, actor, now), ct);

    /// <summary>Running lots whose notice deadline or period end falls in the window, most urgent first.</summary>
    public static async Task<IResult> Calendar(
        DateOnly? from, DateOnly? to, string? administration, HttpContext http, IQuerySession session, TimeProvider clock, OrderWarning warning,
        CancellationToken ct)
    {
        var start = from ?? Aankopen.Domain.BrusselsCalendar.Today(clock);
        var end = to ?? start.AddMonths(6);
        if (end < start || end > start.AddYears(10))
            return Problems.From(http, [DomainError.Invalid("window-invalid/renewals", "to")]);

        var administrationOrAll = string.IsNullOrWhiteSpace(administration) ? null : administration;
        // Only the tenders with a date in the window's months (one index lookup, also for one administration), and of
        // those only their calendar lots, not the whole folded tender.
        var due = await session.Query<TenderRecord>().DueIn(CalendarLot.WindowKeys(start, end, administrationOrAll))
            .Select(t => new DueTender(t.Id, t.Reference, t.CalendarLots)).ToListAsync(ct);
        var scope = http.ScopeOf();
        var entries = due.SelectMany(t => t.CalendarLots
                .Where(l => l.FallsIn(start, end) && (administrationOrAll is null || l.Administrations.Contains(administrationOrAll))
                    && (scope.SeesAll || l.Administrations.Any(scope.Administrations.Contains)))
                .Select(l => Entry(t, l, warning, scope)))
            .OrderBy(e => e.FirstDate).ThenBy(e => e.TenderReference).ThenBy(e => e.LotNumber)
            .ToArray();
        return TypedResults.Ok(entries);
    }

    private sealed record DueTender(Guid Id, string Reference, CalendarLot[] CalendarLots);

    /// <remarks>Each caller sees the consumption of its own administrations only; the cell and auditors see all.</remarks>
    private static RenewalCalendarEntryView Entry(DueTender t, CalendarLot l, OrderWarning warning, Aankopen.Edge.Security.UserScope scope) => new(
        t.Id, t.Reference, l.LotNumber, l.Title, l.SupplierName, l.Renewals, l.NextRenewal, l.PeriodEnd, l.NoticeDeadline, l.FirstDate, l.Administrations,
        l.Declined, l.Consumption?.Where(c => scope.SeesAll || scope.Administrations.Contains(c.Administration)).Select(warning.ToView).ToArray());
}
