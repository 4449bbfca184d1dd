using Aankopen.Contracts.Api.V1;

namespace Aankopen.Web.Pages;

/// <summary>
/// The overview a person opens the day with: tenders open for opt-in and their deadlines, lots awaiting award,
/// renewals whose notice deadline comes soon, memberships ending, finance deliveries that failed. Each list is what
/// the API shows this person (an administration sees its own part).
/// </summary>
public sealed class IndexModel(TimeProvider clock) : AankopenPageModel
{
    public IReadOnlyList<TenderSummaryView> OpenForOptIn { get; private set; } = [];
    public IReadOnlyList<(TenderView Tender, LotView Lot)> AwaitingAward { get; private set; } = [];
    public IReadOnlyList<RenewalCalendarEntryView> Renewals { get; private set; } = [];
    public IReadOnlyList<MembershipView> MembershipsEnding { get; private set; } = [];
    public IReadOnlyList<DeliveryView> FailedDeliveries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = Aankopen.Domain.BrusselsCalendar.Today(clock);
        var open = Api.ListTendersAsync("OpenForOptIn", pageSize: 50, ct: ct);
        var published = Api.ListTendersAsync("Published", pageSize: 20, ct: ct);
        var renewals = Api.RenewalCalendarAsync(today, today.AddMonths(3), ct: ct);
        var memberships = Api.ListMembershipsAsync(endingFrom: today, endingTo: today.AddMonths(6), ct: ct);
        var failed = Api.ListDeliveriesAsync(status: "Failed", ct: ct);

        OpenForOptIn = (await open).Content?.Items.OrderBy(t => t.OptInDeadline).ToArray() ?? [];
        var details = await Task.WhenAll(((await published).Content?.Items ?? []).Select(t => Api.GetTenderAsync(t.Id, ct)));
        AwaitingAward = details.Select(d => d.Content).OfType<TenderView>()
            .SelectMany(t => t.Lots.Where(l => l.Status == "Open").Select(l => (t, l))).ToArray();
        Renewals = (await renewals).Content ?? [];
        MembershipsEnding = (await memberships).Content ?? [];
        FailedDeliveries = (await failed).Content ?? [];
    }
}
