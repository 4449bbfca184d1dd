using Aankopen.Contracts.Api.V1;
using Microsoft.AspNetCore.Mvc;

namespace Aankopen.Web.Pages.Administrations;

/// <summary>
/// One administration's own view: the lots it may still opt into (with its estimate and budget line), and per year
/// its opt-ins, awarded shares and what is committed in its budget, downloadable for its finance department.
/// </summary>
public sealed class DetailModel(TimeProvider clock) : AankopenPageModel
{
    public string Code { get; private set; } = "";
    public AdministrationView? Administration { get; private set; }
    public int Year { get; private set; }
    public IReadOnlyList<TenderView> OpenTenders { get; private set; } = [];
    public AdministrationYearView? YearView { get; private set; }
    public bool ActsHere => Scope.ActsFor(Code);

    public Task<IActionResult> OnGetAsync(string code, int? year, CancellationToken ct) => ShowAsync(code, year, ct);

    public async Task<IActionResult> OnPostOptInAsync(string code, Guid tenderId, long version, int lotNumber, string budgetLine, CancellationToken ct)
    {
        var form = $"optin-{tenderId:N}-{lotNumber}";
        var amount = AmountFrom(form, "estimatedAmountExclVat", Request.Form["estimatedAmountExclVat"], optional: true);
        var quantity = AmountFrom(form, "estimatedQuantity", Request.Form["estimatedQuantity"], optional: true);
        if (ModelState.ErrorCount > 0)
            return await ShowAsync(code, null, ct);
        var response = await Api.OptInAsync(tenderId, lotNumber, code, IfMatch(version), "", new OptInRequest(amount, budgetLine ?? "", quantity), ct);
        return await DoneAsync(code, form, response, Text("deelname-aan-perceel-bewaard", lotNumber), ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string code, Guid tenderId, long version, int lotNumber, CancellationToken ct) =>
        await DoneAsync(code, $"optin-{tenderId:N}-{lotNumber}", await Api.WithdrawOptInAsync(tenderId, lotNumber, code, IfMatch(version), "", ct),
            Text("deelname-aan-perceel-ingetrokken", lotNumber), ct);

    /// <summary>The year's CSV for the finance department, through the API with the person's own rights.</summary>
    public Task<IActionResult> OnGetCsvAsync(string code, int? year, CancellationToken ct) =>
        DownloadAsync(Api.ExportAdministrationYearCsvAsync(code, year ?? clock.GetUtcNow().Year, IsFrenchLang, ct), null, ct);

    private static string IsFrenchLang => Language.IsFrench ? "fr" : "nl";

    private Task<IActionResult> DoneAsync(string code, string form, Refit.IApiResponse<TenderView> response, string notice, CancellationToken ct) =>
        AfterWriteAsync(form, response, notice, $"/administrations/{code}", () => ShowAsync(code, null, ct));

    private async Task<IActionResult> ShowAsync(string code, int? year, CancellationToken ct)
    {
        Code = code.ToUpperInvariant();
        Year = year ?? clock.GetUtcNow().Year;
        var administration = await Api.GetAdministrationAsync(Code, ct);
        if (administration.StatusCode == System.Net.HttpStatusCode.NotFound)
            return NotFoundPage();
        Administration = administration.Content;
        var open = (await Api.ListTendersAsync("OpenForOptIn", administration: Code, pageSize: 50, ct: ct)).Content?.Items ?? [];
        OpenTenders = (await Task.WhenAll(open.Select(t => Api.GetTenderAsync(t.Id, ct)))).Select(r => r.Content).OfType<TenderView>()
            .Where(t => t.InvitedAdministrations.Contains(Code)).OrderBy(t => t.OptInDeadline).ToArray();
        var yearResponse = await Api.GetAdministrationYearAsync(Code, Year, ct);
        if (yearResponse.StatusCode == System.Net.HttpStatusCode.Forbidden)
            return ForbiddenPage();
        YearView = yearResponse.Content;
        return Page();
    }
}
