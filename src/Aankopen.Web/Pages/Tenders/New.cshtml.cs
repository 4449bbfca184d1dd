using Aankopen.Contracts.Api.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aankopen.Web.Pages.Tenders;

/// <summary>The purchasing cell opens a joint tender; lots are added on its page, then it is opened for opt-in.</summary>
// Only the cell opens tenders: anyone else is refused the form itself, not only its post.
[Authorize(Policy = Aankopen.Edge.Security.Policies.PurchasingCell)]
public sealed class NewModel(TimeProvider clock) : AankopenPageModel
{
    public const string Form = "open";

    public IReadOnlyList<AdministrationView> Administrations { get; private set; } = [];
    public string DefaultDeadline { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string reference, string titleNl, string titleFr, string mainCpv, string procedure,
        string leadAdministration, string[] invitedAdministrations, string optInDeadline, bool draft, string? arrangement, CancellationToken ct)
    {
        if (!DateTime.TryParse(optInDeadline, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var local))
            ModelState.AddModelError($"{Form}.optInDeadline", Refusal("form/moment-required"));
        else if (Aankopen.Domain.BrusselsCalendar.Zone.IsInvalidTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)))
            // The night the clocks go forward, 02:00 to 02:59 does not exist in Brussels.
            ModelState.AddModelError($"{Form}.optInDeadline", Refusal("form/hour-skipped"));
        else
        {
            var request = new OpenTenderRequest(reference ?? "", titleNl ?? "", titleFr ?? "", mainCpv ?? "", procedure ?? "", leadAdministration ?? "",
                invitedAdministrations, Language.FromBrussels(local), Draft: draft,
                Arrangement: string.IsNullOrWhiteSpace(arrangement) ? null : arrangement);
            if (AcceptedFor(Form, await Api.OpenTenderAsync("", request, Request.Form["idempotencyKey"].ToString(), ct)) is { } opened)
            {
                Notice = Text("opdracht-geopend-voeg-nu-de-percelen", opened.Reference);
                return Redirect($"/tenders/{opened.Id}");
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Administrations = await Api.ListAdministrationsAsync(ct);
        await FindCpvAsync(ct);
        DefaultDeadline = Language.ToBrussels(clock.GetUtcNow().AddDays(21)).ToString("yyyy-MM-dd'T'12:00", System.Globalization.CultureInfo.InvariantCulture);
    }
}
