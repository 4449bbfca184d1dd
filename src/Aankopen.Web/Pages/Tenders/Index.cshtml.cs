using Aankopen.Contracts.Api.V1;

namespace Aankopen.Web.Pages.Tenders;

/// <summary>The joint tenders, newest first, filtered by status, year, administration or words of the reference or title.</summary>
public sealed class IndexModel : AankopenPageModel
{
    public const int PageSize = 25;

    public string? Status { get; private set; }
    public int? Year { get; private set; }
    public string? Administration { get; private set; }
    public string? Q { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public PageView<TenderSummaryView>? Found { get; private set; }
    public IReadOnlyList<AdministrationView> Administrations { get; private set; } = [];

    public async Task OnGetAsync(string? status, int? year, string? administration, string? q, int? p, CancellationToken ct)
    {
        (Status, Year, Administration, Q, PageNumber) = (Empty(status), year, Empty(administration), Empty(q), Math.Max(1, p ?? 1));
        Administrations = await Api.ListAdministrationsAsync(ct);
        var response = await Api.ListTendersAsync(Status, Year, Administration, null, Q, PageNumber, PageSize, ct);
        Found = Accepted(response);
    }

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public string Link(int page) =>
        "/tenders?" + string.Join("&", new[] { ("status", Status), ("year", Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("administration", Administration), ("q", Q), ("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture)) }
            .Where(x => x.Item2 is not null).Select(x => $"{x.Item1}={Uri.EscapeDataString(x.Item2!)}"));
}
