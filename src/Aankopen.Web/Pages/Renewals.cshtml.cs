using Aankopen.Contracts.Api.V1;

namespace Aankopen.Web.Pages;

/// <summary>The renewal calendar: running lots whose notice deadline or period end falls in the window, most urgent first.</summary>
public sealed class RenewalsModel(TimeProvider clock) : AankopenPageModel
{
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public IReadOnlyList<RenewalCalendarEntryView> Entries { get; private set; } = [];

    public async Task OnGetAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        From = from ?? Aankopen.Domain.BrusselsCalendar.Today(clock);
        To = to ?? From.AddMonths(12);
        Entries = Accepted(await Api.RenewalCalendarAsync(From, To, ct: ct)) ?? [];
    }
}
