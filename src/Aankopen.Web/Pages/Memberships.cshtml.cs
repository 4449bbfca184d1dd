using Aankopen.Contracts.Api.V1;

namespace Aankopen.Web.Pages;

/// <summary>The administrations' memberships of purchasing centrals, those ending soonest first.</summary>
public sealed class MembershipsModel : AankopenPageModel
{
    public string? Administration { get; private set; }
    public IReadOnlyList<MembershipView> Memberships { get; private set; } = [];
    public IReadOnlyList<AdministrationView> Administrations { get; private set; } = [];

    /// <summary>Tenders in which an administration buys through another acting as purchasing central.</summary>
    public IReadOnlyList<BuyingThroughView> Through { get; private set; } = [];

    public async Task OnGetAsync(string? administration, CancellationToken ct)
    {
        Administration = string.IsNullOrWhiteSpace(administration) ? null : administration;
        Administrations = await Api.ListAdministrationsAsync(ct);
        Memberships = (Accepted(await Api.ListMembershipsAsync(Administration, ct: ct)) ?? [])
            .OrderBy(m => m.End ?? DateOnly.MaxValue).ThenBy(m => m.Administration).ToArray();
        Through = Accepted(await Api.ListBuyingThroughAsync(Administration, ct)) ?? [];
    }
}
